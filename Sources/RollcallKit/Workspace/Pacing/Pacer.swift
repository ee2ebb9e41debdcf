/// Hands out send times for one API family so requests arrive just under the server's limit.
///
/// A GCRA (generic cell rate algorithm) token bucket: each reservation moves the theoretical
/// arrival time (`tat`) one interval on; a caller gets the later of now and `tat - tolerance`
/// and sleeps until then, so nothing ever spins. `burst` requests may go back to back after an
/// idle spell.
///
/// Adaptive: a throttle answer cuts the rate (once per throttle episode: answers to requests sent
/// before the last cut do not cut again, otherwise eight in-flight 429s would divide the rate by
/// 256) and pushes the next slot past `Retry-After`; a run of successes raises it again, never
/// above the ceiling.
///
/// A family whose limit Databricks does not document starts *learning* (``Settings/learning(floorRate:burst:firstRound:)``):
/// no rate, because guessing one either wastes an unlimited server's speed or overruns a limited
/// one. Until the first throttle it sends in rounds, like TCP slow start: `firstRound` requests,
/// then nothing more until all of them are answered, then a round twice as large. A round bounds
/// the wave of throttles that teaches the limit; without rounds, the senders whose requests
/// succeeded would send again before the throttles of the same wave were read, doubling it.
/// The first throttle holds every sender until `Retry-After` has passed (the answers in flight
/// arrive meanwhile), then sets rate and ceiling to the successes of requests sent in the second
/// before that throttle: what the server demonstrably accepts per second. Each later throttle
/// episode also lowers the ceiling by the decrease factor's square root, so an estimate inflated
/// by a large server-side burst converges instead of oscillating.
public actor Pacer {
    /// The pacer's constants.
    public struct Settings: Sendable, Hashable {
        /// Requests per second at start; `.infinity` while learning.
        public var startRate: Double
        /// Highest rate the pacer will climb back to.
        public var ceilingRate: Double
        /// Lowest rate a run of throttles can push it to.
        public var floorRate: Double
        /// Requests allowed back to back after an idle spell (at least 1).
        public var burst: Int
        /// Multiplier applied on a throttle (0 < factor <= 1; 1 disables adaptation).
        public var decreaseFactor: Double
        /// Multiplier applied after `successesPerIncrease` successes in a row.
        public var increaseFactor: Double
        public var successesPerIncrease: Int
        /// Unpaced until the first throttle, then paced at the rate the server was seen to accept.
        public var learnsRate: Bool
        /// Learning only: the size of the first round of requests sent before any answer is read.
        public var firstRound: Int

        public init(
            startRate: Double, ceilingRate: Double? = nil, floorRate: Double = 0.5, burst: Int = 2,
            decreaseFactor: Double = 0.5, increaseFactor: Double = 1.1, successesPerIncrease: Int = 20
        ) {
            self.startRate = max(startRate, 0.001)
            self.ceilingRate = max(ceilingRate ?? startRate, self.startRate)
            self.floorRate = min(floorRate, self.startRate)
            self.burst = max(1, burst)
            self.decreaseFactor = decreaseFactor
            self.increaseFactor = increaseFactor
            self.successesPerIncrease = max(1, successesPerIncrease)
            self.learnsRate = false
            self.firstRound = 0
        }

        /// A fixed rate that never adapts (the global `--rate-limit` cap).
        public static func fixed(rate: Double, burst: Int = 1) -> Settings {
            Settings(startRate: rate, ceilingRate: rate, floorRate: rate, burst: burst, decreaseFactor: 1,
                increaseFactor: 1)
        }

        /// No pacing until the server first throttles, then the rate it was seen to accept.
        public static func learning(floorRate: Double = 0.5, burst: Int = 2, firstRound: Int = 16) -> Settings {
            var settings = Settings(startRate: .infinity, floorRate: floorRate, burst: burst)
            settings.learnsRate = true
            settings.firstRound = max(1, firstRound)
            return settings
        }
    }

    /// What a caller should do now.
    public enum Reservation: Sendable, Equatable {
        /// Send at this time (a slot is taken).
        case send(at: Double)
        /// The pacer is holding after a throttle and has not settled its rate: ask again then.
        case askAgain(at: Double)
        /// A learning pacer's round is spent, or its estimate waits for answers in flight:
        /// ``waitForRound()``, then ask again.
        case afterRound
    }

    public let settings: Settings
    /// Current rate in requests per second (`.infinity` while learning and not yet throttled).
    public private(set) var rate: Double
    /// The rate successes climb back to; learned, for a learning family.
    public private(set) var ceiling: Double
    /// Theoretical arrival time of the next request.
    private var theoreticalArrival = -Double.infinity
    private var lastDecrease = -Double.infinity
    private var successesInARow = 0
    /// Send times of recent successes, for the learned estimate (learning families only).
    private var recentSuccesses: [Double] = []
    /// When the first throttle of a learning family was seen and until when everyone holds.
    private var pendingEstimate: (seenAt: Double, holdUntil: Double)?
    /// Learning rounds: size of the current one, requests it has sent, requests not yet answered.
    private var roundSize: Int
    private var sentThisRound = 0
    private var unanswered = 0
    private var roundWaiters: [CheckedContinuation<Void, Never>] = []

    public init(settings: Settings) {
        self.settings = settings
        self.rate = settings.startRate
        self.ceiling = settings.ceilingRate
        self.roundSize = settings.firstRound
    }

    /// Reserves the next send slot at or after `now`, or says when to ask again.
    public func reserve(now: Double) -> Reservation {
        if let pending = pendingEstimate {
            guard now >= pending.holdUntil else { return .askAgain(at: pending.holdUntil) }
            // A success still in flight (a slow or loaded server) would be missing from the count.
            guard unanswered == 0 else { return .afterRound }
            settleEstimate(seenAt: pending.seenAt)
        }
        guard rate.isFinite else {
            guard sentThisRound < roundSize else { return .afterRound }
            sentThisRound += 1
            unanswered += 1
            return .send(at: now)
        }
        let interval = 1 / rate
        let tolerance = Double(settings.burst - 1) * interval
        let slot = max(now, theoreticalArrival - tolerance)
        theoreticalArrival = max(theoreticalArrival, now) + interval
        return .send(at: slot)
    }

    /// Suspends until the current learning round is answered (or learning ends); returns at once
    /// when the round is not spent.
    public func waitForRound() async {
        guard !rate.isFinite else { return }
        let waiting = pendingEstimate == nil ? sentThisRound >= roundSize : unanswered > 0
        guard waiting else { return }
        await withCheckedContinuation { roundWaiters.append($0) }
    }

    /// A request of this family got an answer that was neither a success nor a throttle.
    public func recordOtherAnswer() {
        answered()
    }

    /// A request of this family, sent at `sentAt`, succeeded.
    public func recordSuccess(sentAt: Double = -.infinity) {
        if settings.learnsRate && !rate.isFinite {
            answered()
            recentSuccesses.append(sentAt)
            if recentSuccesses.count > 4096 { recentSuccesses.removeFirst(2048) }
        }
        guard rate.isFinite else { return }
        successesInARow += 1
        guard successesInARow >= settings.successesPerIncrease else { return }
        successesInARow = 0
        rate = min(ceiling, rate * settings.increaseFactor)
    }

    /// A request sent at `sentAt` was throttled at `now`.
    public func recordThrottle(sentAt: Double, now: Double, retryAfterSeconds: Double?) {
        successesInARow = 0
        if !rate.isFinite {
            // First throttle of a learning family: hold everyone, estimate once the answers are in.
            answered()
            if pendingEstimate == nil {
                pendingEstimate = (seenAt: now, holdUntil: now + (retryAfterSeconds ?? 1))
                lastDecrease = now
                resumeRoundWaiters()
            }
            return
        }
        if sentAt >= lastDecrease {
            rate = max(settings.floorRate, rate * settings.decreaseFactor)
            if settings.learnsRate { ceiling = max(settings.floorRate, ceiling * settings.decreaseFactor.squareRoot()) }
            lastDecrease = now
        }
        if let retryAfterSeconds {
            theoreticalArrival = max(theoreticalArrival, now + retryAfterSeconds)
        }
    }

    /// One answer of a learning round is in; the last one opens a round twice as large, or, after
    /// the first throttle, lets the estimate settle.
    private func answered() {
        guard settings.learnsRate && !rate.isFinite else { return }
        unanswered = max(0, unanswered - 1)
        guard unanswered == 0 else { return }
        if pendingEstimate == nil {
            guard sentThisRound >= roundSize else { return }
            roundSize *= 2
            sentThisRound = 0
        }
        resumeRoundWaiters()
    }

    private func resumeRoundWaiters() {
        let waiters = roundWaiters
        roundWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Rate and ceiling become the successes of requests sent in the second before the throttle.
    private func settleEstimate(seenAt: Double) {
        let accepted = recentSuccesses.filter { $0 > seenAt - 1 && $0 <= seenAt }.count
        rate = max(settings.floorRate, Double(accepted))
        ceiling = rate
        recentSuccesses = []
        pendingEstimate = nil
    }
}

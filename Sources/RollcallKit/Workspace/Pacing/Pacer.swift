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
public actor Pacer {
    /// The pacer's constants.
    public struct Settings: Sendable, Hashable {
        /// Requests per second at start.
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
        }

        /// A fixed rate that never adapts (the global `--rate-limit` cap).
        public static func fixed(rate: Double, burst: Int = 1) -> Settings {
            Settings(startRate: rate, ceilingRate: rate, floorRate: rate, burst: burst, decreaseFactor: 1,
                increaseFactor: 1)
        }
    }

    public let settings: Settings
    /// Current rate in requests per second.
    public private(set) var rate: Double
    /// Theoretical arrival time of the next request.
    private var theoreticalArrival = -Double.infinity
    private var lastDecrease = -Double.infinity
    private var successesInARow = 0

    public init(settings: Settings) {
        self.settings = settings
        self.rate = settings.startRate
    }

    /// Reserves the next send slot at or after `now` and returns it.
    public func reserve(now: Double) -> Double {
        let interval = 1 / rate
        let tolerance = Double(settings.burst - 1) * interval
        let slot = max(now, theoreticalArrival - tolerance)
        theoreticalArrival = max(theoreticalArrival, now) + interval
        return slot
    }

    /// A request of this family succeeded.
    public func recordSuccess() {
        successesInARow += 1
        guard successesInARow >= settings.successesPerIncrease else { return }
        successesInARow = 0
        rate = min(settings.ceilingRate, rate * settings.increaseFactor)
    }

    /// A request sent at `sentAt` was throttled at `now`.
    public func recordThrottle(sentAt: Double, now: Double, retryAfterSeconds: Double?) {
        successesInARow = 0
        if sentAt >= lastDecrease {
            rate = max(settings.floorRate, rate * settings.decreaseFactor)
            lastDecrease = now
        }
        if let retryAfterSeconds {
            theoreticalArrival = max(theoreticalArrival, now + retryAfterSeconds)
        }
    }
}

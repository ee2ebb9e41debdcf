/// One pacer per API family plus the optional global cap, shared by every copy of the client.
public struct RequestPacing: Sendable {
    public let configuration: PacingConfiguration
    public let clock: any PacingClock
    private let pacers: [RequestFamily: Pacer]
    private let global: Pacer?

    public init(configuration: PacingConfiguration, clock: any PacingClock = SystemPacingClock()) {
        self.configuration = configuration
        self.clock = clock
        var pacers: [RequestFamily: Pacer] = [:]
        if configuration.isEnabled {
            for family in RequestFamily.allCases {
                pacers[family] = Pacer(settings: configuration.settings(for: family))
            }
        }
        self.pacers = pacers
        self.global = configuration.globalRequestsPerSecond.map { Pacer(settings: .fixed(rate: $0)) }
    }

    /// The pacer of `family`, or nil when pacing is off.
    public func pacer(for family: RequestFamily) -> Pacer? { pacers[family] }

    /// Waits for the next slot of `family` (and of the global cap) and returns the time it was given.
    public func waitForSlot(_ family: RequestFamily) async -> Double {
        var slot = clock.now()
        if let pacer = pacers[family] {
            // A learning pacer sends in rounds, and holds senders after its first throttle until
            // it has settled a rate.
            reserving: while true {
                switch await pacer.reserve(now: slot) {
                case .send(let at):
                    slot = at
                    break reserving
                case .askAgain(let later):
                    await clock.sleep(until: later)
                    slot = max(later, clock.now())
                case .afterRound:
                    await pacer.waitForRound()
                    slot = clock.now()
                }
            }
        }
        // The global cap is a fixed pacer: it never learns, so it always gives a slot.
        if let global, case .send(let at) = await global.reserve(now: slot) { slot = at }
        await clock.sleep(until: slot)
        return max(slot, clock.now())
    }

    func recordSuccess(_ family: RequestFamily, sentAt: Double) async {
        await pacers[family]?.recordSuccess(sentAt: sentAt)
    }

    /// Every request that got a slot reports exactly one answer: success, throttle or this.
    func recordOtherAnswer(_ family: RequestFamily) async {
        await pacers[family]?.recordOtherAnswer()
    }

    func recordThrottle(_ family: RequestFamily, sentAt: Double, retryAfterSeconds: Double?) async {
        await pacers[family]?.recordThrottle(sentAt: sentAt, now: clock.now(), retryAfterSeconds: retryAfterSeconds)
    }
}

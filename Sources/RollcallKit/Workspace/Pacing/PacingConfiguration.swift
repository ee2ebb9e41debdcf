/// How fast the client may talk to each API family.
///
/// Each family starts at `startFactor` (90 %) of its published rate and may climb back to 100 %
/// of it, never above: starting just under leaves room for network jitter bunching requests at
/// the server, and staying at or under the published figure avoids the 429 storms (and the
/// temporary IP blocks the Terraform maintainers warn of) that overshooting invites. At 90 % a
/// run costs about 1.11x the theoretical floor before the rate creeps up, inside the 1.15x target.
/// A throttle halves the family's rate (floor 0.5/s); 20 successes in a row raise it 10 %.
public struct PacingConfiguration: Sendable, Hashable {
    /// Share of the published rate to start at.
    public var startFactor: Double
    /// Overrides of the published rate per family (requests per second).
    public var publishedRates: [RequestFamily: Double]
    /// Global cap across all families (`--rate-limit RPS`); nil means none.
    public var globalRequestsPerSecond: Double?
    /// Requests a family may send back to back after an idle spell.
    public var burst: Int
    /// Whether pacing happens at all; off for tests against an unlimited sandbox.
    public var isEnabled: Bool

    public init(
        startFactor: Double = 0.9, publishedRates: [RequestFamily: Double] = [:], globalRequestsPerSecond: Double? = nil,
        burst: Int = 2, isEnabled: Bool = true
    ) {
        self.startFactor = startFactor
        self.publishedRates = publishedRates
        self.globalRequestsPerSecond = globalRequestsPerSecond
        self.burst = burst
        self.isEnabled = isEnabled
    }

    /// No pacing at all; only a `--rate-limit` cap if one is set.
    public static let unpaced = PacingConfiguration(isEnabled: false)

    /// The pacer settings of one family.
    public func settings(for family: RequestFamily) -> Pacer.Settings {
        let published = publishedRates[family] ?? family.publishedRequestsPerSecond
        return Pacer.Settings(
            startRate: published * startFactor, ceilingRate: published, floorRate: 0.5, burst: burst,
            decreaseFactor: 0.5, increaseFactor: 1.1, successesPerIncrease: 20)
    }
}

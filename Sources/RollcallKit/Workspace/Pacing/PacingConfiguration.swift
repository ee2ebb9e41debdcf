/// How fast the client may talk to each API family.
///
/// Two policies, chosen per family by what Databricks documents:
///
/// - **Documented limit** (SCIM GET 255/min, permissions GET 100/s and PUT/PATCH 30/s, account
///   SCIM): paced from the first request at `startFactor` (90 %) of the published rate, climbing
///   back to 100 %, never above. Starting just under leaves room for network jitter bunching
///   requests at the server; staying at or under the figure avoids the 429 storms (and the
///   temporary IP blocks the Terraform maintainers warn of) that overshooting invites. The burst is
///   one second's worth at the start rate (at least `minimumBurst`), so the handful of reads a plan
///   makes go out together instead of 0.26 s apart.
/// - **No documented limit** (SCIM writes, SQL statements, lookups, UC REST): unpaced until the
///   server first throttles, then paced at the rate it was seen to accept (``Pacer``). A guessed
///   rate is wrong both ways: the old 9/s for SCIM writes made 1,000 users take 103 s against a
///   server with no limit, and any higher guess overruns a server whose real limit is 10/s.
///   Learning costs one wave of throttles (at most one round, 16, minus the server's burst) once
///   per family and run.
///
/// A throttle halves a family's rate (floor 0.5/s); 20 successes in a row raise it 10 %.
public struct PacingConfiguration: Sendable, Hashable {
    /// Share of the published rate to start at.
    public var startFactor: Double
    /// Overrides of the published rate per family (requests per second); a family given here is
    /// paced from the start even when Databricks documents no figure for it.
    public var publishedRates: [RequestFamily: Double]
    /// Global cap across all families (`--rate-limit RPS`); nil means none.
    public var globalRequestsPerSecond: Double?
    /// Requests a family may send back to back after an idle spell; nil means one second's worth
    /// at the start rate, at least `minimumBurst`.
    public var burst: Int?
    /// Whether pacing happens at all; off for tests against an unlimited sandbox.
    public var isEnabled: Bool

    /// The burst when none is given and the rate is low.
    public static let minimumBurst = 2

    public init(
        startFactor: Double = 0.9, publishedRates: [RequestFamily: Double] = [:], globalRequestsPerSecond: Double? = nil,
        burst: Int? = nil, isEnabled: Bool = true
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
        guard let published = publishedRates[family] ?? family.documentedRequestsPerSecond else {
            return .learning(floorRate: 0.5, burst: burst ?? Self.minimumBurst)
        }
        let start = published * startFactor
        return Pacer.Settings(
            startRate: start, ceilingRate: published, floorRate: 0.5,
            burst: burst ?? max(Self.minimumBurst, Int(start.rounded(.down))),
            decreaseFactor: 0.5, increaseFactor: 1.1, successesPerIncrease: 20)
    }
}

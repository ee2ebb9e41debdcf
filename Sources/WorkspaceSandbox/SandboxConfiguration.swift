/// Every knob of a sandbox: identity, credentials and fault injection.
/// `rollcall sandbox` maps its flags one to one onto these fields.
public struct SandboxConfiguration: Sendable, Hashable {
    /// 0 picks an ephemeral port.
    public var port: Int = 0
    /// The workspace personal access token of the seeded admin user.
    public var token: String = "dapi-sandbox-token"
    public var accountID: String = "00000000-0000-4000-8000-000000000001"
    public var workspaceID: Int64 = 1_234_567_890_123_456
    /// OAuth machine-to-machine client of a service principal; nil disables the token endpoints' grants.
    public var clientID: String? = nil
    public var clientSecret: String? = nil
    public var oauthTTLSeconds: Int = 3600
    /// Personal access token of an ordinary workspace user (`SeedState.memberUserName`, not an
    /// admin); nil seeds no such user. Its SCIM calls other than `Me` and GETs of `Users` and
    /// `Groups` answer 403, as Databricks answers non-admins (databricks-api.md §1).
    public var memberToken: String? = nil
    /// Added to every API request (not `/sandbox/*`).
    public var latencyMilliseconds: Int = 0
    public var rateLimits: RateLimitMode = .off
    /// Share (0...1) of API requests answered 503 `TEMPORARILY_UNAVAILABLE`.
    public var errorRate: Double = 0
    /// Share (0...1) of requests whose connection is closed without an answer
    /// (half before applying the request, half after).
    public var dropRate: Double = 0
    /// For this long after a write, reads of the written object may return its previous version.
    public var staleReadsMilliseconds: Int = 0
    /// Seed of the random faults, so a run can be repeated.
    public var seed: UInt64 = 1
    /// How long a SQL statement runs before it reaches a terminal state.
    public var statementMilliseconds: Int = 50
    /// Load state from this JSON file at start (if it exists) and save it on stop.
    public var stateFile: String? = nil
    /// More account groups, besides `workshop-users`, that exist at start and are assigned to the
    /// workspace: a workshop whose organizer already made its groups at the account level.
    public var accountGroups: [String] = []

    public init() {}

    public enum RateLimitMode: String, Sendable, Hashable, CaseIterable {
        case off
        /// Token buckets per API family at Databricks' documented rates (see `APIFamily`).
        case realistic
    }
}

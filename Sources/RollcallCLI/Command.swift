public import WorkspaceSandbox

/// What the user asked for: the result of parsing, before anything runs.
public enum Command: Sendable, Hashable {
    case importRoster(ImportOptions)
    case validate(ValidateOptions)
    case offboard(OffboardOptions)
    case sandbox(SandboxConfiguration)
    case demo
    case authCheck(AuthCheckOptions)
    case template(TemplateKind)
    /// `--help` for the tool (nil) or one command (`import`, `auth check`, ...).
    case help(command: String?)
    case version
}

/// How much progress output a long command prints.
public enum Verbosity: Sendable, Hashable {
    case quiet, normal, verbose
}

/// Where the workspace is and who we are, before environment and `~/.databrickscfg` fill the gaps.
public struct ConnectionOptions: Sendable, Hashable {
    public var profile: String?
    public var host: String?
    public var accountID: String?
    public var workspaceID: Int64?

    public init(profile: String? = nil, host: String? = nil, accountID: String? = nil, workspaceID: Int64? = nil) {
        self.profile = profile
        self.host = host
        self.accountID = accountID
        self.workspaceID = workspaceID
    }
}

/// `rollcall import ROSTER ...`
public struct ImportOptions: Sendable, Hashable {
    public var roster: String
    public var workshop: String?
    public var results: String?
    public var dryRun = false
    /// 16, as the import issue specifies: it already meets the benchmark's 10x over the seed flow
    /// (10.6x); `--concurrency 32` is ~15 % faster on the sandbox (12.3x), but a real workspace also
    /// caps concurrent requests, so the wider window is the user's choice, not the default.
    public var concurrency = ImportOptions.defaultConcurrency
    /// Requests per second across all workers; nil leaves only the per-API-family defaults.
    public var rateLimit: Double?
    /// A previous results CSV; only its failed rows run again.
    public var retryFailed: String?
    public var connection = ConnectionOptions()
    public var verbosity = Verbosity.normal
    public var json = false
    /// A fixed CSV delimiter byte; nil sniffs it from the header.
    public var delimiter: UInt8?

    public init(roster: String) { self.roster = roster }

    public static let defaultConcurrency = 16
}

/// `rollcall validate ROSTER ...`
public struct ValidateOptions: Sendable, Hashable {
    public var roster: String
    public var workshop: String?
    public var delimiter: UInt8?
    public var json = false

    public init(roster: String) { self.roster = roster }
}

/// `rollcall offboard ROSTER ...`
public struct OffboardOptions: Sendable, Hashable {
    public var roster: String
    public var workshop: String?
    public var results: String?
    public var dryRun = false
    /// Also revoke the groups' ACL entries and UC grants and delete the groups.
    public var deleteGroups = false
    /// Also remove roster users who are workspace admins (skipped by default).
    public var includeAdmins = false
    public var concurrency = 16
    public var connection = ConnectionOptions()
    public var verbosity = Verbosity.normal
    public var json = false
    public var delimiter: UInt8?

    public init(roster: String) { self.roster = roster }
}

/// `rollcall auth check ...`
public struct AuthCheckOptions: Sendable, Hashable {
    public var connection = ConnectionOptions()

    public init() {}
}

/// `rollcall template roster|workshop`
public enum TemplateKind: String, Sendable, Hashable, CaseIterable {
    case roster, workshop
}

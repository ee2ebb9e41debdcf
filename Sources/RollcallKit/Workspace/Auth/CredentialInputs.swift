/// Everything credential resolution reads, passed in so that nothing deep inside reads
/// `ProcessInfo` or the real home directory (and tests can use temporary files).
public struct CredentialInputs: Sendable, Hashable {
    /// `--host`, if given.
    public var hostFlag: String?
    /// `--account-id`, if given.
    public var accountIDFlag: String?
    /// `--profile`, if given; beats `DATABRICKS_CONFIG_PROFILE`.
    public var profileFlag: String?
    /// The process environment.
    public var environment: [String: String]
    /// Where `.env` is looked for.
    public var workingDirectory: String
    /// Home directory for `~/.databrickscfg`; nil means `$HOME` from `environment`.
    public var homeDirectory: String?

    public init(
        hostFlag: String? = nil, accountIDFlag: String? = nil, profileFlag: String? = nil,
        environment: [String: String], workingDirectory: String, homeDirectory: String? = nil
    ) {
        self.hostFlag = hostFlag
        self.accountIDFlag = accountIDFlag
        self.profileFlag = profileFlag
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.homeDirectory = homeDirectory
    }
}

/// Everything credential resolution reads, passed in so that nothing deep inside reads
/// `ProcessInfo` or the real home directory (and tests can use temporary files).
public struct CredentialInputs: Sendable, Hashable {
    /// `--host`, if given.
    public var hostFlag: String?
    /// The process environment.
    public var environment: [String: String]
    /// Where `.env` is looked for.
    public var workingDirectory: String
    /// Home directory for `~/.databrickscfg`; nil means `$HOME` from `environment`.
    public var homeDirectory: String?
    /// The config-file profile; only `DEFAULT` for now (`--profile` arrives with the identity issue).
    public var profile: String

    public init(
        hostFlag: String? = nil, environment: [String: String], workingDirectory: String,
        homeDirectory: String? = nil, profile: String = "DEFAULT"
    ) {
        self.hostFlag = hostFlag
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.homeDirectory = homeDirectory
        self.profile = profile
    }
}

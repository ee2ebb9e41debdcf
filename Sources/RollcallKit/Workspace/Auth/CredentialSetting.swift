/// The settings credential resolution knows, with their environment-variable and
/// `~/.databrickscfg` spellings (the Databricks SDKs' names).
public enum CredentialSetting: String, CaseIterable, Sendable, Hashable {
    case host
    case token
    case clientID = "client_id"
    case clientSecret = "client_secret"
    case accountID = "account_id"
    case accountHost = "account_host"

    /// The profile key, e.g. `client_id`.
    public var profileKey: String { rawValue }

    /// The environment variable (also read from `.env`), e.g. `DATABRICKS_CLIENT_ID`.
    public var environmentName: String { "DATABRICKS_" + rawValue.uppercased() }

    /// Values that must never be shown.
    public var isSecret: Bool { self == .token || self == .clientSecret }
}

/// Why no usable workspace credentials were found.
public enum CredentialsError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingHost
    case missingToken(host: String)
    /// `client_id` without `client_secret` (or the reverse).
    case incompleteOAuthClient(host: String, missing: String)
    case invalidHost(String, reason: String)
    /// `http://` to a host that is not loopback: the token would cross the network in clear text.
    case insecureHost(String)
    /// The token was found next to a different host than the one in use.
    case tokenForOtherHost(tokenSource: CredentialSource, tokenHost: String, host: String, hostSource: CredentialSource)
    case unreadableFile(path: String, reason: String)
    /// A named profile (`--profile`, `DATABRICKS_CONFIG_PROFILE` or `default_profile`) is not in the file.
    case unknownProfile(name: String, source: CredentialSource, path: String, available: [String])
    /// An account is configured but its host cannot be derived from the workspace host.
    case unknownAccountHost(workspaceHost: String)

    public var description: String {
        switch self {
        case .missingHost:
            "no workspace host: pass --host, set DATABRICKS_HOST (environment or .env), "
                + "or put host = ... in a profile of ~/.databrickscfg"
        case .missingToken(let host):
            "no credentials for \(host): set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET "
                + "(environment or .env), or put token = ... (or client_id and client_secret) in a profile of ~/.databrickscfg"
        case .incompleteOAuthClient(let host, let missing):
            "OAuth client for \(host) is incomplete: \(missing) is missing (set DATABRICKS_\(missing.uppercased()) "
                + "or \(missing) = ... in the profile)"
        case .invalidHost(let text, let reason):
            "invalid workspace host '\(text)': \(reason)"
        case .insecureHost(let host):
            "refusing http:// for \(host): the token would travel unencrypted; use https:// "
                + "(http:// is accepted only for localhost / 127.0.0.1 / ::1)"
        case .tokenForOtherHost(let tokenSource, let tokenHost, let host, let hostSource):
            "the credentials from \(tokenSource) belong to \(tokenHost), but the host is \(host) "
                + "(from \(hostSource)); set credentials for \(host)"
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        case .unknownProfile(let name, let source, let path, let available):
            "profile '\(name)' (from \(source)) is not in \(path); "
                + (available.isEmpty ? "the file has no profiles" : "profiles found: \(available.joined(separator: ", "))")
        case .unknownAccountHost(let host):
            "cannot tell the account host for \(host): set account_host in the profile or DATABRICKS_ACCOUNT_HOST"
        }
    }
}

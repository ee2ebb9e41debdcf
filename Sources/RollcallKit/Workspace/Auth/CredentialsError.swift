/// Why no usable workspace credentials were found.
public enum CredentialsError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingHost
    case missingToken(host: String)
    case invalidHost(String, reason: String)
    /// `http://` to a host that is not loopback: the token would cross the network in clear text.
    case insecureHost(String)
    /// The token was found next to a different host than the one in use.
    case tokenForOtherHost(tokenSource: CredentialSource, tokenHost: String, host: String, hostSource: CredentialSource)
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingHost:
            "no workspace host: pass --host, set DATABRICKS_HOST (environment or .env), "
                + "or put host = ... under [DEFAULT] in ~/.databrickscfg"
        case .missingToken(let host):
            "no token for \(host): set DATABRICKS_TOKEN (environment or .env), "
                + "or put token = ... under [DEFAULT] in ~/.databrickscfg"
        case .invalidHost(let text, let reason):
            "invalid workspace host '\(text)': \(reason)"
        case .insecureHost(let host):
            "refusing http:// for \(host): the token would travel unencrypted; use https:// "
                + "(http:// is accepted only for localhost / 127.0.0.1 / ::1)"
        case .tokenForOtherHost(let tokenSource, let tokenHost, let host, let hostSource):
            "the token from \(tokenSource) belongs to \(tokenHost), but the host is \(host) "
                + "(from \(hostSource)); set DATABRICKS_TOKEN for \(host)"
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}

/// Where a credential value came from, so messages can say which setting to fix.
public enum CredentialSource: Sendable, Hashable, CustomStringConvertible {
    /// A command-line flag such as `--host`.
    case flag(String)
    /// A process environment variable such as `DATABRICKS_TOKEN`.
    case environment(String)
    /// A `KEY=VALUE` line of a `.env` file.
    case dotEnvFile(path: String, line: Int, key: String)
    /// A key of a profile section in `~/.databrickscfg`.
    case configFile(path: String, profile: String, key: String)
    /// Worked out from another setting (the account host from the workspace host).
    case derived(String)

    public var description: String {
        switch self {
        case .flag(let name): name
        case .environment(let name): "environment variable \(name)"
        case .dotEnvFile(let path, let line, let key): "\(key) in \(path):\(line)"
        case .configFile(let path, let profile, let key): "\(key) in [\(profile)] of \(path)"
        case .derived(let how): how
        }
    }
}

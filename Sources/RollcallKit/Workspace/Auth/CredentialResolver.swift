import Foundation

/// Finds the workspace host, credentials and account in the order the Databricks SDKs use:
/// flags, then the environment, then `.env` in the working directory, then a profile of
/// `~/.databrickscfg` (`DATABRICKS_CONFIG_FILE` overrides the path): `--profile`, else
/// `DATABRICKS_CONFIG_PROFILE`, else `[__settings__] default_profile`, else `[DEFAULT]`.
///
/// Each value is taken from the first source that has it (an empty value counts as unset).
/// A personal access token wins over an OAuth client found in the same or a lower layer, as the
/// SDKs try `pat` before `oauth-m2m`. A secret is refused when the source it came from names a
/// different host than the one in use, so a token for one workspace is never sent to another.
public enum CredentialResolver {
    /// One layer of settings, highest precedence first.
    struct Layer {
        var values: [CredentialSetting: (value: String, source: CredentialSource)] = [:]
    }

    public static func resolve(_ inputs: CredentialInputs) throws(CredentialsError) -> WorkspaceCredentials {
        let (layers, profile) = try layers(for: inputs)
        guard let hostSetting = first(.host, in: layers) else { throw .missingHost }
        let host = try WorkspaceHost(hostSetting.value)
        for secret in [CredentialSetting.token, .clientSecret] {
            try checkSameHost(secret, layers: layers, host: host, hostSource: hostSetting.source)
        }
        let method = try method(layers: layers, host: host)
        var account: AccountSettings?
        if let accountID = first(.accountID, in: layers) {
            if let explicit = first(.accountHost, in: layers) {
                account = AccountSettings(
                    accountID: accountID.value, accountIDSource: accountID.source,
                    host: try WorkspaceHost(explicit.value), hostSource: explicit.source)
            } else if let derived = AccountHost.derive(from: host) {
                account = AccountSettings(
                    accountID: accountID.value, accountIDSource: accountID.source, host: derived,
                    hostSource: .derived("derived from the workspace host"))
            } else {
                throw .unknownAccountHost(workspaceHost: host.name)
            }
        }
        return WorkspaceCredentials(
            host: host, hostSource: hostSetting.source, method: method, account: account, profile: profile)
    }

    /// Whether an account id is set anywhere (flags, environment, `.env`, profile), for offline
    /// advice; unreadable or incomplete settings count as no account.
    public static func accountConfigured(_ inputs: CredentialInputs) -> Bool {
        guard let (layers, _) = try? layers(for: inputs) else { return false }
        return first(.accountID, in: layers) != nil
    }

    /// The layer index a setting came from (lower wins), for choosing between PAT and OAuth.
    static func layerIndex(_ key: CredentialSetting, in layers: [Layer]) -> Int? {
        layers.firstIndex { ($0.values[key]?.value.isEmpty == false) }
    }

    static func method(layers: [Layer], host: WorkspaceHost) throws(CredentialsError) -> CredentialMethod {
        let tokenLayer = layerIndex(.token, in: layers)
        let clientLayer = [layerIndex(.clientID, in: layers), layerIndex(.clientSecret, in: layers)]
            .compactMap { $0 }.min()
        if let tokenLayer, clientLayer.map({ tokenLayer <= $0 }) ?? true, let token = first(.token, in: layers) {
            return .personalAccessToken(AccessToken(token.value), source: token.source)
        }
        guard clientLayer != nil else { throw .missingToken(host: host.name) }
        guard let clientID = first(.clientID, in: layers) else {
            throw .incompleteOAuthClient(host: host.name, missing: "client_id")
        }
        guard let secret = first(.clientSecret, in: layers) else {
            throw .incompleteOAuthClient(host: host.name, missing: "client_secret")
        }
        return .oauthM2M(
            OAuthClient(
                clientID: clientID.value, clientIDSource: clientID.source, secret: AccessToken(secret.value),
                secretSource: secret.source))
    }

    /// A secret found next to a host must be for the host in use.
    static func checkSameHost(
        _ key: CredentialSetting, layers: [Layer], host: WorkspaceHost, hostSource: CredentialSource
    ) throws(CredentialsError) {
        guard let setting = first(key, in: layers),
            let layer = layers.first(where: { $0.values[key]?.source == setting.source }),
            let sameLayerHost = layer.values[.host], !sameLayerHost.value.isEmpty
        else { return }
        let secretHost = try WorkspaceHost(sameLayerHost.value)
        if secretHost != host {
            throw .tokenForOtherHost(
                tokenSource: setting.source, tokenHost: secretHost.name, host: host.name, hostSource: hostSource)
        }
    }

    static func first(_ key: CredentialSetting, in layers: [Layer]) -> (value: String, source: CredentialSource)? {
        for layer in layers {
            if let setting = layer.values[key], !setting.value.isEmpty { return setting }
        }
        return nil
    }

    /// The layers, highest precedence first, and the profile that was read.
    static func layers(for inputs: CredentialInputs) throws(CredentialsError) -> ([Layer], String?) {
        var layers: [Layer] = []
        var flags = Layer()
        if let hostFlag = inputs.hostFlag { flags.values[.host] = (hostFlag, .flag("--host")) }
        if let accountID = inputs.accountIDFlag { flags.values[.accountID] = (accountID, .flag("--account-id")) }
        layers.append(flags)

        var environment = Layer()
        for setting in CredentialSetting.allCases {
            if let value = inputs.environment[setting.environmentName] {
                environment.values[setting] = (value, .environment(setting.environmentName))
            }
        }
        layers.append(environment)

        let dotEnvPath = (inputs.workingDirectory as NSString).appendingPathComponent(".env")
        var dotEnvLayer = Layer()
        var dotEnvFile: DotEnvFile?
        if let contents = try readIfPresent(dotEnvPath) {
            let file = DotEnvFile(contents: contents)
            dotEnvFile = file
            for setting in CredentialSetting.allCases {
                if let entry = file[setting.environmentName] {
                    dotEnvLayer.values[setting] = (
                        entry.value, .dotEnvFile(path: dotEnvPath, line: entry.line, key: setting.environmentName)
                    )
                }
            }
        }
        layers.append(dotEnvLayer)

        let configPath = configFilePath(inputs, dotEnvValue: dotEnvFile?["DATABRICKS_CONFIG_FILE"]?.value)
        let file = try configPath.flatMap { path throws(CredentialsError) in
            try readIfPresent(path).map { DatabricksConfigFile(contents: $0) }
        }
        let named = namedProfile(inputs, dotEnv: dotEnvFile, path: configPath)
        let chosen = named ?? file?.defaultProfile.map { name in
            (name, CredentialSource.configFile(path: configPath ?? "", profile: "__settings__", key: "default_profile"))
        }
        var configLayer = Layer()
        var profileRead: String?
        if let (name, source) = chosen {
            guard let file, let configPath, let profile = file.profile(name) else {
                throw .unknownProfile(
                    name: name, source: source, path: configPath ?? "~/.databrickscfg",
                    available: file?.profileNames ?? [])
            }
            configLayer = profileLayer(profile, name: name, path: configPath)
            profileRead = name
        } else if let file, let configPath, let profile = file.profile("DEFAULT") {
            configLayer = profileLayer(profile, name: "DEFAULT", path: configPath)
            profileRead = "DEFAULT"
        }
        layers.append(configLayer)
        return (layers, profileRead)
    }

    /// `--profile`, else `DATABRICKS_CONFIG_PROFILE` (environment, then `.env`).
    static func namedProfile(
        _ inputs: CredentialInputs, dotEnv: DotEnvFile?, path: String?
    ) -> (String, CredentialSource)? {
        if let flag = inputs.profileFlag, !flag.isEmpty { return (flag, .flag("--profile")) }
        let name = "DATABRICKS_CONFIG_PROFILE"
        if let value = inputs.environment[name], !value.isEmpty { return (value, .environment(name)) }
        if let entry = dotEnv?[name], !entry.value.isEmpty {
            let dotEnvPath = (inputs.workingDirectory as NSString).appendingPathComponent(".env")
            return (entry.value, .dotEnvFile(path: dotEnvPath, line: entry.line, key: name))
        }
        return nil
    }

    static func profileLayer(_ profile: [String: DatabricksConfigFile.Entry], name: String, path: String) -> Layer {
        var layer = Layer()
        for setting in CredentialSetting.allCases {
            if let entry = profile[setting.profileKey] {
                layer.values[setting] = (entry.value, .configFile(path: path, profile: name, key: setting.profileKey))
            }
        }
        return layer
    }

    /// `DATABRICKS_CONFIG_FILE` (environment, then `.env`), else `~/.databrickscfg`; `~/` expanded.
    static func configFilePath(_ inputs: CredentialInputs, dotEnvValue: String?) -> String? {
        let home = inputs.homeDirectory ?? inputs.environment["HOME"]
        let explicit = [inputs.environment["DATABRICKS_CONFIG_FILE"], dotEnvValue].compactMap { $0 }
            .first { !$0.isEmpty }
        guard let path = explicit ?? home.map({ ($0 as NSString).appendingPathComponent(".databrickscfg") }) else {
            return nil
        }
        if path.hasPrefix("~/"), let home {
            return (home as NSString).appendingPathComponent(String(path.dropFirst(2)))
        }
        return path
    }

    /// The file's text, nil when it does not exist; an existing file that cannot be read is an error.
    static func readIfPresent(_ path: String) throws(CredentialsError) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "permission denied or not a regular file")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation

/// Finds the workspace host and token in the order the Databricks tools use:
/// flags, then the environment, then `.env` in the working directory, then `~/.databrickscfg`
/// (`DATABRICKS_CONFIG_FILE` overrides the path), profile `[DEFAULT]`.
///
/// Each value is taken from the first source that has it (an empty value counts as unset).
/// A token is refused when the source it came from names a different host than the one in use,
/// so a token for one workspace is never sent to another by accident.
public enum CredentialResolver {
    /// One layer of settings, highest precedence first.
    struct Layer {
        var values: [String: (value: String, source: CredentialSource)]
    }

    public static func resolve(_ inputs: CredentialInputs) throws(CredentialsError) -> WorkspaceCredentials {
        let layers = try layers(for: inputs)
        guard let hostSetting = first("host", in: layers) else { throw .missingHost }
        let host = try WorkspaceHost(hostSetting.value)
        guard let tokenSetting = first("token", in: layers) else { throw .missingToken(host: host.name) }
        if let layer = layers.first(where: { $0.values["token"]?.source == tokenSetting.source }),
            let sameLayerHost = layer.values["host"]
        {
            let tokenHost = try WorkspaceHost(sameLayerHost.value)
            if tokenHost != host {
                throw .tokenForOtherHost(
                    tokenSource: tokenSetting.source, tokenHost: tokenHost.name, host: host.name,
                    hostSource: hostSetting.source)
            }
        }
        return WorkspaceCredentials(
            host: host, hostSource: hostSetting.source, token: AccessToken(tokenSetting.value),
            tokenSource: tokenSetting.source)
    }

    static func first(_ key: String, in layers: [Layer]) -> (value: String, source: CredentialSource)? {
        for layer in layers {
            if let setting = layer.values[key], !setting.value.isEmpty { return setting }
        }
        return nil
    }

    static func layers(for inputs: CredentialInputs) throws(CredentialsError) -> [Layer] {
        var layers: [Layer] = []
        if let hostFlag = inputs.hostFlag {
            layers.append(Layer(values: ["host": (hostFlag, .flag("--host"))]))
        }
        var environment = Layer(values: [:])
        for (key, name) in [("host", "DATABRICKS_HOST"), ("token", "DATABRICKS_TOKEN")] {
            if let value = inputs.environment[name] { environment.values[key] = (value, .environment(name)) }
        }
        layers.append(environment)

        let dotEnvPath = (inputs.workingDirectory as NSString).appendingPathComponent(".env")
        var dotEnvLayer = Layer(values: [:])
        var dotEnvConfigFile: String?
        if let contents = try readIfPresent(dotEnvPath) {
            let file = DotEnvFile(contents: contents)
            for (key, name) in [("host", "DATABRICKS_HOST"), ("token", "DATABRICKS_TOKEN")] {
                if let entry = file[name] {
                    dotEnvLayer.values[key] = (entry.value, .dotEnvFile(path: dotEnvPath, line: entry.line, key: name))
                }
            }
            dotEnvConfigFile = file["DATABRICKS_CONFIG_FILE"]?.value
        }
        layers.append(dotEnvLayer)

        let configPath = configFilePath(inputs, dotEnvValue: dotEnvConfigFile)
        var configLayer = Layer(values: [:])
        if let configPath, let contents = try readIfPresent(configPath),
            let profile = DatabricksConfigFile(contents: contents).profile(inputs.profile)
        {
            for key in ["host", "token"] {
                if let entry = profile[key] {
                    configLayer.values[key] = (
                        entry.value, .configFile(path: configPath, profile: inputs.profile, key: key)
                    )
                }
            }
        }
        layers.append(configLayer)
        return layers
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

/// `~/.databrickscfg`: an INI file of `[PROFILE]` sections with `key = value` lines.
///
/// Keys are case-insensitive (stored lower-cased); `#` and `;` start comment lines; values are
/// trimmed. Keys before any section are ignored, as the SDKs do.
public struct DatabricksConfigFile: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var value: String
        public var line: Int
    }

    /// Section name -> key -> entry.
    public private(set) var profiles: [String: [String: Entry]] = [:]
    /// Section names in file order, for "profiles found: ..." messages.
    public private(set) var profileNames: [String] = []

    /// The section the SDKs reserve for settings of the file itself.
    public static let settingsSection = "__settings__"

    public init(contents: String) {
        var section: String?
        var lineNumber = 0
        for rawLine in contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast().trimmingWhitespace())
                section = name
                if profiles[name] == nil {
                    profiles[name] = [:]
                    if name != Self.settingsSection { profileNames.append(name) }
                }
                continue
            }
            guard let section, let equals = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = line[..<equals].trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: equals)...].trimmingWhitespace())
            profiles[section, default: [:]][key] = Entry(value: value, line: lineNumber)
        }
    }

    /// The entries of one profile, or nil when the file has no such section.
    public func profile(_ name: String) -> [String: Entry]? {
        name == Self.settingsSection ? nil : profiles[name]
    }

    /// `[__settings__] default_profile`, the profile used when none is named.
    public var defaultProfile: String? {
        guard let value = profiles[Self.settingsSection]?["default_profile"]?.value, !value.isEmpty else { return nil }
        return value
    }
}

import Foundation

/// Reads `workshop.json` (DESIGN section 5) into a ``WorkshopConfig``.
///
/// Missing keys take the defaults of ``WorkshopConfig/default``; unknown keys are errors (a typo must
/// not silently drop a grant); levels are checked against their resource; group, object and
/// privilege names that SCIM or SQL could not carry safely are rejected. All problems come at once.
public enum WorkshopConfigDecoder {
    /// Loads and decodes the file at `path`.
    public static func load(path: String) throws(WorkshopConfigError) -> WorkshopConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "no readable file at '\(path)'")
        }
        return try decode(Array(data), file: path)
    }

    /// Decodes a config from JSON bytes; `file` names it in messages.
    public static func decode(_ bytes: [UInt8], file: String = "workshop.json") throws(WorkshopConfigError)
        -> WorkshopConfig
    {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .malformedJSON(file: file, reason: Self.describe(error))
        }
        var walker = ConfigWalker()
        let config = walker.config(document)
        guard walker.problems.isEmpty else { throw .invalid(file: file, problems: walker.problems) }
        return config
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// Walks the JSON tree, collecting problems with their paths.
private struct ConfigWalker {
    var problems: [WorkshopConfigProblem] = []

    mutating func problem(_ path: String, _ message: String) {
        problems.append(WorkshopConfigProblem(path: path, message: message))
    }

    mutating func config(_ document: JSONValue) -> WorkshopConfig {
        let defaults = WorkshopConfig.default
        guard let root = object(document, path: "") else { return defaults }
        var config = defaults
        checkKeys(
            root, path: "",
            known: [
                "defaultGroup", "groupEntitlements", "lockDownUsersGroup", "cluster", "warehouse", "directory",
                "servingEndpoints", "unityCatalog",
            ])
        if let value = root["defaultGroup"], let group = string(value, path: "defaultGroup") {
            if let reason = GroupName.problem(in: group) { problem("defaultGroup", reason) }
            config.defaultGroup = group
        }
        if let value = root["groupEntitlements"] {
            config.groupEntitlements = names(value, path: "groupEntitlements") ?? []
        }
        if let value = root["lockDownUsersGroup"] {
            config.lockDownUsersGroup = names(value, path: "lockDownUsersGroup") ?? []
        }
        if let value = root["cluster"] {
            config.cluster = resource(
                value, path: "cluster", kind: .cluster, nameKey: "name", fallback: defaults.cluster)
        }
        if let value = root["warehouse"] {
            config.warehouse = resource(
                value, path: "warehouse", kind: .warehouse, nameKey: "name", fallback: defaults.warehouse)
        }
        if let value = root["directory"] {
            config.directory = resource(
                value, path: "directory", kind: .directory, nameKey: "path",
                fallback: WorkshopResource(name: "", defaultLevel: .canRead))
        }
        if let value = root["servingEndpoints"] { config.servingEndpoints = endpoints(value) }
        if let value = root["unityCatalog"] { config.unityCatalog = unityCatalog(value) }
        return config
    }

    // MARK: - Sections

    /// `{"name"|"path": ..., "defaultLevel": ...}` or null (no such resource in the workshop).
    mutating func resource(
        _ value: JSONValue, path: String, kind: ResourceKind, nameKey: String, fallback: WorkshopResource?
    ) -> WorkshopResource? {
        if value == .null { return nil }
        guard let fields = object(value, path: path) else { return nil }
        checkKeys(fields, path: path, known: [nameKey, "defaultLevel"])
        var resource = fallback ?? WorkshopResource(name: "", defaultLevel: nil)
        if let name = fields[nameKey] {
            resource.name = string(name, path: "\(path).\(nameKey)") ?? resource.name
        }
        if resource.name.trimmingCharacters(in: .whitespaces).isEmpty {
            problem("\(path).\(nameKey)", "is required: the \(kind.displayName) to grant access to")
        } else {
            checkSafe(resource.name, path: "\(path).\(nameKey)")
        }
        if let level = fields["defaultLevel"] {
            resource.defaultLevel = self.level(level, path: "\(path).defaultLevel", kind: kind)
        }
        return resource
    }

    /// `{"names": [...], "defaultLevel": ...}`, `[]` or null (no endpoints).
    mutating func endpoints(_ value: JSONValue) -> WorkshopEndpoints? {
        let path = "servingEndpoints"
        switch value {
        case .null:
            return nil
        case .array(let items) where items.isEmpty:
            return nil
        case .array:
            problem(path, "use {\"names\": [...], \"defaultLevel\": \"CAN_QUERY\"}, or [] for none")
            return nil
        default:
            guard let fields = object(value, path: path) else { return nil }
            checkKeys(fields, path: path, known: ["names", "defaultLevel"])
            var result = WorkshopEndpoints(names: [], defaultLevel: .canQuery)
            if let names = fields["names"] { result.names = self.names(names, path: "\(path).names") ?? [] }
            if let level = fields["defaultLevel"] {
                result.defaultLevel = self.level(level, path: "\(path).defaultLevel", kind: .servingEndpoint)
            }
            return result
        }
    }

    mutating func unityCatalog(_ value: JSONValue) -> UnityCatalogConfig {
        let path = "unityCatalog"
        var result = UnityCatalogConfig.default
        guard let fields = object(value, path: path) else { return result }
        checkKeys(fields, path: path, known: ["grantsVia", "grants"])
        if let via = fields["grantsVia"], let text = string(via, path: "\(path).grantsVia") {
            if let parsed = UnityCatalogConfig.GrantsVia(rawValue: text.lowercased()) {
                result.grantsVia = parsed
            } else {
                problem("\(path).grantsVia", "'\(text)' is not one of sql, rest")
            }
        }
        if let grants = fields["grants"] {
            guard case .array(let items) = grants else {
                problem("\(path).grants", "expected an array of grants, found \(grants.kindDescription)")
                return result
            }
            result.grants = items.enumerated().compactMap { index, item in
                grant(item, path: "\(path).grants[\(index)]")
            }
        }
        return result
    }

    mutating func grant(_ value: JSONValue, path: String) -> UnityCatalogGrant? {
        guard let fields = object(value, path: path) else { return nil }
        checkKeys(fields, path: path, known: ["securable", "name", "privileges"])
        var securable: UnityCatalogGrant.Securable?
        if let value = fields["securable"], let text = string(value, path: "\(path).securable") {
            securable = UnityCatalogGrant.Securable(rawValue: text.lowercased())
            if securable == nil {
                let valid = UnityCatalogGrant.Securable.allCases.map(\.rawValue).joined(separator: ", ")
                problem("\(path).securable", "'\(text)' is not one of \(valid)")
            }
        } else if fields["securable"] == nil {
            problem("\(path).securable", "is required (catalog, schema or connection)")
        }
        let name = fields["name"].flatMap { string($0, path: "\(path).name") }
        if let name {
            checkSafe(name, path: "\(path).name")
        } else if fields["name"] == nil {
            problem("\(path).name", "is required")
        }
        var privileges: [String] = []
        if let value = fields["privileges"] {
            for (index, raw) in (names(value, path: "\(path).privileges") ?? []).enumerated() {
                guard let privilege = Self.privilege(raw) else {
                    problem(
                        "\(path).privileges[\(index)]", "'\(raw)' is not a privilege name (letters and spaces only)")
                    continue
                }
                privileges.append(privilege)
            }
        } else {
            problem("\(path).privileges", "is required, e.g. [\"USE CATALOG\", \"SELECT\"]")
        }
        guard let securable, let name else { return nil }
        return UnityCatalogGrant(securable: securable, name: name, privileges: privileges)
    }

    /// Privileges go into SQL unquoted, so only letters and single spaces pass (`use_catalog` ->
    /// `USE CATALOG`).
    static func privilege(_ raw: String) -> String? {
        let words = raw.uppercased().split(whereSeparator: { $0 == " " || $0 == "_" })
        guard !words.isEmpty, words.allSatisfy({ $0.allSatisfy { $0 >= "A" && $0 <= "Z" } }) else { return nil }
        return words.joined(separator: " ")
    }

    // MARK: - Primitives

    mutating func checkKeys(_ fields: [String: JSONValue], path: String, known: [String]) {
        for key in fields.keys.sorted() where !known.contains(key) {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            let hint = Suggestion.closest(to: key, among: known).map { "; did you mean '\($0)'?" } ?? ""
            problem(keyPath, "unknown key\(hint) (known: \(known.joined(separator: ", ")))")
        }
    }

    mutating func object(_ value: JSONValue, path: String) -> [String: JSONValue]? {
        if case .object(let fields) = value { return fields }
        problem(path, "expected an object, found \(value.kindDescription)")
        return nil
    }

    mutating func string(_ value: JSONValue, path: String) -> String? {
        if case .string(let text) = value { return text }
        problem(path, "expected a string, found \(value.kindDescription)")
        return nil
    }

    /// An array of non-empty strings that are safe to send.
    mutating func names(_ value: JSONValue, path: String) -> [String]? {
        guard case .array(let items) = value else {
            problem(path, "expected an array of strings, found \(value.kindDescription)")
            return nil
        }
        return items.enumerated().compactMap { index, item in
            guard let text = string(item, path: "\(path)[\(index)]") else { return nil }
            checkSafe(text, path: "\(path)[\(index)]")
            return text
        }
    }

    mutating func level(_ value: JSONValue, path: String, kind: ResourceKind) -> PermissionLevel? {
        if value == .null { return nil }
        guard let text = string(value, path: path) else { return nil }
        switch LevelCell(text: text) {
        case .useDefault, .noAccess:
            return nil
        case .level(let level):
            if let reason = LevelCell.problem(level: level, kind: kind, column: "level") {
                problem(path, reason)
                return nil
            }
            return level
        }
    }

    /// Names travel in SCIM filters and SQL identifiers: control characters cannot be escaped there.
    mutating func checkSafe(_ text: String, path: String) {
        if text.isEmpty {
            problem(path, "is empty")
        } else if text.unicodeScalars.contains(where: GroupName.isUnsafe) {
            problem(path, "'\(text.debugEscaped)' contains a control character, which SCIM and SQL cannot carry")
        }
    }
}

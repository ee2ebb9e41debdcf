/// Checks a group name before it travels in a SCIM filter (`displayName eq "..."`) and a SQL
/// `GRANT ... TO \`...\``. Quotes and backticks can be escaped there; control characters and line
/// breaks cannot, so they are rejected here (DESIGN section 8).
public enum GroupName {
    /// The longest group name accepted (Databricks' display-name limit).
    public static let maximumLength = 255

    /// Why `name` cannot be a group name, or nil when it can.
    public static func problem(in name: String) -> String? {
        if name.isEmpty { return "the group name is empty" }
        if name.count > maximumLength { return "the group name is longer than \(maximumLength) characters" }
        if let bad = name.unicodeScalars.first(where: { isUnsafe($0) }) {
            let code = "U+" + String(bad.value, radix: 16, uppercase: true)
            return "the group name '\(name.debugEscaped)' contains a control character (\(code)); "
                + "SCIM and SQL cannot carry it safely"
        }
        return nil
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}

extension String {
    /// The text with control characters shown as escapes, for messages.
    var debugEscaped: String {
        unicodeScalars.map { GroupName.isUnsafe($0) ? $0.escaped(asASCII: true) : String($0) }.joined()
    }
}

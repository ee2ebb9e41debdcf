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
        if mayBeUnsafe(name), let bad = name.unicodeScalars.first(where: { isUnsafe($0) }) {
            let code = "U+" + String(bad.value, radix: 16, uppercase: true)
            return "the group name '\(name.debugEscaped)' contains a control character (\(code)); "
                + "SCIM and SQL cannot carry it safely"
        }
        return nil
    }

    /// Control characters (general category Cc: U+0000-001F, U+007F-009F) and the Unicode line and
    /// paragraph separators. Compared by value: property lookups cost too much per row.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }

    /// Whether `text` may contain an unsafe scalar: a byte that starts one in UTF-8 (cheap pre-check).
    static func mayBeUnsafe(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
    }
}

extension String {
    /// The text with control characters shown as escapes, for messages.
    var debugEscaped: String {
        unicodeScalars.map { GroupName.isUnsafe($0) ? $0.escaped(asASCII: true) : String($0) }.joined()
    }
}

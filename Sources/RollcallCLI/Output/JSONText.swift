/// Builds JSON text by hand, so keys keep the documented order and a million participants do
/// not go through `JSONSerialization` objects.
struct JSONText {
    private(set) var text = ""

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `"value"` or `null`.
    static func quotedOrNull(_ value: String?) -> String { value.map(quoted) ?? "null" }
}

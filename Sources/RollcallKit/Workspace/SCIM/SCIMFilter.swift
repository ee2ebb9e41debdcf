/// Builds SCIM filter expressions with every value quoted and escaped.
///
/// Databricks supports only simple expressions (`eq`, `ne`, `co`, `sw` joined by `and`/`or`, no
/// parentheses). Values are JSON-style strings, so `\` and `"` are escaped with a backslash;
/// roster validation rejects quotes in emails, this keeps the filter well-formed regardless.
public enum SCIMFilter {
    /// Names per `or` filter: 50 keeps the URL around 3 KB for long emails and well inside the
    /// 200-node limit of account SCIM.
    public static let namesPerRequest = 50

    /// `"value"` with `\` and `"` escaped (and control characters dropped: they have no place in
    /// a user or group name and would break the expression).
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `attribute eq "value"`.
    public static func equals(_ attribute: String, _ value: String) -> String {
        "\(attribute) eq \(quoted(value))"
    }

    /// `attribute eq "a" or attribute eq "b" ...`.
    public static func anyOf(_ attribute: String, _ values: [String]) -> String {
        values.map { equals(attribute, $0) }.joined(separator: " or ")
    }

    /// `values` in order, split into runs of at most `size`, duplicates removed.
    public static func batches(_ values: [String], size: Int = namesPerRequest) -> [[String]] {
        var seen = Set<String>()
        let unique = values.filter { seen.insert($0).inserted }
        return stride(from: 0, to: unique.count, by: max(1, size)).map {
            Array(unique[$0..<min($0 + max(1, size), unique.count)])
        }
    }
}

/// Quoting for Databricks SQL: every identifier and principal goes inside backticks with
/// backticks doubled (`` `a``b` ``), so no roster or config text is ever read as SQL.
public enum SQLQuoting {
    /// `` `text` `` with every `` ` `` doubled. Empty text and control characters (newlines
    /// included) are refused: no Unity Catalog name or principal contains them.
    public static func identifier(_ text: String) throws(WorkspaceError) -> String {
        guard !text.isEmpty else { throw .invalidRequest(detail: "an empty name cannot be used in SQL") }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalidRequest(detail: "the name '\(text.debugDescription.dropFirst().dropLast())' contains "
                + "control characters and cannot be used in SQL")
        }
        var quoted = "`"
        for character in text {
            quoted.append(character)
            if character == "`" { quoted.append("`") }
        }
        return quoted + "`"
    }

    /// A dotted full name with each part quoted: `main.default` -> `` `main`.`default` ``.
    public static func qualifiedName(_ parts: [String]) throws(WorkspaceError) -> String {
        var quoted: [String] = []
        for part in parts { quoted.append(try identifier(part)) }
        return quoted.joined(separator: ".")
    }

    /// A privilege in SQL spelling, upper-cased with single spaces (`use_catalog` -> `USE CATALOG`).
    /// Privileges are keywords and cannot be quoted, so anything but letters, spaces and
    /// underscores is refused.
    public static func privilege(_ text: String) throws(WorkspaceError) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" })
        guard !words.isEmpty,
            words.allSatisfy({ word in word.allSatisfy { $0.isASCII && $0.isLetter } })
        else {
            throw .invalidRequest(detail: "'\(text)' is not a Unity Catalog privilege (letters and spaces only)")
        }
        return words.map { $0.uppercased() }.joined(separator: " ")
    }
}

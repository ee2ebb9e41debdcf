/// Tokens of the small SQL subset the sandbox runs, with their 0-based character positions for
/// Databricks-style parse errors.
struct SQLToken: Equatable {
    enum Kind: Equatable {
        /// An unquoted identifier or keyword: letters, digits, underscores.
        case word
        /// A backtick-delimited identifier, its doubled backticks already collapsed (§5).
        case quoted
        /// Any other single character: `,`, `.`, `;`, `@`, `-`, ...
        case symbol
    }
    var kind: Kind
    var text: String
    var position: Int

    func isKeyword(_ keyword: String) -> Bool { kind == .word && text.uppercased() == keyword }
}

enum SQLTokenizer {
    /// Splits `sql`; an unterminated backtick identifier is reported at its opening position.
    static func tokens(_ sql: String) -> Result<[SQLToken], SQLParseError> {
        let characters = Array(sql)
        var tokens: [SQLToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "`" {
                let start = index
                var text = ""
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == "`" {
                        if index + 1 < characters.count, characters[index + 1] == "`" {
                            text.append("`")
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    text.append(characters[index])
                    index += 1
                }
                guard closed else { return .failure(SQLParseError(near: "`", position: start)) }
                tokens.append(SQLToken(kind: .quoted, text: text, position: start))
            } else if character.isLetter || character.isNumber || character == "_" {
                let start = index
                var text = ""
                while index < characters.count,
                      characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    text.append(characters[index])
                    index += 1
                }
                tokens.append(SQLToken(kind: .word, text: text, position: start))
            } else {
                tokens.append(SQLToken(kind: .symbol, text: String(character), position: index))
                index += 1
            }
        }
        return .success(tokens)
    }
}

/// A syntax error, rendered as Databricks renders `PARSE_SYNTAX_ERROR` (databricks-api.md §5:
/// an unquoted email principal fails this way, ucx#142).
struct SQLParseError: Error, Equatable {
    /// The offending token's text, or nil at end of input.
    var near: String?
    var position: Int

    var message: String {
        let location = near.map { "'\($0)'" } ?? "end of input"
        return "[PARSE_SYNTAX_ERROR] Syntax error at or near \(location). SQLSTATE: 42601 (line 1, pos \(position))"
    }
}

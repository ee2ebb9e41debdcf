/// A `.env` file: `KEY=VALUE` lines as docker-compose and python-dotenv read them.
///
/// Accepts blank lines, `#` comments, an `export ` prefix, spaces around `=`, values in single
/// quotes (taken literally) or double quotes (`\"`, `\\` and `\n` unescaped), and a ` #` comment
/// after an unquoted value. Lines without `=` are ignored. A later line wins over an earlier one.
public struct DotEnvFile: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var value: String
        /// 1-based line of the entry.
        public var line: Int
    }

    public private(set) var entries: [String: Entry] = [:]

    public init(contents: String) {
        var lineNumber = 0
        for rawLine in contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = line.dropFirst(7).trimmingWhitespace() }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingWhitespace()
            guard !key.isEmpty else { continue }
            let value = Self.value(from: line[line.index(after: equals)...].trimmingWhitespace())
            entries[String(key)] = Entry(value: value, line: lineNumber)
        }
    }

    public subscript(key: String) -> Entry? { entries[key] }

    private static func value(from text: Substring) -> String {
        if let quote = text.first, quote == "\"" || quote == "'" {
            var result = ""
            var escaped = false
            for character in text.dropFirst() {
                if escaped {
                    switch character {
                    case "n": result.append("\n")
                    default: result.append(character)
                    }
                    escaped = false
                } else if character == "\\" && quote == "\"" {
                    escaped = true
                } else if character == quote {
                    return result
                } else {
                    result.append(character)
                }
            }
            return String(text)  // unterminated quote: keep the text as written
        }
        if let comment = text.range(of: " #") {
            return String(text[..<comment.lowerBound].trimmingWhitespace())
        }
        return String(text)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}

/// A SCIM list filter: `attr op value` comparisons joined by `and`/`or` (`and` binds tighter).
/// Databricks "currently only support[s] simple expressions" (databricks-api.md §1): operators
/// `eq ne co sw`, no parentheses; anything else is a 400.
struct SCIMFilter: Equatable {
    struct Comparison: Equatable {
        enum Operator: String { case eq, ne, co, sw }
        var attribute: String
        var op: Operator
        /// Lower-cased: comparisons are case-insensitive (userName is matched that way, §1).
        var value: String
    }

    /// Disjunction of conjunctions.
    var alternatives: [[Comparison]]

    enum ParseError: Error, Equatable {
        case unsupportedOperator(String)
        case unsupportedAttribute(String)
        case malformed

        /// The SCIM 400 Databricks answers (§1: "Given filter operator is not supported").
        var reply: Reply {
            switch self {
            case .unsupportedOperator, .malformed:
                APIError.scim(400, "Given filter operator is not supported.", scimType: "invalidFilter")
            case .unsupportedAttribute(let name):
                APIError.scim(400, "Given filter attribute \(name) is not supported.", scimType: "invalidFilter")
            }
        }
    }

    /// Parses `text`, allowing only `attributes` (matched case-insensitively).
    init(parsing text: String, attributes: [String]) throws(ParseError) {
        var tokens = try Self.tokenize(text)
        var alternatives: [[Comparison]] = [[]]
        while true {
            guard tokens.count >= 3 else { throw .malformed }
            let name = tokens.removeFirst()
            let opText = tokens.removeFirst()
            let value = tokens.removeFirst()
            guard case .word(let attributeText) = name,
                  let attribute = attributes.first(where: { $0.lowercased() == attributeText.lowercased() })
            else {
                if case .word(let attributeText) = name { throw .unsupportedAttribute(attributeText) }
                throw .malformed
            }
            guard case .word(let opWord) = opText else { throw .malformed }
            guard let op = Comparison.Operator(rawValue: opWord.lowercased()) else { throw .unsupportedOperator(opWord) }
            let literal: String
            switch value {
            case .quoted(let string): literal = string
            case .word(let word): literal = word
            }
            alternatives[alternatives.count - 1].append(Comparison(attribute: attribute, op: op, value: literal.lowercased()))
            guard let joiner = tokens.first else { break }
            tokens.removeFirst()
            switch joiner {
            case .word(let word) where word.lowercased() == "and": continue
            case .word(let word) where word.lowercased() == "or": alternatives.append([])
            default: throw .malformed
            }
        }
        self.alternatives = alternatives
    }

    /// Whether a rendered resource matches; attribute values are read from its JSON.
    func matches(_ resource: JSONObject) -> Bool {
        matches { Self.text(resource[$0]) }
    }

    /// Whether a resource matches, reading each attribute's text through `value` (by the
    /// attribute's canonical name); comparisons ignore case.
    func matches(_ value: (String) -> String) -> Bool {
        // A 50-name `or` compares one attribute 50 times: fold it once.
        var folded: (attribute: String, text: String)?
        return alternatives.contains { conjunction in
            conjunction.allSatisfy { comparison in
                let actual: String
                if let folded, folded.attribute == comparison.attribute {
                    actual = folded.text
                } else {
                    actual = value(comparison.attribute).caseFolded
                    folded = (comparison.attribute, actual)
                }
                switch comparison.op {
                case .eq: return actual == comparison.value
                case .ne: return actual != comparison.value
                case .co: return actual.contains(comparison.value)
                case .sw: return actual.hasPrefix(comparison.value)
                }
            }
        }
    }

    /// The values `attribute` must equal for a resource to match, when every alternative requires
    /// `attribute eq` some value; nil when some alternative could match any value. Only resources
    /// with one of these values can match, so an index can pick the candidates.
    func requiredValues(of attribute: String) -> Set<String>? {
        var values: Set<String> = []
        for conjunction in alternatives {
            guard let equality = conjunction.first(where: { $0.attribute == attribute && $0.op == .eq }) else {
                return nil
            }
            values.insert(equality.value)
        }
        return values
    }

    private static func text(_ value: Any?) -> String {
        switch value {
        case let flag as Bool: flag ? "true" : "false"
        case let string as String: string
        case nil: ""
        case let other?: "\(other)"
        }
    }

    fileprivate enum Token { case word(String), quoted(String) }

    private static func tokenize(_ text: String) throws(ParseError) -> [Token] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return try tokenizeASCII(Array(text.utf8)) }
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character == "\"" {
                var value = ""
                index = text.index(after: index)
                var closed = false
                while index < text.endIndex {
                    let next = text[index]
                    index = text.index(after: index)
                    if next == "\\", index < text.endIndex {
                        value.append(text[index])
                        index = text.index(after: index)
                    } else if next == "\"" {
                        closed = true
                        break
                    } else {
                        value.append(next)
                    }
                }
                guard closed else { throw .malformed }
                tokens.append(.quoted(value))
            } else if character == "(" || character == ")" || character == "[" || character == "]" {
                throw .unsupportedOperator(String(character))
            } else {
                var word = ""
                while index < text.endIndex, !text[index].isWhitespace, text[index] != "\"" {
                    word.append(text[index])
                    index = text.index(after: index)
                }
                tokens.append(.word(word))
            }
        }
        return tokens
    }
}

extension SCIMFilter {
    /// `tokenize` for ASCII text, a byte at a time: the 50-name lookups the import client sends run
    /// to kilobytes, and splitting them into Characters was a fifth of their cost. ASCII Characters
    /// are single bytes (CR LF aside, which is whitespace either way), so the tokens are the same.
    private static func tokenizeASCII(_ bytes: [UInt8]) throws(ParseError) -> [Token] {
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isWhitespace(byte) {
                index += 1
            } else if byte == quote {
                var value: [UInt8] = []
                index += 1
                var closed = false
                while index < bytes.count {
                    let next = bytes[index]
                    index += 1
                    if next == backslash, index < bytes.count {
                        value.append(bytes[index])
                        index += 1
                    } else if next == quote {
                        closed = true
                        break
                    } else {
                        value.append(next)
                    }
                }
                guard closed else { throw .malformed }
                tokens.append(.quoted(String(decoding: value, as: UTF8.self)))
            } else if "()[]".utf8.contains(byte) {
                throw .unsupportedOperator(String(UnicodeScalar(byte)))
            } else {
                let start = index
                while index < bytes.count, !isWhitespace(bytes[index]), bytes[index] != quote { index += 1 }
                tokens.append(.word(String(decoding: bytes[start..<index], as: UTF8.self)))
            }
        }
        return tokens
    }
}

extension String {
    /// `lowercased()`, without allocating for text that is already lower-case ASCII (user names).
    var caseFolded: String {
        let folded = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 >= 0x80 || (0x41...0x5A).contains($0) }
        }
        return folded == true ? self : lowercased()
    }
}

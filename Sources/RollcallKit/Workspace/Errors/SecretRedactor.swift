/// Removes secrets from text before it becomes part of any message.
///
/// Known secrets (the token in use) are replaced wherever they occur; in addition anything shaped
/// like a Databricks token (`dapi` + 20 or more hex digits) or following `Bearer ` is hidden, in
/// case a server echoes a credential Rollcall does not know about.
public struct SecretRedactor: Sendable, Hashable {
    public static let placeholder = "<redacted>"
    private let secrets: [String]
    /// Tokens obtained during the run (OAuth), hidden as soon as they exist.
    private let learned: LearnedSecrets?

    /// Secrets shorter than 4 characters are ignored: replacing them would mangle ordinary words.
    public init(secrets: [String] = [], learned: LearnedSecrets? = nil) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
        self.learned = learned
    }

    public static func == (lhs: SecretRedactor, rhs: SecretRedactor) -> Bool {
        lhs.secrets == rhs.secrets && lhs.learned === rhs.learned
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(secrets) }

    public func redact(_ text: String) -> String {
        var result = text
        let all = secrets + (learned?.all ?? []).sorted { $0.count > $1.count }
        for secret in all {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return Self.redactTokenShapes(result)
    }

    /// Hides `dapi<hex>` tokens and whatever follows `Bearer `.
    static func redactTokenShapes(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("dapi") {
                let tail = rest.dropFirst(4)
                let hex = tail.prefix { $0.isHexDigit || $0 == "-" }
                if hex.count >= 20 {
                    output += "dapi" + placeholder
                    rest = tail.dropFirst(hex.count)
                    continue
                }
            }
            if rest.prefix(7).lowercased() == "bearer " {
                let tail = rest.dropFirst(7)
                let token = tail.prefix { !$0.isWhitespace && $0 != "\"" && $0 != "'" && $0 != "," }
                if !token.isEmpty && token != placeholder {
                    output += rest.prefix(7) + placeholder
                    rest = tail.dropFirst(token.count)
                    continue
                }
            }
            output.append(rest.removeFirst())
        }
        return output
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

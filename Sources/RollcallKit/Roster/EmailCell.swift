/// Cleans an email cell into the login SCIM will see, or says why it is not an email.
///
/// Works on the cell's bytes: trims spaces (including non-breaking ones), unwraps `Name <addr>` and
/// `mailto:addr`, lower-cases. Rejecting quotes, brackets, spaces and control characters here is
/// also what keeps these values safe inside SCIM filters later.
public enum EmailCell {
    public enum Outcome: Sendable, Hashable {
        case valid(String)
        case empty
        case malformed(value: String, reason: String)
    }

    /// The longest address RFC 5321 allows on the wire.
    public static let maximumLength = 254

    public static func clean(_ text: String) -> Outcome {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { clean(UnsafeBufferPointer($0)) }
    }

    public static func clean(_ cell: UnsafeBufferPointer<UInt8>) -> Outcome {
        var range = CellBytes.trimmed(cell, in: 0..<cell.count)
        if range.isEmpty { return .empty }
        if cell[range.upperBound - 1] == UInt8(ascii: ">"),
            let open = range.last(where: { cell[$0] == UInt8(ascii: "<") })
        {
            range = CellBytes.trimmed(cell, in: (open + 1)..<(range.upperBound - 1))
        }
        let mailto = Array("mailto:".utf8)
        if range.count > mailto.count,
            zip(cell[range.lowerBound..<(range.lowerBound + mailto.count)], mailto).allSatisfy({ $0 | 0x20 == $1 })
        {
            range = CellBytes.trimmed(cell, in: (range.lowerBound + mailto.count)..<range.upperBound)
        }
        var hasNonASCII = false
        let value = String(unsafeUninitializedCapacity: range.count) { output in
            var index = 0
            for byte in cell[range] {
                hasNonASCII = hasNonASCII || byte >= 0x80
                output[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                index += 1
            }
            return index
        }
        let email = hasNonASCII ? value.lowercased() : value
        if let reason = problem(in: email) { return .malformed(value: email, reason: reason) }
        return .valid(email)
    }

    /// Why `email` is not `local@domain.tld`, or nil when it is.
    static func problem(in email: String) -> String? {
        if email.isEmpty { return "it is empty" }
        if email.utf8.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        for scalar in email.unicodeScalars {
            if scalar == " " { return "it contains a space" }
            if GroupName.isUnsafe(scalar) || (scalar.value >= 0x80 && scalar.properties.isWhitespace) {
                return "it contains a control or space character"
            }
            switch scalar {
            case "\"", "`": return "it contains a quote"
            case "<", ">": return "it contains an angle bracket"
            case ",", ";": return "it contains '\(scalar)'; put one address per row"
            case "\\", "(", ")", "[", "]", ":": return "it contains '\(scalar)'"
            default: continue
            }
        }
        // Structure on bytes: '@' and '.' are ASCII, so UTF-8 positions are safe to split on.
        let bytes = email.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return "it has no '@'" }
        let domainStart = bytes.index(after: at)
        if bytes[domainStart...].contains(UInt8(ascii: "@")) { return "it has more than one '@'" }
        if at == bytes.startIndex { return "nothing comes before the '@'" }
        let domain = bytes[domainStart...]
        let dots = domain.lazy.filter { $0 == UInt8(ascii: ".") }.count
        let domainText = String(email.utf8[domainStart...])!
        if dots == 0 { return "the domain '\(domainText)' has no '.' (expected name@domain.tld)" }
        if domain.first == UInt8(ascii: ".") || domain.last == UInt8(ascii: ".")
            || zip(domain, domain.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == $0 })
        {
            return "the domain '\(domainText)' has an empty part"
        }
        return nil
    }
}

/// Byte-level helpers shared by the cell cleaners.
enum CellBytes {
    /// `range` without leading and trailing ASCII whitespace, NBSP (C2 A0), BOM (EF BB BF) and
    /// zero-width space (E2 80 8B), which spreadsheets and web forms leave around values.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            if bytes[start] == 0x20 || (0x09...0x0D).contains(bytes[start]) {
                start += 1
            } else if let length = invisibleLength(bytes, at: start, end: end) {
                start += length
            } else {
                break
            }
        }
        while end > start {
            let last = bytes[end - 1]
            if last == 0x20 || (0x09...0x0D).contains(last) {
                end -= 1
            } else if end - start >= 2, bytes[end - 2] == 0xC2, last == 0xA0 {
                end -= 2
            } else if end - start >= 3, invisibleLength(bytes, at: end - 3, end: end) == 3 {
                end -= 3
            } else {
                break
            }
        }
        return start..<end
    }

    private static func invisibleLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        if end - index >= 2, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 { return 2 }
        if end - index >= 3 {
            let triple = (bytes[index], bytes[index + 1], bytes[index + 2])
            if triple == (0xEF, 0xBB, 0xBF) || triple == (0xE2, 0x80, 0x8B) { return 3 }
        }
        return nil
    }

    /// The trimmed cell as a `String`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let range = trimmed(bytes, in: 0..<bytes.count)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

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
        var output: [UInt8] = []
        let result = clean(cell, into: &output)
        let value = String(decoding: output, as: UTF8.self)
        switch result {
        case .valid: return .valid(value)
        case .empty: return .empty
        case .malformed(let reason): return .malformed(value: value, reason: reason)
        }
    }

    /// What ``clean(_:into:)`` found; the cleaned bytes are in its output buffer.
    enum ByteOutcome: Equatable {
        case valid, empty
        case malformed(reason: String)
    }

    /// The allocation-free core: writes the cleaned, lower-cased address into `output` (reused
    /// across rows) and checks it on bytes.
    static func clean(_ cell: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> ByteOutcome {
        output.removeAll(keepingCapacity: true)
        var range = CellBytes.trimmed(cell, in: 0..<cell.count)
        if range.isEmpty { return .empty }
        if cell[range.upperBound - 1] == UInt8(ascii: ">"),
            let open = range.last(where: { cell[$0] == UInt8(ascii: "<") })
        {
            range = CellBytes.trimmed(cell, in: (open + 1)..<(range.upperBound - 1))
        }
        let mailto: StaticString = "mailto:"
        if range.count > mailto.utf8CodeUnitCount,
            (0..<mailto.utf8CodeUnitCount).allSatisfy({ cell[range.lowerBound + $0] | 0x20 == mailto.utf8Start[$0] })
        {
            range = CellBytes.trimmed(cell, in: (range.lowerBound + mailto.utf8CodeUnitCount)..<range.upperBound)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: cell[range]))
        var hasNonASCII = false
        output.withUnsafeMutableBufferPointer { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                hasNonASCII = hasNonASCII || byte >= 0x80
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { bytes[index] = byte | 0x20 }
            }
        }
        if hasNonASCII {
            let lowered = String(decoding: output, as: UTF8.self).lowercased()
            output.removeAll(keepingCapacity: true)
            output.append(contentsOf: lowered.utf8)
        }
        if let reason = output.withUnsafeBufferPointer({ problem(in: $0, hasNonASCII: hasNonASCII) }) {
            return .malformed(reason: reason)
        }
        return .valid
    }

    /// Why `email` is not `local@domain.tld`, or nil when it is.
    static func problem(in email: String) -> String? {
        var bytes = Array(email.utf8)
        return bytes.withUnsafeMutableBufferPointer {
            problem(in: UnsafeBufferPointer($0), hasNonASCII: $0.contains { $0 >= 0x80 })
        }
    }

    /// Byte checks; '@' and '.' are ASCII, so UTF-8 positions are safe to split on.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>, hasNonASCII: Bool) -> String? {
        if bytes.isEmpty { return "it is empty" }
        if bytes.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        if hasNonASCII {
            let text = String(decoding: bytes, as: UTF8.self)
            if text.unicodeScalars.contains(where: {
                GroupName.isUnsafe($0) || ($0.value >= 0x80 && $0.properties.isWhitespace)
            }) {
                return "it contains a control or space character"
            }
        }
        // One pass for the structure: where the '@' is, how many, and the domain's labels.
        var at = -1
        var atCount = 0
        var lastDot = -1
        var dots = 0
        var emptyLabel = false
        for index in bytes.indices {
            let byte = bytes[index]
            if isForbidden(byte) { return forbiddenReason(byte) }
            if byte == UInt8(ascii: "@") {
                atCount += 1
                at = index
                lastDot = index
            } else if byte == UInt8(ascii: "."), atCount > 0 {
                emptyLabel = emptyLabel || lastDot == index - 1
                lastDot = index
                dots += 1
            }
        }
        if atCount == 0 { return "it has no '@'" }
        if atCount > 1 { return "it has more than one '@'" }
        if at == 0 { return "nothing comes before the '@'" }
        let domain = { String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)...]), as: UTF8.self) }
        if dots == 0 { return "the domain '\(domain())' has no '.' (expected name@domain.tld)" }
        if emptyLabel || lastDot == bytes.count - 1 { return "the domain '\(domain())' has an empty part" }
        return nil
    }

    /// Why a forbidden ASCII byte is not allowed, in words.
    private static func forbiddenReason(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: " "): return "it contains a space"
        case UInt8(ascii: "\""), UInt8(ascii: "`"): return "it contains a quote"
        case UInt8(ascii: "<"), UInt8(ascii: ">"): return "it contains an angle bracket"
        case UInt8(ascii: ","), UInt8(ascii: ";"):
            return "it contains '\(Unicode.Scalar(byte))'; put one address per row"
        case 0..<0x20, 0x7F: return "it contains a control or space character"
        default: return "it contains '\(Unicode.Scalar(byte))'"
        }
    }

    /// ASCII bytes an address may not contain (controls, space, `"` `` ` `` `<` `>` `,` `;` `\\` `(` `)`
    /// `[` `]` `:`), as a bit set over 0-63 and 64-127; constants, so no lazy global per row.
    private static let forbiddenLow: UInt64 = 0x5C00_1305_FFFF_FFFF
    private static let forbiddenHigh: UInt64 = 0x8000_0001_3800_0000

    @inline(__always)
    private static func isForbidden(_ byte: UInt8) -> Bool {
        byte < 64
            ? forbiddenLow & (1 << UInt64(byte)) != 0 : byte < 128 && forbiddenHigh & (1 << UInt64(byte - 64)) != 0
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

    /// The cell without surrounding whitespace.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[trimmed(bytes, in: 0..<bytes.count)])
    }

    /// The trimmed cell as a `String`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: trimmed(bytes), as: UTF8.self)
    }

    /// A fast, seedless hash for the validator's own tables (a roster is not adversarial input worth
    /// SipHash's cost per row): 8 bytes per multiply, then a final avalanche.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        }
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }
}

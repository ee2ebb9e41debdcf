/// The encodings a roster may arrive in, told apart by their byte order mark.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8
    /// Excel's "Unicode Text" on Windows.
    case utf16LittleEndian
    case utf16BigEndian

    /// The encoding announced by `head` and the length of its byte order mark (0 when none: UTF-8).
    static func detect(_ head: some Collection<UInt8>) -> (encoding: TextEncoding, bomLength: Int) {
        let bytes = Array(head.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return (.utf8, 0)
    }
}

/// Streams UTF-16 bytes into UTF-8, carrying an odd byte or a lone high surrogate across chunks.
struct UTF16ToUTF8Transcoder {
    let bigEndian: Bool
    private var carry: UInt8?
    private var highSurrogate: UInt16?

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    mutating func transcode(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        var index = chunk.startIndex
        while index < chunk.endIndex {
            let first: UInt8
            if let pending = carry {
                first = pending
                carry = nil
            } else {
                first = chunk[index]
                index += 1
                if index == chunk.endIndex {
                    carry = first
                    break
                }
            }
            let second = chunk[index]
            index += 1
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
            append(unit, to: &output)
        }
    }

    /// Flushes what a truncated file left behind as U+FFFD.
    mutating func finish(into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        if highSurrogate != nil || carry != nil { Self.encode(0xFFFD, into: &output) }
        highSurrogate = nil
        carry = nil
    }

    private mutating func append(_ unit: UInt16, to output: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                Self.encode(scalar, into: &output)
                return
            }
            Self.encode(0xFFFD, into: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: Self.encode(0xFFFD, into: &output)
        default: Self.encode(UInt32(unit), into: &output)
        }
    }

    private static func encode(_ scalar: UInt32, into output: inout [UInt8]) {
        guard let value = Unicode.Scalar(scalar) else { return }
        output.append(contentsOf: UTF8.encode(value)!)
    }
}

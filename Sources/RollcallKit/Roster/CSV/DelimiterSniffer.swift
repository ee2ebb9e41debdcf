/// Picks the delimiter the way a person would: the candidate that occurs most often in the header
/// line outside quotes (comma on a tie or when none occurs), or Excel's explicit `sep=;` line.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// The delimiter named by a leading `sep=X` line, and that line's length with its line break.
    static func separatorLine(in bytes: [UInt8]) -> (delimiter: UInt8, length: Int)? {
        guard bytes.count >= 5 else { return nil }
        let prefix = bytes[0..<4].map { $0 | 0x20 }
        guard prefix == Array("sep=".utf8) else { return nil }
        let delimiter = bytes[4]
        guard delimiter != UInt8(ascii: "\r") && delimiter != UInt8(ascii: "\n") else { return nil }
        var length = 5
        if length < bytes.count, bytes[length] == UInt8(ascii: "\r") { length += 1 }
        if length < bytes.count, bytes[length] == UInt8(ascii: "\n") { length += 1 }
        guard length > 5 || length == bytes.count else { return nil }
        return (delimiter, length)
    }

    /// Index just past the header line's break (outside quotes), or nil when it has not arrived yet.
    static func headerEnd(in bytes: [UInt8], skippingSeparatorLine: Bool) -> Int? {
        var start = 0
        if skippingSeparatorLine, bytes.count >= 4, bytes[0..<4].map({ $0 | 0x20 }) == Array("sep=".utf8) {
            guard let first = lineEnd(in: bytes, from: 0) else { return nil }
            start = first
        }
        return lineEnd(in: bytes, from: start)
    }

    /// Counts candidates in the first line outside quotes.
    static func sniff(header bytes: [UInt8]) -> UInt8 {
        var counts = [0, 0, 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
            }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }

    private static func lineEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var inQuotes = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) {
                return index + 1
            }
            index += 1
        }
        return nil
    }
}

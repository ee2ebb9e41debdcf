/// Percent-decoding of request targets: `%41` becomes `A`; in a query `+` is also a space.
/// A `%` not followed by two hex digits is kept as it is, as lenient servers do.
enum PercentDecoding {
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, plusIsSpace: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                if first != bytes.endIndex {
                    let second = bytes.index(after: first)
                    if second != bytes.endIndex, let high = hexValue(bytes[first]), let low = hexValue(bytes[second]) {
                        output.append(high << 4 | low)
                        index = bytes.index(after: second)
                        continue
                    }
                }
                output.append(byte)
            } else if byte == UInt8(ascii: "+") && plusIsSpace {
                output.append(UInt8(ascii: " "))
            } else {
                output.append(byte)
            }
            index = bytes.index(after: index)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `a=1&b=x+y&a=2` as ordered pairs; a name without `=` has an empty value.
    static func queryItems<Bytes: Collection<UInt8>>(_ query: Bytes) -> [(name: String, value: String)]
    where Bytes.SubSequence: Collection<UInt8> {
        query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { item in
            if let equals = item.firstIndex(of: UInt8(ascii: "=")) {
                return (
                    decode(item[item.startIndex..<equals], plusIsSpace: true),
                    decode(item[item.index(after: equals)...], plusIsSpace: true)
                )
            }
            return (decode(item, plusIsSpace: true), "")
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

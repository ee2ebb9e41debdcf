/// Percent-encoding for paths and queries. Only RFC 3986 unreserved characters stay as they are,
/// so `+` (which servers decode as a space in queries), `"`, `&` and `=` inside SCIM filters and
/// names can never change a request's meaning.
enum URLEncoding {
    /// One path segment: every character but `A-Z a-z 0-9 - . _ ~` encoded (a `/` too).
    static func pathSegment(_ text: String) -> String {
        encode(text)
    }

    /// `name=value&...`, both sides encoded.
    static func query(_ items: [(name: String, value: String)]) -> String {
        items.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

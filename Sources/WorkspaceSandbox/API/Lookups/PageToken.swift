import Foundation

/// Opaque page tokens for the REST lists: the offset of the next page, base64-encoded so clients
/// treat them as opaque.
enum PageToken {
    static func encode(_ offset: Int) -> String {
        Data("offset:\(offset)".utf8).base64EncodedString()
    }

    static func decode(_ token: String) -> Int? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              text.hasPrefix("offset:") else { return nil }
        return Int(text.dropFirst("offset:".count))
    }

    /// One page of `items`: the slice and the next token (nil on the last page), or nil for a bad token.
    static func page<T>(_ items: [T], size: Int, token: String?) -> (items: [T], next: String?)? {
        var offset = 0
        if let token, !token.isEmpty {
            guard let decoded = decode(token), decoded >= 0 else { return nil }
            offset = decoded
        }
        let slice = Array(items.dropFirst(offset).prefix(size))
        let end = offset + slice.count
        return (slice, end < items.count ? encode(end) : nil)
    }
}

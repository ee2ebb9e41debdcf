import Foundation

/// The request line and headers of one request, parsed from the bytes before CRLFCRLF.
struct HTTPRequestHead: Equatable {
    var method: String
    /// The path as sent, before percent-decoding.
    var rawPath: String
    var path: String
    var query: [QueryItem]
    var minorVersion: Int
    /// Names lower-cased; a repeated header keeps its last value.
    var headers: [String: String]
    var contentLength: Int

    struct QueryItem: Equatable {
        var name: String
        var value: String
    }

    /// Whether the client wants the connection kept after this request (HTTP/1.1 unless `close`,
    /// HTTP/1.0 only with `keep-alive`).
    var keepAlive: Bool {
        let tokens = (headers["connection"] ?? "").lowercased().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return minorVersion >= 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    var expectsContinue: Bool {
        headers["expect"]?.lowercased() == "100-continue"
    }

    /// Parses `head` (including or excluding the final CRLFCRLF).
    static func parse(_ head: ArraySlice<UInt8>, limits: HTTPLimits) throws(HTTPRejection) -> HTTPRequestHead {
        var lines = head.split(separator: 10, omittingEmptySubsequences: false).map { line in
            line.last == 13 ? line.dropLast() : line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let requestLine = lines.first, !requestLine.isEmpty else { throw .malformed("empty request line") }

        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("request line is not 'METHOD target HTTP/1.1'") }
        let method = String(decoding: parts[0], as: UTF8.self)
        guard !method.isEmpty, method.utf8.allSatisfy(isTokenByte) else {
            throw .malformed("invalid method '\(method)'")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        let minorVersion: Int
        switch version {
        case "HTTP/1.1": minorVersion = 1
        case "HTTP/1.0": minorVersion = 0
        case _ where version.hasPrefix("HTTP/"): throw .unsupportedVersion(version)
        default: throw .malformed("invalid HTTP version '\(version)'")
        }
        let (rawPath, rawQuery) = try splitTarget(parts[1])

        var headers: [String: String] = [:]
        var lengths: Set<String> = []
        for line in lines.dropFirst() {
            // Only the first ':' separates: `Host: 127.0.0.1:8080` keeps its port.
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon != line.startIndex else {
                throw .malformed("header line without a name and ':'")
            }
            guard line.first != UInt8(ascii: " "), line.first != UInt8(ascii: "\t") else {
                throw .malformed("folded header lines are not allowed")
            }
            let nameBytes = line[line.startIndex..<colon]
            guard nameBytes.allSatisfy(isTokenByte) else { throw .malformed("invalid header name") }
            let name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            let value = String(decoding: line[line.index(after: colon)...], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            if name == "content-length" { lengths.insert(value) }
            headers[name] = value
        }

        if headers["transfer-encoding"] != nil { throw .lengthRequired }
        var contentLength = 0
        if !lengths.isEmpty {
            guard lengths.count == 1, let value = lengths.first, !value.isEmpty, value.utf8.count <= 18,
                value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let length = Int(value)
            else { throw .malformed("invalid Content-Length") }
            contentLength = length
        }
        guard contentLength <= limits.maxBodyBytes else { throw .bodyTooLarge(limits.maxBodyBytes) }

        return HTTPRequestHead(
            method: method,
            rawPath: String(decoding: rawPath, as: UTF8.self),
            path: PercentDecoding.decode(rawPath, plusIsSpace: false),
            query: PercentDecoding.queryItems(rawQuery).map { QueryItem(name: $0.name, value: $0.value) },
            minorVersion: minorVersion, headers: headers, contentLength: contentLength)
    }

    /// Origin form `/p?q`, absolute form `http://host/p?q`, or `*`.
    private static func splitTarget(
        _ target: ArraySlice<UInt8>
    ) throws(HTTPRejection) -> (path: ArraySlice<UInt8>, query: ArraySlice<UInt8>) {
        var target = target
        if let hash = target.firstIndex(of: UInt8(ascii: "#")) { target = target[..<hash] }
        if target.first != UInt8(ascii: "/") && target != [UInt8(ascii: "*")] {
            let text = String(decoding: target, as: UTF8.self).lowercased()
            guard text.hasPrefix("http://") || text.hasPrefix("https://"),
                let schemeEnd = target.firstIndex(of: UInt8(ascii: ":"))
            else { throw .malformed("invalid request target") }
            let authorityStart = target.index(schemeEnd, offsetBy: 3)
            let rest = target[authorityStart...]
            target = rest.firstIndex(of: UInt8(ascii: "/")).map { rest[$0...] } ?? [UInt8(ascii: "/")][...]
        }
        guard let question = target.firstIndex(of: UInt8(ascii: "?")) else { return (target, []) }
        return (target[..<question], target[target.index(after: question)...])
    }

    /// RFC 9110 `tchar`: what a method or header name may contain.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

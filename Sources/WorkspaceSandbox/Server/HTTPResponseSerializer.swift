#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a `SandboxResponse` into HTTP/1.1 bytes. The server owns framing: it writes `Content-Length`
/// (exact; none on 1xx, 204 and 304), `Date` and `Connection`, and drops those headers from the handler.
enum HTTPResponseSerializer {
    static func serialize(
        _ response: SandboxResponse, closing: Bool, keepAliveHTTP10: Bool = false, isHead: Bool = false,
        date: String = HTTPDate.now()
    ) -> [UInt8] {
        let bodyless = response.status == 204 || response.status == 304 || (100..<200).contains(response.status)
        var head = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        for (name, value) in response.headers where isHandlerHeaderAllowed(name: name, value: value) {
            head += "\(name): \(value)\r\n"
        }
        if !bodyless { head += "Content-Length: \(response.body.count)\r\n" }
        head += "Date: \(date)\r\n"
        if closing {
            head += "Connection: close\r\n"
        } else if keepAliveHTTP10 {
            head += "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !bodyless && !isHead { bytes.append(contentsOf: response.body) }
        return bytes
    }

    /// Framing headers belong to the server. A Basic challenge is never sent: corelibs URLSession
    /// (before 6.3.2) hangs forever on a 401 that carries one.
    private static func isHandlerHeaderAllowed(name: String, value: String) -> Bool {
        switch name.lowercased() {
        case "content-length", "transfer-encoding", "connection", "date", "keep-alive": false
        case "www-authenticate": !value.lowercased().hasPrefix("basic")
        default: true
        }
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) formatted by hand: no locale, no formatter allocation.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func now() -> String {
        format(secondsSince1970: time(nil))
    }

    static func format(secondsSince1970 seconds: time_t) -> String {
        var seconds = seconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):"
            + "\(twoDigits(parts.tm_sec)) GMT"
    }
}

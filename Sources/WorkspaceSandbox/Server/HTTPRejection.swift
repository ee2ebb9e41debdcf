/// A request the server answers itself, before any handler sees it; the connection closes afterwards
/// because its framing can no longer be trusted.
enum HTTPRejection: Error, Equatable {
    case malformed(String)
    case headTooLarge
    case bodyTooLarge(Int)
    case lengthRequired
    case unsupportedVersion(String)

    var status: Int {
        switch self {
        case .malformed: 400
        case .headTooLarge: 431
        case .bodyTooLarge: 413
        case .lengthRequired: 411
        case .unsupportedVersion: 505
        }
    }

    var message: String {
        switch self {
        case let .malformed(detail): "Malformed HTTP request: \(detail)"
        case .headTooLarge: "Request line and headers are too large"
        case let .bodyTooLarge(limit): "Request body exceeds \(limit) bytes"
        case .lengthRequired:
            "Transfer-Encoding is not supported; send the body with a Content-Length"
        case let .unsupportedVersion(version): "HTTP version \(version) is not supported; use HTTP/1.1"
        }
    }

    /// A Databricks-shaped error body, so clients print the same kind of message as for API errors.
    var response: SandboxResponse {
        let code = status == 413 ? "REQUEST_ENTITY_TOO_LARGE" : "BAD_REQUEST"
        return ServerJSON.errorResponse(status: status, errorCode: code, message: message)
    }
}

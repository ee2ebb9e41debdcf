/// What a request handler tells the server to do with the connection.
enum HTTPReply: Sendable {
    case respond(SandboxResponse)
    /// Close the connection without an answer (an injected fault); the client sees a dropped connection.
    case dropConnection
}

/// A parsed request plus the framing facts the handler may want.
struct HTTPRequest: Sendable {
    var request: SandboxRequest
    /// The path as sent, before percent-decoding.
    var rawPath: String
}

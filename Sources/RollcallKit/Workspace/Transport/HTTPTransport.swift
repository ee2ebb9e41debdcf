/// The seam between the workspace client and the network: send one request, get one response.
///
/// Authentication, retries, pacing and counting are layered on top by ``WorkspaceClient``; a
/// transport only moves bytes. Any HTTP status is a response, not an error: only failures to get
/// a response at all (timeouts, dropped connections) throw.
///
/// A test double is a closure in a struct:
/// ```swift
/// struct StubTransport: HTTPTransport {
///     var answer: @Sendable (HTTPRequest) async throws(TransportError) -> HTTPResponse
///     func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse { try await answer(request) }
/// }
/// ```
/// HTTP behaviour itself is tested over real sockets against `WorkspaceSandbox`.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the server's answer, whatever its status.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse

    /// Lets in-flight requests finish, then releases the transport's resources. Never cancels.
    func close()
}

extension HTTPTransport {
    public func close() {}
}

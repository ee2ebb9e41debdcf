import Foundation

@testable import RollcallKit

/// A transport that answers from a script, one entry per request, and records what was sent.
/// For the client's own logic (retry loop, read-back, headers); HTTP itself is tested against the
/// sandbox over real sockets. State sits behind `lock`.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(Int, String, headers: HTTPHeaders = [:])
        case fail(TransportError)
    }

    private let lock = NSLock()
    private var script: [Step]
    private var sent: [HTTPRequest] = []

    init(_ script: [Step]) { self.script = script }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let step: Step = lock.withLock {
            sent.append(request)
            return script.isEmpty ? .respond(500, #"{"error_code":"SCRIPT_EXHAUSTED","message":"no more steps"}"#) : script.removeFirst()
        }
        switch step {
        case .respond(let status, let body, let headers):
            return HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        case .fail(let error):
            throw error
        }
    }
}

extension WorkspaceClient {
    /// A client over `transport` with a manual clock, no pacing, fixed jitter 0.
    static func scripted(_ transport: ScriptedTransport, clock: ManualClock, retry: RetryPolicy = RetryPolicy())
        throws -> WorkspaceClient
    {
        WorkspaceClient(
            host: try WorkspaceHost("https://adb-1.example.net"),
            authenticator: PersonalAccessTokenAuthenticator(token: AccessToken("dapi-test-token-0001")),
            transport: transport,
            configuration: WorkspaceClientConfiguration(version: "9.9.9", retry: retry, pacing: .unpaced),
            clock: clock, random: { 0 })
    }
}

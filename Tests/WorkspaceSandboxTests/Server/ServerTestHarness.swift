import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import WorkspaceSandbox

/// A started sandbox on an ephemeral port around a `RecordingAPI`, stopped by `withServerHarness`.
struct ServerTestHarness {
    let sandbox: Sandbox
    let api: RecordingAPI
    let url: URL

    var port: Int { url.port! }

    /// One session per test, no cache, no cookies (see swift-notes §3).
    static func session() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = 10
        return URLSession(configuration: configuration)
    }
}

/// Runs `body` against a fresh sandbox and always stops it.
func withServerHarness<T>(
    _ configure: (inout SandboxConfiguration) -> Void = { _ in },
    clock: SandboxClock = .monotonic, limits: HTTPLimits = .standard,
    _ body: (ServerTestHarness) async throws -> T
) async throws -> T {
    var configuration = SandboxConfiguration()
    configure(&configuration)
    let api = RecordingAPI()
    let sandbox = Sandbox(configuration: configuration, api: api, clock: clock, limits: limits)
    let url = try sandbox.start()
    defer { sandbox.stop() }
    return try await body(ServerTestHarness(sandbox: sandbox, api: api, url: url))
}

extension URLSession {
    /// GET or another method against `url`, answering status, headers and body.
    func send(
        _ method: String, _ url: URL, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, headers: [AnyHashable: Any], body: Data) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, http.allHeaderFields, data)
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import WorkspaceSandbox

/// A `Sandbox` around a real `WorkspaceAPI` on an ephemeral loopback port, called with URLSession.
struct LiveSandbox: Sendable {
    let sandbox: Sandbox
    let api: WorkspaceAPI
    let url: URL
    let session: URLSession
    var token: String?

    /// Runs `body` against a fresh sandbox and always stops it.
    static func with<T>(
        _ configure: (inout SandboxConfiguration) -> Void = { _ in }, _ body: (LiveSandbox) async throws -> T
    ) async throws -> T {
        var configuration = SandboxConfiguration()
        configure(&configuration)
        let api = WorkspaceAPI(configuration: configuration)
        let sandbox = Sandbox(configuration: configuration, api: api)
        let url = try sandbox.start()
        defer { sandbox.stop() }
        let live = LiveSandbox(sandbox: sandbox, api: api, url: url, session: ServerTestHarness.session(),
                               token: configuration.token)
        return try await body(live)
    }

    func withToken(_ token: String?) -> LiveSandbox {
        var copy = self
        copy.token = token
        return copy
    }

    /// `path` may carry a query. JSON bodies go as `application/scim+json` for SCIM paths, as
    /// Terraform sends them, and `application/json` elsewhere, as the SDKs do.
    func call(_ method: String, _ path: String, json: Any? = nil, body: Data? = nil,
              headers: [String: String] = [:]) async throws -> LiveResponse {
        var headers = headers
        if let token, headers["Authorization"] == nil { headers["Authorization"] = "Bearer \(token)" }
        var data = body
        if let json {
            data = try JSONSerialization.data(withJSONObject: json)
            headers["Content-Type"] = path.contains("/scim/") ? "application/scim+json" : "application/json"
        }
        let target = URL(string: url.absoluteString + path)!
        let (status, responseHeaders, responseBody) = try await session.send(method, target, body: data, headers: headers)
        return LiveResponse(status: status, headers: responseHeaders, body: responseBody)
    }

    func get(_ path: String) async throws -> LiveResponse { try await call("GET", path) }
    func post(_ path: String, _ json: Any) async throws -> LiveResponse { try await call("POST", path, json: json) }
    func patch(_ path: String, _ json: Any) async throws -> LiveResponse { try await call("PATCH", path, json: json) }
    func put(_ path: String, _ json: Any) async throws -> LiveResponse { try await call("PUT", path, json: json) }
    func delete(_ path: String) async throws -> LiveResponse { try await call("DELETE", path) }

    /// An OAuth token from `path` with the configured client's HTTP Basic credentials.
    func oauthToken(_ path: String) async throws -> LiveResponse {
        try await call("POST", path, body: Data("grant_type=client_credentials&scope=all-apis".utf8), headers: [
            "Authorization": OAuthTestSupport.basic(), "Content-Type": "application/x-www-form-urlencoded",
        ])
    }
}

struct LiveResponse {
    let status: Int
    let headers: [AnyHashable: Any]
    let body: Data

    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    var string: [String: String] { json.compactMapValues { $0 as? String } }
    subscript(_ key: String) -> Any? { json[key] }
    var resources: [[String: Any]] { json["Resources"] as? [[String: Any]] ?? [] }

    func header(_ name: String) -> String? {
        headers.first { ($0.key as? String)?.lowercased() == name.lowercased() }?.value as? String
    }
}

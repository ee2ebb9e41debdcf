import Foundation
@testable import WorkspaceSandbox

/// Calls `WorkspaceAPI.handle(_:)` in-process, the way the server would, and decodes the answer.
struct APITestClient {
    let api: WorkspaceAPI
    var token: String?

    init(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) {
        var configuration = SandboxConfiguration()
        configure(&configuration)
        api = WorkspaceAPI(configuration: configuration)
        token = configuration.token
    }

    init(api: WorkspaceAPI, token: String?) {
        self.api = api
        self.token = token
    }

    /// `path` may carry a query (`/Users?filter=...`); it is split and percent-decoded here.
    func call(_ method: String, _ path: String, json: Any? = nil, body: [UInt8]? = nil,
              headers: [String: String] = [:]) -> APITestResponse {
        var headers = headers
        if let token, headers["authorization"] == nil { headers["authorization"] = "Bearer \(token)" }
        if headers["host"] == nil { headers["host"] = "127.0.0.1:8080" }
        var bytes = body ?? []
        if let json { bytes = [UInt8](try! JSONSerialization.data(withJSONObject: json)) }
        let components = URLComponents(string: "http://sandbox\(path)")!
        let query = (components.queryItems ?? []).map { (name: $0.name, value: $0.value ?? "") }
        let request = SandboxRequest(method: method, path: components.path, query: query, headers: headers, body: bytes)
        return APITestResponse(api.handle(request))
    }

    func get(_ path: String) -> APITestResponse { call("GET", path) }
    func post(_ path: String, _ json: Any) -> APITestResponse { call("POST", path, json: json) }
    func patch(_ path: String, _ json: Any) -> APITestResponse { call("PATCH", path, json: json) }
    func put(_ path: String, _ json: Any) -> APITestResponse { call("PUT", path, json: json) }
    func delete(_ path: String) -> APITestResponse { call("DELETE", path) }

    /// The decoded `/sandbox/state` dump.
    var state: WorkspaceState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try! decoder.decode(WorkspaceState.self, from: Data(api.stateJSON()))
    }
}

struct APITestResponse {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]
    let route: String?
    let mutated: Bool

    init(_ result: APIResult) {
        status = result.response.status
        headers = result.response.headers
        body = result.response.body
        route = result.route
        mutated = result.mutated
    }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    subscript(_ key: String) -> Any? { json[key] }

    var string: [String: String] { json.compactMapValues { $0 as? String } }

    /// `Resources` of a SCIM list.
    var resources: [[String: Any]] { json["Resources"] as? [[String: Any]] ?? [] }

    /// Values of a field across `Resources`.
    func resourceValues(_ field: String) -> [String] { resources.compactMap { $0[field] as? String } }
}

/// Paths used across the tests.
enum Paths {
    static let scim = "/api/2.0/preview/scim/v2"
    static let account = "/api/2.0/accounts/\(SandboxConfiguration().accountID)"
    static let assignments = "\(account)/workspaces/\(SandboxConfiguration().workspaceID)/permissionassignments"

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

import Foundation
import WorkspaceSandbox

/// The real Databricks model behind the server, filled with `userCount` users so that lists and
/// filters cost what they cost for a workshop-sized import, and the GETs the import client sends.
struct WorkspaceBench {
    static let token = "bench"
    static let scim = "/api/2.0/preview/scim/v2"

    let api: WorkspaceAPI
    let configuration: SandboxConfiguration
    let userCount: Int

    init(configuration: SandboxConfiguration, userCount: Int) {
        var configuration = configuration
        configuration.token = Self.token
        self.configuration = configuration
        self.api = WorkspaceAPI(configuration: configuration)
        self.userCount = userCount
    }

    /// One GET the benchmark measures: a name for the table and the request target (query encoded).
    struct Endpoint {
        var name: String
        var target: String
    }

    static func userName(_ number: Int) -> String { "learner\(number)@example.com" }

    /// The 50-name lookup the import client sends to find existing users, spread across the workspace
    /// and in mixed case, projected to `id,userName`.
    var filteredLookup: String {
        let step = max(1, userCount / 50)
        let names = (0..<50).map { index -> String in
            let name = Self.userName(1 + (index * step) % max(1, userCount))
            return index.isMultiple(of: 2) ? name.uppercased() : name
        }
        let filter = names.map { "userName eq \"\($0)\"" }.joined(separator: " or ")
        return "\(Self.scim)/Users?filter=\(Self.encoded(filter))&attributes=id,userName"
    }

    var endpoints: [Endpoint] {
        [
            Endpoint(name: "SCIM Me", target: "\(Self.scim)/Me"),
            Endpoint(name: "SCIM Users?count=1", target: "\(Self.scim)/Users?count=1"),
            Endpoint(name: "clusters/list", target: "/api/2.0/clusters/list"),
            Endpoint(name: "sql/warehouses", target: "/api/2.0/sql/warehouses"),
            Endpoint(name: "permissions/clusters", target: "/api/2.0/permissions/clusters/\(SeedState.clusterID)"),
            Endpoint(name: "Users filter 50 names", target: filteredLookup),
        ]
    }

    /// Creates the users through the API, as the import client would, and checks every endpoint
    /// answers 200 (the filter with all 50 names) before any load is put on it.
    func seed() throws {
        for number in 1...max(1, userCount) {
            let body = #"{"userName":"\#(Self.userName(number))","displayName":"Learner \#(number)"}"#
            let result = api.handle(request("POST", "\(Self.scim)/Users", body: Array(body.utf8)))
            guard result.response.status == 201 else { throw BenchError("creating user \(number): \(result.response.status)") }
        }
        for endpoint in endpoints {
            let (path, query) = Self.split(endpoint.target)
            let response = api.handle(request("GET", path, query: query)).response
            guard response.status == 200 else { throw BenchError("\(endpoint.name) answered \(response.status)") }
            if endpoint.target == filteredLookup {
                let json = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
                guard json?["totalResults"] as? Int == min(50, userCount) else {
                    throw BenchError("the filter found \(json?["totalResults"] ?? "nothing"), not 50 users")
                }
            }
        }
    }

    private func request(_ method: String, _ path: String, query: [(name: String, value: String)] = [],
                         body: [UInt8] = []) -> SandboxRequest {
        SandboxRequest(method: method, path: path, query: query,
                       headers: ["authorization": "Bearer \(Self.token)", "host": "127.0.0.1",
                                 "content-type": "application/json"],
                       body: body)
    }

    /// Everything but unreserved characters percent-encoded, so the target goes on the request line as is.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~@,")) ?? text
    }

    /// Path and decoded query of a target, as the server would hand them to the API.
    static func split(_ target: String) -> (String, [(name: String, value: String)]) {
        let components = URLComponents(string: "http://127.0.0.1\(target)")!
        return (components.path, (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

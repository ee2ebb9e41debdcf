import Foundation
import WorkspaceSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A sandbox workspace for one end-to-end test: started on an ephemeral loopback port, read back
/// through its Databricks API (never through Rollcall's own client), stopped when the test ends.
final class SandboxFixture: Sendable {
    let sandbox: Sandbox
    let url: URL
    let configuration: SandboxConfiguration

    init(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) throws {
        var configuration = SandboxConfiguration()
        configuration.token = "dapi-e2e-\(UUID().uuidString.prefix(8))-secret"
        configure(&configuration)
        self.configuration = configuration
        sandbox = Sandbox(configuration: configuration)
        url = try sandbox.start()
    }

    deinit { sandbox.stop() }

    var token: String { configuration.token }

    /// The child's whole environment: this workspace's credentials and an empty home, so that no
    /// `~/.databrickscfg` or `.env` of the machine leaks in.
    func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "DATABRICKS_HOST": url.absoluteString, "DATABRICKS_TOKEN": token, "HOME": home.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// `GET path` with the workspace token; the JSON object it answered.
    func get(_ path: String, query: [String: String] = [:]) async throws -> [String: Any] {
        try await send("GET", path, query: query, body: nil)
    }

    func send(_ method: String, _ path: String, query: [String: String] = [:], body: [String: Any]?) async throws
        -> [String: Any]
    {
        var components = URLComponents(url: url.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.key, value: $0.value) } }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw FixtureError.status(status, String(decoding: data, as: UTF8.self))
        }
        if data.isEmpty { return [:] }
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// Every workspace user's id keyed by userName (paged through SCIM).
    func users() async throws -> [String: String] {
        var users: [String: String] = [:]
        var start = 1
        while true {
            let page = try await get(
                "api/2.0/preview/scim/v2/Users", query: ["startIndex": "\(start)", "count": "100", "attributes": "id,userName"])
            let resources = page["Resources"] as? [[String: Any]] ?? []
            if resources.isEmpty { break }
            for user in resources { users[user["userName"] as! String] = user["id"] as? String }
            start += resources.count
        }
        return users
    }

    /// A group by name: id, member ids, entitlement values, resourceType.
    func group(_ name: String) async throws -> (id: String, members: Set<String>, entitlements: Set<String>, type: String)? {
        let page = try await get("api/2.0/preview/scim/v2/Groups", query: ["filter": "displayName eq \"\(name)\""])
        guard let found = (page["Resources"] as? [[String: Any]])?.first else { return nil }
        let members = (found["members"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        let entitlements = (found["entitlements"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        let type = (found["meta"] as? [String: Any])?["resourceType"] as? String ?? ""
        return (found["id"] as! String, Set(members), Set(entitlements), type)
    }

    /// Direct levels per group on an object, e.g. `("clusters", SeedState.clusterID)`.
    func groupLevels(_ type: String, _ id: String) async throws -> [String: String] {
        let acl = try await get("api/2.0/permissions/\(type)/\(id)")
        var levels: [String: String] = [:]
        for entry in acl["access_control_list"] as? [[String: Any]] ?? [] {
            guard let group = entry["group_name"] as? String else { continue }
            for held in entry["all_permissions"] as? [[String: Any]] ?? [] where (held["inherited"] as? Bool) != true {
                levels[group] = held["permission_level"] as? String
            }
        }
        return levels
    }

    /// Unity Catalog privileges per principal (REST spelling) on a securable.
    func grants(_ securable: String, _ name: String) async throws -> [String: Set<String>] {
        let answer = try await get("api/2.1/unity-catalog/permissions/\(securable)/\(name)")
        var grants: [String: Set<String>] = [:]
        for assignment in answer["privilege_assignments"] as? [[String: Any]] ?? [] {
            grants[assignment["principal"] as! String] = Set(assignment["privileges"] as? [String] ?? [])
        }
        return grants
    }
}

enum FixtureError: Error {
    case status(Int, String)
}

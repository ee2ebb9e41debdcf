import Foundation
import WorkspaceSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A roster, a workshop config, an empty home and (optionally) a `~/.databrickscfg`, in one
/// temporary directory: what an organizer's machine holds before `rollcall import`.
struct ImportScenario {
    let directory: TemporaryDirectory
    let roster: String
    let workshop: String
    var home: URL { directory.url.appendingPathComponent("home") }
    var configFile: String { directory.url.appendingPathComponent("databrickscfg").path }

    /// `groups` maps each group to its member count; emails are `<group>-<n>@example.org`.
    init(groups: [(String, Int)], grantsVia: String = "rest", warehouse: Bool = true) throws {
        directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("home"), withIntermediateDirectories: true)
        var csv = "email,name,group\n"
        for (group, count) in groups {
            for index in 1...count { csv += "\(group)-\(index)@example.org,\(group.capitalized) \(index),\(group)\n" }
        }
        roster = try directory.write("roster.csv", csv)
        let warehouseLine = warehouse ? #""warehouse": { "name": "Starter Warehouse", "defaultLevel": "CAN_USE" },"# : ""
        workshop = try directory.write(
            "workshop.json",
            """
            {
              "defaultGroup": "workshop-users",
              "groupEntitlements": ["workspace-access", "databricks-sql-access"],
              "cluster": { "name": "Small Spark 4.0", "defaultLevel": "CAN_ATTACH_TO" },
              \(warehouseLine)
              "unityCatalog": {
                "grantsVia": "\(grantsVia)",
                "grants": [
                  { "securable": "catalog", "name": "aws-databricks-neo4j-lab", "privileges": ["USE CATALOG", "BROWSE"] },
                  { "securable": "connection", "name": "neo4j_mcp", "privileges": ["USE CONNECTION"] }
                ]
              }
            }
            """)
    }

    /// Writes `~/.databrickscfg` (at `configFile`, pointed to by `DATABRICKS_CONFIG_FILE`).
    func writeConfig(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: configFile))
    }

    /// A child environment with nothing but PATH, the empty home and `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        environment.merge(extra) { _, new in new }
        return environment
    }

    func importArguments(_ more: [String] = []) -> [String] {
        ["import", roster, "--workshop", workshop, "--results", directory.url.appendingPathComponent("results.csv").path]
            + more
    }

    var results: String {
        (try? String(contentsOfFile: directory.url.appendingPathComponent("results.csv").path, encoding: .utf8)) ?? ""
    }
}

extension SandboxFixture {
    /// A sandbox with an OAuth service principal, for account-level tests.
    static func withOAuth(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) throws -> SandboxFixture {
        try SandboxFixture { configuration in
            configuration.clientID = "e2e-client"
            configuration.clientSecret = "e2e-client-secret-\(UUID().uuidString.prefix(8))"
            configure(&configuration)
        }
    }

    /// An account OAuth token of the sandbox's service principal.
    func accountToken() async throws -> String {
        var request = URLRequest(url: url.appendingPathComponent("oidc/accounts/\(configuration.accountID)/v1/token"))
        request.httpMethod = "POST"
        let basic = Data("\(configuration.clientID ?? ""):\(configuration.clientSecret ?? "")".utf8).base64EncodedString()
        request.setValue("Basic \(basic)", forHTTPHeaderField: "Authorization")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("grant_type=client_credentials&scope=all-apis".utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["access_token"] as? String ?? ""
    }

    /// An account API call (`path` under `/api/2.0/accounts/{account_id}/`) with an account token.
    func account(_ method: String, _ path: String, body: [String: Any]? = nil) async throws -> [String: Any] {
        var request = URLRequest(url: url.appendingPathComponent("api/2.0/accounts/\(configuration.accountID)/\(path)"))
        request.httpMethod = method
        request.setValue("Bearer \(try await accountToken())", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// The account's workspace assignments: principal id -> permissions.
    func assignments() async throws -> [String: [String]] {
        let body = try await account("GET", "workspaces/\(configuration.workspaceID)/permissionassignments")
        var assignments: [String: [String]] = [:]
        for item in body["permission_assignments"] as? [[String: Any]] ?? [] {
            let principal = item["principal"] as? [String: Any] ?? [:]
            let id = (principal["principal_id"] as? NSNumber)?.stringValue ?? "\(principal["principal_id"] ?? "")"
            assignments[id] = item["permissions"] as? [String] ?? []
        }
        return assignments
    }
}

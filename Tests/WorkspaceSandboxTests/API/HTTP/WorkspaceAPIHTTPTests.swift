import Foundation
import Testing
@testable import WorkspaceSandbox

/// The main flows of the API model over real HTTP: URLSession against `Sandbox` + `WorkspaceAPI`
/// on an ephemeral port.
@Suite(.serialized)
struct WorkspaceAPIHTTPTests {
    @Test func scimUsersOverHTTP() async throws {
        try await LiveSandbox.with { live in
            let created = try await live.post("\(Paths.scim)/Users", ["schemas": [SCIMSchema.user], "userName": "Alf@Melmak.ET"])
            #expect(created.status == 201)
            #expect(created.string["userName"] == "alf@melmak.et")
            #expect(created.header("X-Databricks-Org-Id") == "1234567890123456")
            let duplicate = try await live.post("\(Paths.scim)/Users", ["userName": "ALF@melmak.et"])
            #expect(duplicate.status == 409)
            #expect(duplicate.string["detail"] == "User with username alf@melmak.et already exists.")
            let filter = Paths.query("userName eq \"ALF@MELMAK.ET\"")
            let listed = try await live.get("\(Paths.scim)/Users?filter=\(filter)&startIndex=1&count=10000")
            #expect(listed["totalResults"] as? Int == 1)
            #expect(listed["startIndex"] as? Int == 1)
            let id = created.string["id"]!
            #expect(try await live.delete("\(Paths.scim)/Users/\(id)").status == 204)
            let missing = try await live.get("\(Paths.scim)/Users/\(id)")
            #expect(missing.status == 404)
            #expect(missing.string["status"] == "404")
            let stats = live.sandbox.stats()
            #expect(stats.count("POST /api/2.0/preview/scim/v2/Users") == 2)
            #expect(stats.count("DELETE /api/2.0/preview/scim/v2/Users/{id}") == 1)
            #expect(stats.mutations == 2)
        }
    }

    @Test func groupPatchFormsOverHTTP() async throws {
        try await LiveSandbox.with { live in
            let user = try await live.post("\(Paths.scim)/Users", ["userName": "a@x.com"]).string["id"]!
            let group = try await live.post("\(Paths.scim)/Groups", ["displayName": "students"]).string["id"]!
            let path = "\(Paths.scim)/Groups/\(group)"
            let add = try await live.patch(path, ["schemas": [SCIMSchema.patchOp],
                                                  "Operations": [["op": "add", "value": ["members": [["value": user]]]]]])
            #expect(add.status == 200)
            let repeated = try await live.patch(path, ["Operations": [["op": "add", "path": "members", "value": [["value": user]]]]])
            #expect(repeated.status == 200)
            let remove = try await live.patch(path, ["Operations": [["op": "remove", "path": "members[value eq \"\(user)\"]"]]])
            #expect(remove.status == 200)
            #expect(remove["members"] == nil)
            #expect(live.sandbox.stats().count("PATCH /api/2.0/preview/scim/v2/Groups/{id}") == 3)
            #expect(live.sandbox.stats().mutations == 4)
        }
    }

    @Test func permissionsOverHTTP() async throws {
        try await LiveSandbox.with { live in
            _ = try await live.post("\(Paths.scim)/Groups", ["displayName": "students"])
            let path = "/api/2.0/permissions/clusters/\(SeedState.clusterID)"
            let patched = try await live.patch(path, ["access_control_list": [["group_name": "students", "permission_level": "CAN_ATTACH_TO"]]])
            #expect(patched.string["object_type"] == "cluster")
            let list = patched["access_control_list"] as? [[String: Any]] ?? []
            #expect(list.count == 3)
            let put = try await live.put(path, ["access_control_list": [["group_name": "students", "permission_level": "CAN_RESTART"]]])
            #expect((put["access_control_list"] as? [[String: Any]])?.count == 2)
            let foreign = try await live.patch(path, ["access_control_list": [["group_name": "students", "permission_level": "CAN_USE"]]])
            #expect(foreign.status == 500)
            #expect(foreign.string["message"] == "Unhandled Permission level")
            let unknown = try await live.patch(path, ["access_control_list": [["user_name": "x@y.z", "permission_level": "CAN_RESTART"]]])
            #expect(unknown.status == 400)
            #expect(unknown.string["message"] == "Principal: UserName(x@y.z) does not exist")
            #expect(try await live.get("/api/2.0/permissions/sql-warehouses/\(SeedState.warehouseID)").status == 400)
        }
    }

    @Test func lookupsOverHTTP() async throws {
        try await LiveSandbox.with { live in
            let clusters = try await live.get("/api/2.1/clusters/list?page_size=1")
            #expect((clusters["clusters"] as? [[String: Any]])?.first?["cluster_id"] as? String == SeedState.clusterID)
            #expect(clusters["next_page_token"] == nil)
            let old = try await live.get("/api/2.0/clusters/list")
            #expect((old["clusters"] as? [[String: Any]])?.count == 1)
            let warehouses = try await live.get("/api/2.0/sql/warehouses")
            #expect((warehouses["warehouses"] as? [[String: Any]])?.first?["name"] as? String == SeedState.warehouseName)
            let status = try await live.get("/api/2.0/workspace/get-status?path=\(Paths.query(SeedState.directoryPath))")
            #expect((status["object_id"] as? NSNumber)?.int64Value == SeedState.directoryObjectID)
            let endpoints = try await live.get("/api/2.0/serving-endpoints")
            #expect((endpoints["endpoints"] as? [[String: Any]])?.first?["id"] as? String == SeedState.servingEndpointID)
        }
    }

    @Test func statementPollingAndGrantsOverHTTP() async throws {
        try await LiveSandbox.with({ $0.statementMilliseconds = 100 }) { live in
            _ = try await live.post("\(Paths.scim)/Groups", ["displayName": "local"])
            func run(_ sql: String) async throws -> LiveResponse {
                let first = try await live.post("/api/2.0/sql/statements",
                                                ["warehouse_id": SeedState.warehouseID, "statement": sql, "wait_timeout": "0s"])
                #expect((first["status"] as? [String: Any])?["state"] as? String == "PENDING")
                let id = first.string["statement_id"]!
                for _ in 0..<100 {
                    let polled = try await live.get("/api/2.0/sql/statements/\(id)")
                    let state = (polled["status"] as? [String: Any])?["state"] as? String
                    if state != "PENDING" && state != "RUNNING" { return polled }
                    try await Task.sleep(nanoseconds: 20_000_000)
                }
                Issue.record("statement did not finish")
                return first
            }
            let catalog = "`\(SeedState.catalogName)`"
            let granted = try await run("GRANT USE CATALOG ON CATALOG \(catalog) TO `workshop-users`")
            #expect((granted["status"] as? [String: Any])?["state"] as? String == "SUCCEEDED")
            let refused = try await run("GRANT USE CATALOG ON CATALOG \(catalog) TO `local`")
            let error = (refused["status"] as? [String: Any])?["error"] as? [String: Any]
            #expect(refused.status == 200)
            #expect((error?["message"] as? String)?.contains("Could not find principal with name local") == true)
            let rest = try await live.get("/api/2.1/unity-catalog/permissions/catalog/\(SeedState.catalogName)?principal=workshop-users")
            let assignment = (rest["privilege_assignments"] as? [[String: Any]])?.first
            #expect(assignment?["privileges"] as? [String] == ["USE_CATALOG"])
            let spaced = try await live.patch("/api/2.1/unity-catalog/permissions/catalog/\(SeedState.catalogName)",
                                              ["changes": [["principal": "workshop-users", "add": ["USE CATALOG"]]]])
            #expect(spaced.status == 400)
        }
    }

    @Test func accountGroupsAssignmentAndOAuthOverHTTP() async throws {
        try await LiveSandbox.with(OAuthTestSupport.configure) { live in
            let workspace = live
            let accountToken = try await live.oauthToken(OAuthTestSupport.accountTokenPath)
            #expect(accountToken.status == 200)
            #expect(accountToken.string["token_type"] == "Bearer")
            let account = live.withToken(accountToken.string["access_token"])
            #expect(try await workspace.get("\(Paths.account)/scim/v2/Groups").status == 401)
            let group = try await account.post("\(Paths.account)/scim/v2/Groups", ["displayName": "neo4j-students"])
            #expect(group.status == 201)
            let id = group.string["id"]!
            let filter = "\(Paths.scim)/Groups?filter=\(Paths.query("displayName eq \"neo4j-students\""))"
            #expect(try await workspace.get(filter).resources.isEmpty)
            let assigned = try await account.put("\(Paths.assignments)/principals/\(id)", ["permissions": ["USER"]])
            #expect(assigned.status == 200)
            let visible = try await workspace.get(filter).resources.first
            #expect((visible?["meta"] as? [String: Any])?["resourceType"] as? String == "Group")
            let grant = try await workspace.patch("/api/2.1/unity-catalog/permissions/catalog/\(SeedState.catalogName)",
                                                  ["changes": [["principal": "neo4j-students", "add": ["USE_CATALOG"]]]])
            #expect(grant.status == 200)
            let workspaceToken = try await live.oauthToken("/oidc/v1/token")
            let machine = live.withToken(workspaceToken.string["access_token"])
            #expect(try await machine.get("\(Paths.scim)/Me").string["userName"] == OAuthTestSupport.clientID)
            #expect(try await machine.get("\(Paths.account)/scim/v2/Users").status == 401)
        }
    }

    @Test func authFailuresAndTokenExpiryOverHTTP() async throws {
        try await LiveSandbox.with({
            OAuthTestSupport.configure(&$0)
            $0.oauthTTLSeconds = 1
        }) { live in
            let missing = try await live.withToken(nil).get("\(Paths.scim)/Me")
            #expect(missing.status == 401)
            #expect(missing.header("WWW-Authenticate") == nil)
            let wrong = try await live.withToken("dapi-wrong").get("\(Paths.scim)/Me")
            #expect(wrong.status == 403)
            #expect(wrong.string["message"] == "Invalid access token.")
            let config = try await live.withToken(nil).get("/.well-known/databricks-config")
            #expect(config.string["oidc_endpoint"] == "\(live.url.absoluteString)/oidc")
            let token = try await live.oauthToken("/oidc/v1/token")
            #expect(token["expires_in"] as? Int == 1)
            let machine = live.withToken(token.string["access_token"])
            #expect(try await machine.get("\(Paths.scim)/Me").status == 200)
            try await Task.sleep(nanoseconds: 1_200_000_000)
            #expect(try await machine.get("\(Paths.scim)/Me").status == 401)
        }
    }

    @Test func staleReadsOverHTTP() async throws {
        try await LiveSandbox.with({ $0.staleReadsMilliseconds = 1_000 }) { live in
            let id = try await live.post("\(Paths.scim)/Users", ["userName": "fresh@x.com"]).string["id"]!
            var statuses: Set<Int> = []
            for _ in 0..<30 { statuses.insert(try await live.get("\(Paths.scim)/Users/\(id)").status) }
            #expect(statuses == [200, 404])
        }
    }

    @Test func concurrentDuplicateCreatesOverHTTP() async throws {
        try await LiveSandbox.with { live in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<100 {
                    group.addTask { try await live.post("\(Paths.scim)/Users", ["userName": "same@example.com"]).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 99)
            #expect(live.sandbox.stats().mutations == 1)
        }
    }
}

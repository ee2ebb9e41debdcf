import Foundation
import RollcallKit
import Testing
import WorkspaceSandbox

/// The client against a real sandbox over loopback sockets: shapes, status codes and error bodies
/// as the sandbox models Databricks.
struct SandboxClientTests {
    @Test func findsTheSeededWorkshopObjectsByName() async throws {
        let harness = try SandboxHarness()
        let client = harness.client
        let cluster = try #require(try await client.findCluster(named: "Small Spark 4.0"))
        #expect(cluster.id == "1204-093000-w0rksh0p")
        #expect(try await client.findWarehouse(named: "Starter Warehouse")?.id == "a1b2c3d4e5f60718")
        let folder = try #require(try await client.workspaceObject(path: "/Shared/workshop"))
        #expect(folder.objectType == "DIRECTORY")
        #expect(folder.objectID == "3141592653589793")
        let endpoints = try await client.findServingEndpoints(named: ["databricks-meta-llama-3-3-70b-instruct", "nope"])
        #expect(endpoints.keys.sorted() == ["databricks-meta-llama-3-3-70b-instruct"])
        #expect(try await client.findCluster(named: "No Such Cluster") == nil)
        #expect(try await client.findWarehouse(named: "No Such Warehouse") == nil)
        #expect(try await client.workspaceObject(path: "/Shared/missing") == nil)
        #expect(client.workspaceID == "1234567890123456")
    }

    @Test func createsFindsListsAndDeletesUsers() async throws {
        let harness = try SandboxHarness()
        let client = harness.client
        let before = try await client.countUsers()
        var ids: [String: String] = [:]
        for index in 0..<60 {
            let outcome = try await client.createUser(userName: "Person\(index)@Example.com", displayName: "Person \(index)")
            guard case .created(let user) = outcome else { Issue.record("not created: \(outcome)"); return }
            #expect(user.userName == "person\(index)@example.com")
            ids[user.userName] = user.id
        }
        #expect(try await client.countUsers() == before + 60)

        harness.sandbox.resetStats()
        let wanted = (0..<60).map { "PERSON\($0)@example.com" } + (0..<40).map { "absent\($0)@example.com" }
        let found: [String: SCIMUser] = try await client.findUsers(userNames: wanted)
        #expect(found.count == 60)
        #expect(found["person7@example.com"]?.id == ids["person7@example.com"])
        #expect(harness.sandbox.stats().total == 2)  // 100 names, 50 per request

        let everyone = try await client.listAllUsers(pageSize: 7)
        #expect(everyone.count == before + 60)
        #expect(Set(everyone.map(\.id)).count == everyone.count)

        let again = try await client.createUser(userName: "person3@example.com", displayName: nil)
        #expect(again == .alreadyExisted(SCIMUser(id: ids["person3@example.com"]!, userName: "person3@example.com")))

        let id = try #require(ids["person0@example.com"])
        #expect(try await client.deleteUser(id: id) == .removed)
        #expect(try await client.deleteUser(id: id) == .alreadyAbsent)
        #expect((try await client.findUsers(userNames: ["person0@example.com"]) as [String: SCIMUser]).isEmpty)
    }

    @Test func managesGroupsMembersAndEntitlements() async throws {
        let harness = try SandboxHarness()
        let client = harness.client
        let alice = try await client.createUser(userName: "alice@example.com", displayName: "Alice").value
        let bob = try await client.createUser(userName: "bob@example.com", displayName: nil).value

        let created = try await client.createGroup(displayName: "team \"a\"", entitlements: ["workspace-access"])
        guard case .created(let group) = created else { Issue.record("not created: \(created)"); return }
        try await client.addMembers(groupID: group.id, memberIDs: [alice.id, bob.id])
        try await client.addEntitlements(groupID: group.id, ["databricks-sql-access"])

        var read = try #require(try await client.findGroup(displayName: "team \"a\""))
        #expect(Set(read.memberIDs) == [alice.id, bob.id])
        #expect(Set(read.entitlements) == ["workspace-access", "databricks-sql-access"])
        #expect(read.isWorkspaceLocal)

        try await client.removeMember(groupID: group.id, memberID: bob.id)
        try await client.removeEntitlements(groupID: group.id, ["workspace-access"])
        read = try #require(try await client.findGroup(displayName: "team \"a\""))
        #expect(read.memberIDs == [alice.id])
        #expect(read.entitlements == ["databricks-sql-access"])

        #expect(try await client.createGroup(displayName: "team \"a\"", entitlements: []) == .alreadyExisted(read))
        #expect(try await client.deleteGroup(id: group.id) == .removed)
        #expect(try await client.findGroup(displayName: "team \"a\"") == nil)
    }

    @Test func locksDownTheBuiltInUsersGroup() async throws {
        let harness = try SandboxHarness()
        let client = harness.client
        _ = try await client.createUser(userName: "member@example.com", displayName: nil)
        #expect(try await client.findGroup(displayName: "users")?.memberIDs.isEmpty == false)
        let users = try #require(try await client.findGroup(displayName: "users", includeMembers: false))
        #expect(users.memberIDs.isEmpty)
        #expect(users.entitlements.contains("allow-cluster-create"))
        try await client.removeEntitlements(groupID: users.id, ["allow-cluster-create", "allow-instance-pool-create"])
        let after = try #require(try await client.findGroup(displayName: "users", includeMembers: false))
        #expect(!after.entitlements.contains("allow-cluster-create"))
        #expect(!after.entitlements.contains("allow-instance-pool-create"))
        #expect(try await client.findGroup(displayName: "account group workshop-users? no") == nil)
    }

    @Test func readsAndRaisesACLs() async throws {
        let harness = try SandboxHarness()
        let client = harness.client
        _ = try await client.createGroup(displayName: "cohort-1", entitlements: [])
        let clusterID = try #require(try await client.findCluster(named: "Small Spark 4.0")).id
        let before = try await client.getPermissions(kind: .cluster, objectID: clusterID)
        #expect(before.levels[.group("cohort-1")] == nil)

        let after = try await client.patchPermissions(
            kind: .cluster, objectID: clusterID, grants: [.group("cohort-1", .canRestart)])
        #expect(after.levels[.group("cohort-1")] == .canRestart)
        #expect(try await client.getPermissions(kind: .cluster, objectID: clusterID).levels[.group("cohort-1")] == .canRestart)

        let warehouseID = try #require(try await client.findWarehouse(named: "Starter Warehouse")).id
        try await client.patchPermissions(kind: .warehouse, objectID: warehouseID, grants: [.group("cohort-1", .canUse)])
        let warehouseACL = try await client.getPermissions(kind: .warehouse, objectID: warehouseID)
        #expect(warehouseACL.levels[.group("cohort-1")] == .canUse)

        // Offboard: PUT every direct grant except the cohort's.
        let kept = warehouseACL.directGrants.filter { $0.principal != .group("cohort-1") }
        let reset = try await client.putPermissions(kind: .warehouse, objectID: warehouseID, grants: kept)
        #expect(reset.levels[.group("cohort-1")] == nil)
    }

    @Test func rejectsAnInvalidLevelWithTheAPIsMessage() async throws {
        let harness = try SandboxHarness()
        let warehouseID = "a1b2c3d4e5f60718"
        await #expect {
            try await harness.client.patchPermissions(
                kind: .warehouse, objectID: warehouseID, grants: [.group("users", .canRestart)])
        } throws: { error in
            guard let failure = (error as? WorkspaceError)?.apiFailure else { return false }
            return failure.status >= 400 && !(failure.message ?? "").isEmpty
        }
    }

    @Test func grantsAndReadsUnityCatalogPrivilegesThroughSQL() async throws {
        let harness = try SandboxHarness()
        let client = harness.client
        let warehouseID = "a1b2c3d4e5f60718"
        let grant = try GrantStatements.grant(
            ["USE CATALOG", "SELECT"], on: .catalog, name: "aws-databricks-neo4j-lab", to: "workshop-users")
        _ = try await client.executeStatement(warehouseID: warehouseID, statement: grant)
        let held = try await client.showGrants(warehouseID: warehouseID, on: .catalog, name: "aws-databricks-neo4j-lab")
        #expect(held["workshop-users"]?.isSuperset(of: ["USE CATALOG", "SELECT"]) == true)

        let rest = try await client.unityCatalogGrants(on: .catalog, name: "aws-databricks-neo4j-lab")
        #expect(rest["workshop-users"]?.isSuperset(of: ["USE_CATALOG", "SELECT"]) == true)
    }

    @Test func aFailedStatementCarriesTheWarehouseMessage() async throws {
        let harness = try SandboxHarness()
        let statement = try GrantStatements.grant(
            ["USE CATALOG"], on: .catalog, name: "aws-databricks-neo4j-lab", to: "no such principal")
        await #expect {
            _ = try await harness.client.executeStatement(warehouseID: "a1b2c3d4e5f60718", statement: statement)
        } throws: { error in
            guard case .statementFailed(let failure) = error as? WorkspaceError else { return false }
            return failure.state == "FAILED" && failure.message.contains("no such principal")
        }
    }

    @Test func grantsUnityCatalogPrivilegesThroughREST() async throws {
        let harness = try SandboxHarness()
        let client = harness.client
        let after = try await client.updateUnityCatalogGrants(
            on: .connection, name: "neo4j_mcp", changes: [UnityCatalogChange(principal: "workshop-users", add: ["USE CONNECTION"])])
        #expect(after["workshop-users"]?.contains("USE_CONNECTION") == true)
        #expect(try await client.unityCatalogGrants(on: .connection, name: "neo4j_mcp")["workshop-users"] == ["USE_CONNECTION"])
    }

    @Test func aWrongTokenIsRefusedWithoutShowingIt() async throws {
        let wrong = "dapi-wrong-token-fedcba9876543210"
        let harness = try SandboxHarness(token: wrong)
        await #expect {
            _ = try await harness.client.countUsers()
        } throws: { error in
            guard let error = error as? WorkspaceError, let failure = error.apiFailure else { return false }
            return (failure.status == 401 || failure.status == 403) && error.isWorkspaceUnreachable
                && error.description.contains("127.0.0.1") && !error.description.contains(wrong)
        }
    }

    @Test func nothingListeningFailsFastAsUnreachable() async throws {
        let harness = try SandboxHarness()
        let port = harness.sandbox.baseURL!.port!
        harness.sandbox.stop()
        let client = WorkspaceClient(
            host: try WorkspaceHost("http://127.0.0.1:\(port)"),
            authenticator: PersonalAccessTokenAuthenticator(token: AccessToken("t0ken")),
            transport: URLSessionTransport(configuration: .init(timeoutSeconds: 5)),
            configuration: WorkspaceClientConfiguration(version: "0", pacing: .unpaced))
        defer { client.close() }
        await #expect {
            _ = try await client.countUsers()
        } throws: { error in
            (error as? WorkspaceError)?.isWorkspaceUnreachable == true
        }
        #expect(client.counters.snapshot.requests == 1)
    }

    @Test func knowsWhoTheTokenBelongsTo() async throws {
        let harness = try SandboxHarness()
        let identity = try await harness.client.currentIdentity()
        #expect(identity.user.userName == "workshop-admin@example.com")
        #expect(identity.isWorkspaceAdmin)
    }

    @Test func findsSeveralGroupsInOneRequestAndRemovesSeveralMembers() async throws {
        let harness = try SandboxHarness()
        let client = harness.client
        var members: [String] = []
        for name in ["m1", "m2", "m3"] {
            members.append(try await client.createUser(userName: "\(name)@example.com", displayName: nil).value.id)
        }
        let group = try await client.createGroup(displayName: "cohort-b", entitlements: []).value
        try await client.addMembers(groupID: group.id, memberIDs: members)
        harness.sandbox.resetStats()
        let found = try await client.findGroups(displayNames: ["cohort-b", "users", "missing-group"])
        #expect(found.keys.sorted() == ["cohort-b", "users"])
        #expect(Set(found["cohort-b"]?.memberIDs ?? []) == Set(members))
        #expect(harness.sandbox.stats().total == 1)

        try await client.removeMembers(groupID: group.id, memberIDs: Array(members.prefix(2)))
        #expect(try await client.findGroup(displayName: "cohort-b")?.memberIDs == [members[2]])
    }

    @Test func pollsAStatementThatOutlivesTheWait() async throws {
        let harness = try SandboxHarness { $0.statementMilliseconds = 1200 }
        let statement = try GrantStatements.grant(
            ["USE CONNECTION"], on: .connection, name: "neo4j_mcp", to: "workshop-users")
        _ = try await harness.client.executeStatement(
            warehouseID: "a1b2c3d4e5f60718", statement: statement, waitTimeoutSeconds: 0)
        #expect(harness.sandbox.stats().count("GET /api/2.0/sql/statements/{statement_id}") >= 1)
        let held = try await harness.client.showGrants(warehouseID: "a1b2c3d4e5f60718", on: .connection, name: "neo4j_mcp")
        #expect(held["workshop-users"] == ["USE CONNECTION"])
    }

    @Test func aConflictIsReadBackThroughStaleReads() async throws {
        let harness = try SandboxHarness { $0.staleReadsMilliseconds = 60_000 }
        let client = harness.client
        let first = try await client.createUser(userName: "stale@example.com", displayName: nil)
        let second = try await client.createUser(userName: "stale@example.com", displayName: nil)
        guard case .alreadyExisted(let existing) = second else { Issue.record("\(second)"); return }
        #expect(existing.id == first.value.id)
        // The first read-back came too soon after the write and missed the user; a later one found it.
        #expect(harness.sandbox.stats().count("GET /api/2.0/preview/scim/v2/Users") >= 2)
    }
}

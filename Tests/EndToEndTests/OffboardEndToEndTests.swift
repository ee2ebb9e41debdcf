import Foundation
import Testing

/// `rollcall offboard` against an in-process sandbox: what is removed, what is never touched, and
/// how many requests it takes.
@Suite(.serialized) struct OffboardEndToEndTests {
    static let admin = "workshop-admin@example.com"

    @Test func offboardRemovesRosterUsersAndMembershipsButKeepsAdminsOutsidersAndLockdown() async throws {
        let workspace = try SandboxWorkspace { $0.accountGroups = ["team-a"] }
        // A second workspace admin and an outsider in a roster group, both arranged beforehand.
        let adminsID = try #require(try await workspace.fixture.group("admins")).id
        let otherAdminID = try await workspace.createUser("second-admin@example.org")
        try await workspace.addMember(otherAdminID, toGroup: adminsID)
        let roster = workspace.directory
        try roster.write(
            "roster.csv",
            makeRoster(
                count: 30, groups: ["workshop-users", "team-a"],
                extra: ["\(Self.admin),Admin,team-a", "second-admin@example.org,Other Admin,team-a"]))
        #expect(try workspace.run(["import", "roster.csv", "--results", "import.csv", "--quiet"]).exitCode == 0)
        let outsiderID = try await workspace.createUser("outsider@example.org")
        let teamA = try #require(try await workspace.fixture.group("team-a"))
        try await workspace.addMember(outsiderID, toGroup: teamA.id)

        workspace.sandbox.resetStats()
        let result = try workspace.run(["offboard", "roster.csv", "--results", "offboard.csv"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let stats = workspace.sandbox.stats()

        // 30 users deleted with one PATCH per group, a few reads, nothing else.
        #expect(stats.count("DELETE /api/2.0/preview/scim/v2/Users/{id}") == 30)
        #expect(stats.count("PATCH /api/2.0/preview/scim/v2/Groups/{id}") == 2)
        #expect(stats.writes == 32)
        #expect(stats.reads <= 4, "\(stats.byRoute)")

        let users = try await workspace.userNames()
        #expect(users.isDisjoint(with: (0..<30).map { "p\($0)@example.org" }))
        #expect(users.isSuperset(of: [Self.admin, "second-admin@example.org", "outsider@example.org"]))
        let teamAAfter = try #require(try await workspace.fixture.group("team-a"))
        #expect(teamAAfter.members.contains(outsiderID))
        #expect(teamAAfter.members.contains(otherAdminID))
        #expect(try #require(try await workspace.fixture.group("workshop-users")).members.isEmpty)
        #expect(try #require(try await workspace.fixture.group("admins")).members.contains(otherAdminID))
        // The lockdown stays, and the run says how to undo it without printing the token.
        let usersGroup = try #require(try await workspace.fixture.group("users"))
        #expect(usersGroup.entitlements.isDisjoint(with: ["allow-cluster-create", "allow-instance-pool-create"]))
        #expect(result.stdout.contains("offboard does not restore it"))
        #expect(result.stdout.contains(
            "curl -X PATCH '\(workspace.url.absoluteString)/api/2.0/preview/scim/v2/Groups/\(usersGroup.id)'"))
        #expect(result.stdout.contains("{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"allow-cluster-create\"}"))
        #expect(!(result.stdout + result.stderr).contains(workspace.token))

        let results = try ResultsFile(path: workspace.path("offboard.csv"))
        #expect(results.header == ["line", "email", "group", "user_id", "membership", "user", "status", "error"])
        #expect(results.rows.count == 32)
        #expect(results.emails { $0["status"] == "ok" && $0["user"] == "removed" && $0["membership"] == "removed" }.count == 30)
        let kept = results.rows.filter { $0["status"] == "skipped" }
        #expect(Set(kept.compactMap { $0["email"] }) == [Self.admin, "second-admin@example.org"])
        #expect(kept.allSatisfy { $0["user"] == "skipped" && $0["membership"] == "skipped" && !($0["error"] ?? "").isEmpty })

        // The same offboard again changes nothing and sends no write at all.
        workspace.sandbox.resetStats()
        let again = try workspace.run(["offboard", "roster.csv", "--results", "again.csv"])
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(workspace.sandbox.stats().mutations == 0)
        #expect(workspace.sandbox.stats().writes == 0)
        let second = try ResultsFile(path: workspace.path("again.csv"))
        #expect(second.emails { $0["user"] == "absent" && $0["status"] == "ok" }.count == 30)
    }

    @Test func includeAdminsRemovesOtherAdminsButNeverTheRunningIdentity() async throws {
        let workspace = try SandboxWorkspace()
        let adminsID = try #require(try await workspace.fixture.group("admins")).id
        try await workspace.addMember(try await workspace.createUser("second-admin@example.org"), toGroup: adminsID)
        try workspace.directory.write(
            "roster.csv", "email,group\r\n\(Self.admin),workshop-users\r\nsecond-admin@example.org,workshop-users\r\n")
        let result = try workspace.run(["offboard", "roster.csv", "--include-admins", "--results", "out.csv"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let users = try await workspace.userNames()
        #expect(users.contains(Self.admin))
        #expect(!users.contains("second-admin@example.org"))
        let results = try ResultsFile(path: workspace.path("out.csv"))
        #expect(results.rows.first { $0["email"] == Self.admin }?["error"]?.contains("identity running Rollcall") == true)
    }

    /// Grants revoked with `REVOKE` statements (`sql`) or the REST API's `remove` (`rest`).
    @Test(arguments: ["sql", "rest"])
    func deleteGroupsRemovesTheGroupsACLEntriesGrantsAndLocalGroups(grantsVia: String) async throws {
        let workspace = try SandboxWorkspace { $0.accountGroups = ["team-a"] }
        try workspace.directory.write("roster.csv", makeRoster(count: 6, groups: ["workshop-users", "team-a", "team-local"]))
        try workspace.directory.write("workshop.json", #"{"unityCatalog": {"grantsVia": "\#(grantsVia)"}}"#)
        let workshop = ["--workshop", "workshop.json"]
        // team-local is workspace-local, so its grants fail on import (exit 1); its ACL entries land.
        #expect(try workspace.run(["import", "roster.csv", "--results", "import.csv", "--quiet"] + workshop).exitCode == 1)
        // Someone else's group on the cluster: the PUT must carry it back.
        _ = try await workspace.fixture.send("POST", "api/2.0/preview/scim/v2/Groups", body: ["displayName": "others"])
        _ = try await workspace.fixture.send(
            "PATCH", "api/2.0/permissions/clusters/1204-093000-w0rksh0p",
            body: ["access_control_list": [["group_name": "others", "permission_level": "CAN_RESTART"]]])
        let roster: Set = ["workshop-users", "team-a", "team-local"]
        #expect(!(try await workspace.aclPrincipals().values.reduce(Set()) { $0.union($1) }).isDisjoint(with: roster))
        #expect(try await workspace.grantees()["catalog/aws-databricks-neo4j-lab"]?.contains("team-a") == true)

        let dryRun = try workspace.run(["offboard", "roster.csv", "--delete-groups", "--dry-run"] + workshop)
        #expect(dryRun.exitCode == 0)
        #expect(dryRun.stdout.contains("delete group 'team-local'"))
        #expect(try await workspace.fixture.group("team-local") != nil)

        let result = try workspace.run(["offboard", "roster.csv", "--delete-groups", "--results", "offboard.csv"] + workshop)
        #expect(result.exitCode == 0, "\(result.stdout)\n\(result.stderr)")
        let acls = try await workspace.aclPrincipals()
        #expect(acls.values.allSatisfy { $0.isDisjoint(with: roster) }, "\(acls)")
        #expect(acls["clusters/1204-093000-w0rksh0p"] == [Self.admin, "others"])
        let grantees = try await workspace.grantees()
        #expect(grantees.values.allSatisfy { $0.isDisjoint(with: roster) }, "\(grantees)")
        #expect(grantees["catalog/aws-databricks-neo4j-lab"] == [Self.admin])
        #expect(try await workspace.fixture.group("team-local") == nil)
        #expect(try await workspace.fixture.group("others") != nil)
        // Account groups stay (no account is configured), and the summary says why.
        #expect(try await workspace.fixture.group("team-a") != nil)
        #expect(result.stdout.contains("group kept   'team-a': account group (configure an account to delete it)"))
        #expect(result.stdout.contains("groups       deleted 'team-local'"))

        workspace.sandbox.resetStats()
        let again = try workspace.run(["offboard", "roster.csv", "--delete-groups", "--results", "again.csv"] + workshop)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(workspace.sandbox.stats().mutations == 0, "\(workspace.sandbox.stats().byRoute)")
    }

    @Test func dryRunPrintsThePlanAndChangesNothing() async throws {
        let workspace = try SandboxWorkspace()
        try workspace.directory.write("roster.csv", makeRoster(count: 4, groups: ["workshop-users"]))
        #expect(try workspace.run(["import", "roster.csv", "--results", "import.csv", "--quiet"]).exitCode == 0)
        workspace.sandbox.resetStats()
        let result = try workspace.run(["offboard", "roster.csv", "--dry-run"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("remove 4 member(s) from group 'workshop-users' (1 request)"))
        #expect(result.stdout.contains("delete 4 user(s)"))
        #expect(result.stdout.contains("dry run: nothing was changed"))
        #expect(workspace.sandbox.stats().writes == 0)
        #expect(try await workspace.userNames().isSuperset(of: (0..<4).map { "p\($0)@example.org" }))
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.directory.url.path)
        #expect(!files.contains { $0.hasPrefix("results-") })
    }
}

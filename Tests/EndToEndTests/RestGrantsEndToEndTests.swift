import Foundation
import Testing
import WorkspaceSandbox

/// Issue 5, `grantsVia: rest`: one GET and at most one PATCH per securable for every roster group,
/// no warehouse, and a re-run that sends nothing but GETs.
struct RestGrantsEndToEndTests {
    static let patchRoute = "PATCH /api/2.1/unity-catalog/permissions/{securable_type}/{full_name}"
    static let getRoute = "GET /api/2.1/unity-catalog/permissions/{securable_type}/{full_name}"

    @Test func oneRequestPerSecurableThenAReRunWithZeroWrites() async throws {
        let sandbox = try SandboxFixture { $0.accountGroups = ["instructors", "mentors"] }
        let scenario = try ImportScenario(
            groups: [("workshop-users", 3), ("instructors", 2), ("mentors", 2)], warehouse: false)
        defer { scenario.directory.remove() }
        let environment = sandbox.environment(home: scenario.home)

        let first = try RollcallProcess.run(scenario.importArguments(), environment: environment, timeout: 120)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let afterFirst = sandbox.sandbox.stats()
        #expect(afterFirst.count(Self.patchRoute) == 2)
        #expect(afterFirst.count(Self.getRoute) == 2)
        #expect(afterFirst.count("POST /api/2.0/sql/statements") == 0)
        for group in ["workshop-users", "instructors", "mentors"] {
            #expect(try await sandbox.grants("catalog", SeedState.catalogName)[group] == ["USE_CATALOG", "BROWSE"])
            #expect(try await sandbox.grants("connection", SeedState.connectionName)[group] == ["USE_CONNECTION"])
        }

        let before = sandbox.sandbox.stats()
        let second = try RollcallProcess.run(scenario.importArguments(), environment: environment, timeout: 120)
        let after = sandbox.sandbox.stats()
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(after.mutations == before.mutations)
        #expect(after.writes == before.writes, "a re-run sends only GETs")
        #expect(after.count(Self.getRoute) - before.count(Self.getRoute) == 2)
        #expect(second.stdout.contains("0 granted, 7 unchanged"))
    }

    @Test func sqlStillGrantsThroughTheWarehouse() async throws {
        let sandbox = try SandboxFixture { $0.accountGroups = ["instructors"] }
        let scenario = try ImportScenario(groups: [("workshop-users", 1), ("instructors", 1)], grantsVia: "sql")
        defer { scenario.directory.remove() }
        let result = try RollcallProcess.run(
            scenario.importArguments(), environment: sandbox.environment(home: scenario.home, extra: ["ROLLCALL_SQL_WAIT_TIMEOUT": "5"]),
            timeout: 120)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(sandbox.sandbox.stats().count(Self.patchRoute) == 0)
        #expect(try await sandbox.grants("catalog", SeedState.catalogName)["instructors"] == ["USE_CATALOG", "BROWSE"])
    }
}

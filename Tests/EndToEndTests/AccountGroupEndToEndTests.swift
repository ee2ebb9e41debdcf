import Foundation
import Testing
import WorkspaceSandbox

/// Issue 5, identity: with an account configured, a roster group the workspace lacks becomes an
/// account group assigned to the workspace, and Unity Catalog grants reach it. Without one, the
/// organizer hears before and after the run that its grants cannot work, and how to fix that.
struct AccountGroupEndToEndTests {
    /// The service principal and account of `sandbox`, through the environment.
    static func oauthAccountEnvironment(_ sandbox: SandboxFixture) -> [String: String] {
        [
            "DATABRICKS_HOST": sandbox.url.absoluteString,
            "DATABRICKS_CLIENT_ID": sandbox.configuration.clientID ?? "",
            "DATABRICKS_CLIENT_SECRET": sandbox.configuration.clientSecret ?? "",
            "DATABRICKS_ACCOUNT_ID": sandbox.configuration.accountID,
        ]
    }

    static let ucRoute = "PATCH /api/2.1/unity-catalog/permissions/{securable_type}/{full_name}"

    @Test func oauthProfileWithAccountMakesANewGroupAnAccountGroupWithItsGrants() async throws {
        let sandbox = try SandboxFixture.withOAuth()
        let scenario = try ImportScenario(groups: [("workshop-users", 2), ("instructors", 2)])
        defer { scenario.directory.remove() }
        let secret = sandbox.configuration.clientSecret ?? ""
        try scenario.writeConfig(
            """
            [DEFAULT]
            host = https://unused.cloud.databricks.com
            token = dapi-default-profile-token-not-used

            # the workshop's service principal
            [workshop]
            host = \(sandbox.url.absoluteString)
            client_id = \(sandbox.configuration.clientID ?? "")
            client_secret = \(secret)
            account_id = \(sandbox.configuration.accountID)
            """)
        let environment = scenario.environment(["DATABRICKS_CONFIG_FILE": scenario.configFile])

        let result = try RollcallProcess.run(
            scenario.importArguments(["--profile", "workshop"]), environment: environment, timeout: 120)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("create group 'instructors' at the account level"))
        #expect(!result.stderr.contains("workspace-local"))

        let group = try #require(try await sandbox.group("instructors"))
        #expect(group.type == "Group")
        #expect(group.members.count == 2)
        #expect(group.entitlements == ["workspace-access", "databricks-sql-access"])
        #expect(try await sandbox.assignments()[group.id] == ["USER"])
        let catalog = try await sandbox.grants("catalog", SeedState.catalogName)
        #expect(catalog["instructors"] == ["USE_CATALOG", "BROWSE"])
        #expect(catalog["workshop-users"] == ["USE_CATALOG", "BROWSE"])
        #expect(try await sandbox.grants("connection", SeedState.connectionName)["instructors"] == ["USE_CONNECTION"])

        let stats = sandbox.sandbox.stats()
        #expect(stats.count("POST /api/2.0/accounts/{account_id}/scim/v2/Groups") == 1)
        #expect(stats.count("POST /api/2.0/preview/scim/v2/Groups") == 0)
        #expect(stats.count(Self.ucRoute) == 2)  // one PATCH per securable for both groups
        for text in [result.stdout, result.stderr, scenario.results] {
            #expect(!text.contains(secret))
            #expect(!text.contains("eyJ"))
        }
        #expect(scenario.results.components(separatedBy: ",failed,").count == 1)
    }

    @Test func tokensExpiringMidRunAreRefreshedWithoutFailingARow() async throws {
        let sandbox = try SandboxFixture.withOAuth { configuration in
            configuration.oauthTTLSeconds = 2
            configuration.latencyMilliseconds = 50
        }
        let scenario = try ImportScenario(groups: [("workshop-users", 40), ("mentors", 20)])
        defer { scenario.directory.remove() }
        let environment = scenario.environment(Self.oauthAccountEnvironment(sandbox))
        let started = Date()
        // SCIM writes are not paced before a throttle, so a global cap keeps the run long enough.
        let result = try RollcallProcess.run(
            scenario.importArguments(["--concurrency", "4", "--rate-limit", "8", "--quiet"]), environment: environment,
            timeout: 180)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(elapsed > 6, "the run must outlast several 2 s tokens (took \(elapsed) s)")
        #expect(result.stdout.contains("60 ok, 0 failed"))
        let stats = sandbox.sandbox.stats()
        #expect(stats.count("POST /oidc/v1/token") >= 3)
        #expect(stats.count("POST /oidc/accounts/{account_id}/v1/token") >= 1)
        #expect(try await sandbox.group("mentors")?.type == "Group")
    }

    @Test func withoutAnAccountTheLocalGroupIsWarnedBeforeAndExplainedPerRowAfter() async throws {
        let sandbox = try SandboxFixture()
        let scenario = try ImportScenario(groups: [("workshop-users", 1), ("instructors", 2)])
        defer { scenario.directory.remove() }
        let environment = sandbox.environment(home: scenario.home)

        let validate = try RollcallProcess.run(
            ["validate", scenario.roster, "--workshop", scenario.workshop], environment: environment)
        #expect(validate.exitCode == 0)
        #expect(validate.stderr.contains("roster.csv:3: warning: group 'instructors' needs Unity Catalog grants"))
        #expect(validate.stderr.contains("will be created workspace-local"))
        #expect(!validate.stderr.contains("'workshop-users'"))

        let dryRun = try RollcallProcess.run(scenario.importArguments(["--dry-run"]), environment: environment)
        #expect(dryRun.exitCode == 0)
        #expect(dryRun.stdout.contains("create group 'instructors' (workspace-local)"))
        #expect(dryRun.stdout.contains(
            "warning: group 'instructors' does not exist and would be created as a workspace-local group"))
        #expect(sandbox.sandbox.stats().mutations == 0)

        let run = try RollcallProcess.run(scenario.importArguments(), environment: environment, timeout: 120)
        #expect(run.exitCode == 1)
        let rows = scenario.results.components(separatedBy: "\r\n").filter { $0.contains("@example.org") }
        #expect(rows.count == 3)
        for row in rows where row.contains("instructors-") {
            #expect(row.contains("Could not find principal with name instructors"))
            #expect(row.contains("Fix: create 'instructors' as an account group and assign it to this workspace"))
        }
        let usersRow = try #require(rows.first { $0.contains("workshop-users-1") })
        #expect(!usersRow.contains("failed"))
        #expect(try await sandbox.group("instructors")?.type == "WorkspaceGroup")
        #expect(try await sandbox.grants("catalog", SeedState.catalogName)["workshop-users"] == ["USE_CATALOG", "BROWSE"])
    }

    @Test func aLocalGroupAndAnUnassignedAccountGroupOfOneNameAreReportedNotGuessed() async throws {
        let sandbox = try SandboxFixture.withOAuth()
        _ = try await sandbox.send("POST", "api/2.0/preview/scim/v2/Groups", body: [
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "twins",
        ])
        let accountTwin = try await sandbox.account("POST", "scim/v2/Groups", body: [
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "twins",
        ])
        let accountTwinID = try #require(accountTwin["id"] as? String)
        let scenario = try ImportScenario(groups: [("twins", 2)])
        defer { scenario.directory.remove() }
        let environment = scenario.environment(Self.oauthAccountEnvironment(sandbox))
        let run = try RollcallProcess.run(scenario.importArguments(), environment: environment, timeout: 120)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("group 'twins' exists both as a workspace-local group and as an account group"))
        #expect(scenario.results.contains("Fix: delete or rename the workspace-local 'twins'"))
        #expect(try await sandbox.group("twins")?.type == "WorkspaceGroup")
        #expect(try await sandbox.assignments()[accountTwinID] == nil, "the account group is not assigned behind the organizer's back")
        #expect(sandbox.sandbox.stats().count("PUT /api/2.0/accounts/{account_id}/workspaces/{workspace_id}/permissionassignments/principals/{principal_id}") == 0)
    }
}

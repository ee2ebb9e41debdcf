import Foundation
import Testing
import WorkspaceSandbox

/// Issue 5, authentication: every credential source in the SDKs' order, profiles, OAuth M2M,
/// non-admins and `rollcall auth check`, on the built binary against a sandbox.
struct CredentialsEndToEndTests {
    /// A directory with an empty home, a config file path and a working directory for `.env`.
    struct Machine {
        let scenario: ImportScenario
        var work: URL { scenario.directory.url }

        init() throws { scenario = try ImportScenario(groups: [("workshop-users", 1)]) }

        func dotEnv(_ text: String) throws { try scenario.directory.write(".env", text) }

        func authCheck(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> RollcallProcess.Result {
            try RollcallProcess.run(
                ["auth", "check"] + arguments,
                environment: scenario.environment(["DATABRICKS_CONFIG_FILE": scenario.configFile].merging(environment) { _, new in new }),
                currentDirectory: work)
        }
    }

    @Test func eachSourceInTheSDKOrder() throws {
        let sandbox = try SandboxFixture()
        let machine = try Machine()
        defer { machine.scenario.directory.remove() }
        let host = sandbox.url.absoluteString
        let cfg = machine.scenario.configFile

        // 4. ~/.databrickscfg: [DEFAULT] when nothing else is set.
        try machine.scenario.writeConfig("[DEFAULT]\nhost = \(host)\ntoken = \(sandbox.token)\n\n[broken]\nhost = \(host)\ntoken = dapi-wrong\n")
        var result = try machine.authCheck()
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("workspace:      \(host) (from host in [DEFAULT] of \(cfg))"))
        #expect(result.stdout.contains("auth:           personal access token (pat) from token in [DEFAULT] of \(cfg)"))
        #expect(result.stdout.contains("identity:       \(SeedState.adminUserName)"))
        #expect(result.stdout.contains("admin:          yes"))
        #expect(result.stdout.contains("workspace id:   \(sandbox.configuration.workspaceID)"))

        // 3. .env beats the profile (its token is the right one, the profile's would be refused).
        try machine.scenario.writeConfig("[DEFAULT]\nhost = \(host)\ntoken = dapi-wrong-but-unused\n")
        try machine.dotEnv("DATABRICKS_TOKEN=\(sandbox.token)\n")
        result = try machine.authCheck()
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("from DATABRICKS_TOKEN in \(machine.work.path)/.env:1"))

        // 2. The environment beats .env.
        try machine.dotEnv("DATABRICKS_TOKEN=dapi-wrong-in-dotenv\n")
        result = try machine.authCheck(environment: ["DATABRICKS_TOKEN": sandbox.token])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("from environment variable DATABRICKS_TOKEN"))

        // A wrong token is exit 3 and the token is never printed.
        result = try machine.authCheck()
        #expect(result.exitCode == 3)
        #expect(!(result.stdout + result.stderr).contains("dapi-wrong-in-dotenv"))

        // 1. A flag beats the other sources (.env names another host here).
        try machine.dotEnv("DATABRICKS_HOST=https://nowhere.cloud.databricks.com\n")
        result = try machine.authCheck(["--host", host], environment: ["DATABRICKS_TOKEN": sandbox.token])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(from --host)"))

        // A token found next to another host is refused rather than sent elsewhere.
        result = try machine.authCheck(
            ["--host", host], environment: ["DATABRICKS_TOKEN": sandbox.token, "DATABRICKS_HOST": "https://nowhere.cloud.databricks.com"])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("belong to nowhere.cloud.databricks.com"))
    }

    @Test func profileChoiceFlagThenEnvironmentThenDefaultProfileThenDEFAULT() throws {
        let sandbox = try SandboxFixture()
        let machine = try Machine()
        defer { machine.scenario.directory.remove() }
        let host = sandbox.url.absoluteString
        func section(_ name: String, good: Bool) -> String {
            "[\(name)]\nhost = \(host)\ntoken = \(good ? sandbox.token : "dapi-wrong-\(name)")\n"
        }
        try machine.scenario.writeConfig(
            "[__settings__]\ndefault_profile = chosen\n\n" + section("DEFAULT", good: false) + section("chosen", good: true)
                + section("env", good: true) + section("flag", good: true))
        var result = try machine.authCheck()
        #expect(result.stdout.contains("profile:        chosen"), "\(result.stdout)")
        #expect(result.exitCode == 0)
        result = try machine.authCheck(environment: ["DATABRICKS_CONFIG_PROFILE": "env"])
        #expect(result.stdout.contains("profile:        env"))
        result = try machine.authCheck(["--profile", "flag"], environment: ["DATABRICKS_CONFIG_PROFILE": "env"])
        #expect(result.stdout.contains("profile:        flag"))
        #expect(result.exitCode == 0)
        try machine.scenario.writeConfig(section("DEFAULT", good: true) + section("other", good: false))
        result = try machine.authCheck()
        #expect(result.stdout.contains("profile:        DEFAULT"))
        #expect(result.exitCode == 0)
    }

    @Test func aMissingProfileIsExit3ListingTheProfilesThatExist() throws {
        let machine = try Machine()
        defer { machine.scenario.directory.remove() }
        try machine.scenario.writeConfig("[DEFAULT]\nhost = https://a.cloud.databricks.com\ntoken = t0000\n[staging]\nhost = https://b.cloud.databricks.com\n")
        for run in [
            try machine.authCheck(["--profile", "prod"]),
            try RollcallProcess.run(
                machine.scenario.importArguments(["--profile", "prod"]),
                environment: machine.scenario.environment(["DATABRICKS_CONFIG_FILE": machine.scenario.configFile])),
        ] {
            #expect(run.exitCode == 3)
            #expect(run.stderr.contains("profile 'prod' (from --profile) is not in \(machine.scenario.configFile)"))
            #expect(run.stderr.contains("profiles found: DEFAULT, staging"))
        }
    }

    @Test func aNonAdminIsToldBeforeAnythingChanges() throws {
        let sandbox = try SandboxFixture { $0.memberToken = "dapi-member-token-0000000000" }
        let machine = try Machine()
        defer { machine.scenario.directory.remove() }
        let environment = ["DATABRICKS_HOST": sandbox.url.absoluteString, "DATABRICKS_TOKEN": "dapi-member-token-0000000000"]
        let check = try machine.authCheck(environment: environment)
        #expect(check.exitCode == 3)
        #expect(check.stdout.contains("identity:       \(SeedState.memberUserName)"))
        #expect(check.stdout.contains("admin:          no"))

        let run = try RollcallProcess.run(
            machine.scenario.importArguments(), environment: machine.scenario.environment(environment))
        #expect(run.exitCode == 3)
        #expect(run.stderr.contains("\(SeedState.memberUserName) is not a workspace admin"))
        #expect(sandbox.sandbox.stats().mutations == 0)
        #expect(!(run.stdout + run.stderr + check.stdout + check.stderr).contains("dapi-member-token"))
    }

    @Test func authCheckWithOAuthAndAccount() throws {
        let sandbox = try SandboxFixture.withOAuth()
        let machine = try Machine()
        defer { machine.scenario.directory.remove() }
        let secret = sandbox.configuration.clientSecret ?? ""
        try machine.scenario.writeConfig(
            """
            [sp]
            host=\(sandbox.url.absoluteString)
            client_id = \(sandbox.configuration.clientID ?? "")
            client_secret = \(secret)
            account_id = \(sandbox.configuration.accountID)
            """)
        var result = try machine.authCheck(["--profile", "sp"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("auth:           OAuth machine-to-machine (oauth-m2m), client_id e2e-client"))
        #expect(result.stdout.contains("identity:       e2e-client"))
        #expect(result.stdout.contains("account:        \(sandbox.configuration.accountID) (from account_id in [sp]"))
        #expect(result.stdout.contains("account access: ok (1 account group)"))
        #expect(!(result.stdout + result.stderr).contains(secret))

        // A personal access token cannot reach the account: exit 3, and why.
        result = try machine.authCheck(
            [], environment: [
                "DATABRICKS_HOST": sandbox.url.absoluteString, "DATABRICKS_TOKEN": sandbox.token,
                "DATABRICKS_ACCOUNT_ID": sandbox.configuration.accountID,
            ])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("account APIs do not accept personal access tokens"))

        // A wrong secret: exit 3, and the secret is not printed.
        result = try machine.authCheck(
            [], environment: [
                "DATABRICKS_HOST": sandbox.url.absoluteString, "DATABRICKS_CLIENT_ID": "e2e-client",
                "DATABRICKS_CLIENT_SECRET": "wrong-secret-value",
            ])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("invalid_client"))
        #expect(!(result.stdout + result.stderr).contains("wrong-secret-value"))
    }
}

import Foundation
import Testing

@testable import RollcallKit

/// Profiles, OAuth clients and accounts as the Databricks SDKs resolve them.
struct ProfileResolutionTests {
    static let config = """
        ; a comment
        # another
        [__settings__]
        default_profile = team

        [DEFAULT]
        host = https://default.cloud.databricks.com
        token = default-token

        [team]
          host   =   https://team.cloud.databricks.com
        client_id = team-client
        client_secret = team-secret
        account_id = acc-1

        [azure]
        host = https://adb-1.2.azuredatabricks.net
        token = azure-token
        account_id = acc-2
        """

    func fixture() throws -> CredentialFixture {
        let fixture = try CredentialFixture()
        try fixture.write(fixture.home + "/.databrickscfg", Self.config)
        return fixture
    }

    @Test func defaultProfileSettingWinsOverDEFAULT() throws {
        let fixture = try fixture()
        let credentials = try CredentialResolver.resolve(fixture.inputs())
        #expect(credentials.profile == "team")
        #expect(credentials.host.name == "team.cloud.databricks.com")
        guard case .oauthM2M(let client) = credentials.method else {
            Issue.record("expected OAuth M2M, got \(credentials.method.authType)")
            return
        }
        #expect(client.clientID == "team-client")
        #expect(client.secret.secret == "team-secret")
        #expect(client.secretSource == .configFile(path: fixture.home + "/.databrickscfg", profile: "team", key: "client_secret"))
        #expect(credentials.account?.accountID == "acc-1")
        #expect(credentials.account?.host.url.absoluteString == "https://accounts.cloud.databricks.com")
    }

    @Test func profileFlagBeatsEnvironmentProfileBeatsDefaultProfile() throws {
        let fixture = try fixture()
        var inputs = fixture.inputs(environment: ["DATABRICKS_CONFIG_PROFILE": "DEFAULT"])
        #expect(try CredentialResolver.resolve(inputs).profile == "DEFAULT")
        inputs.profileFlag = "azure"
        let credentials = try CredentialResolver.resolve(inputs)
        #expect(credentials.profile == "azure")
        #expect(credentials.method.authType == "pat")
        #expect(credentials.account?.host.url.absoluteString == "https://accounts.azuredatabricks.net")
    }

    @Test func missingNamedProfileListsTheProfilesThatExist() throws {
        let fixture = try fixture()
        var inputs = fixture.inputs()
        inputs.profileFlag = "nope"
        do {
            _ = try CredentialResolver.resolve(inputs)
            Issue.record("a missing profile must be an error")
        } catch {
            #expect(error.description.contains("profile 'nope' (from --profile)"))
            #expect(error.description.contains("profiles found: DEFAULT, team, azure"))
            #expect(!error.description.contains("__settings__"))
        }
    }

    @Test func environmentClientBeatsProfileTokenAndAccountFlagBeatsAll() throws {
        let fixture = try fixture()
        var inputs = fixture.inputs(environment: [
            "DATABRICKS_CONFIG_PROFILE": "azure", "DATABRICKS_CLIENT_ID": "env-client",
            "DATABRICKS_CLIENT_SECRET": "env-secret", "DATABRICKS_ACCOUNT_ID": "env-acc",
        ])
        inputs.accountIDFlag = "flag-acc"
        let credentials = try CredentialResolver.resolve(inputs)
        #expect(credentials.method.authType == "oauth-m2m")
        #expect(credentials.account?.accountID == "flag-acc")
        #expect(credentials.account?.accountIDSource == .flag("--account-id"))
    }

    @Test func accountHostIsDerivedOrSetOrRequired() throws {
        #expect(AccountHost.derive(from: try WorkspaceHost("https://x.gcp.databricks.com"))?.name == "accounts.gcp.databricks.com")
        #expect(AccountHost.derive(from: try WorkspaceHost("http://127.0.0.1:9"))?.url.absoluteString == "http://127.0.0.1:9")
        #expect(AccountHost.derive(from: try WorkspaceHost("https://intranet.example")) == nil)
        let fixture = try CredentialFixture()
        let base = ["DATABRICKS_HOST": "https://intranet.example", "DATABRICKS_TOKEN": "t0000", "DATABRICKS_ACCOUNT_ID": "a"]
        #expect(throws: CredentialsError.unknownAccountHost(workspaceHost: "intranet.example")) {
            try CredentialResolver.resolve(fixture.inputs(environment: base))
        }
        var withHost = base
        withHost["DATABRICKS_ACCOUNT_HOST"] = "https://accounts.intranet.example"
        #expect(try CredentialResolver.resolve(fixture.inputs(environment: withHost)).account?.host.name == "accounts.intranet.example")
    }

    @Test func halfAnOAuthClientSaysWhatIsMissing() throws {
        let fixture = try CredentialFixture()
        #expect(throws: CredentialsError.incompleteOAuthClient(host: "h.example", missing: "client_secret")) {
            try CredentialResolver.resolve(fixture.inputs(host: "h.example", environment: ["DATABRICKS_CLIENT_ID": "c"]))
        }
    }
}

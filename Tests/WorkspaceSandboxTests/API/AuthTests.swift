import Foundation
import Testing
@testable import WorkspaceSandbox

struct AuthTests {
    @Test func missingTokenIs401WithoutBasicChallenge() {
        var client = APITestClient()
        client.token = nil
        let response = client.get("\(Paths.scim)/Me")
        #expect(response.status == 401)
        #expect(response.string["error_code"] == "UNAUTHENTICATED")
        #expect(response.header("WWW-Authenticate") == nil)
        #expect(!response.mutated)
    }

    @Test func wrongTokenIs403InvalidAccessToken() {
        var client = APITestClient()
        client.token = "dapi-wrong"
        let response = client.get("/api/2.0/clusters/list")
        #expect(response.status == 403)
        #expect(response.string == ["error_code": "PERMISSION_DENIED", "message": "Invalid access token."])
    }

    @Test func workspaceTokenIsRefusedByAccountAPIs() {
        let response = APITestClient().get("\(Paths.account)/scim/v2/Users")
        #expect(response.status == 401)
        #expect(response.header("X-Databricks-Org-Id") == nil)
    }

    @Test func discoveryDocuments() {
        let client = APITestClient(OAuthTestSupport.configure)
        let config = client.call("GET", "/.well-known/databricks-config", headers: ["authorization": ""])
        #expect(config.string["oidc_endpoint"] == "http://127.0.0.1:8080/oidc")
        #expect(config.string["workspace_id"] == "1234567890123456")
        #expect(config.string["account_id"] == SandboxConfiguration().accountID)
        let server = client.get("/oidc/.well-known/oauth-authorization-server")
        #expect(server.string["token_endpoint"] == "http://127.0.0.1:8080/oidc/v1/token")
        let account = client.get("/oidc/accounts/\(SandboxConfiguration().accountID)/.well-known/oauth-authorization-server")
        #expect(account.string["token_endpoint"] == "http://127.0.0.1:8080\(OAuthTestSupport.accountTokenPath)")
    }

    @Test func workspaceTokenFlow() {
        var client = APITestClient(OAuthTestSupport.configure)
        let token = OAuthTestSupport.token(client, path: "/oidc/v1/token")
        #expect(token.status == 200)
        #expect(token.string["token_type"] == "Bearer")
        #expect(token["expires_in"] as? Int == 3600)
        #expect(token.string["scope"] == "all-apis")
        client.token = token.string["access_token"]
        let me = client.get("\(Paths.scim)/Me")
        #expect(me.status == 200)
        #expect(me.string["userName"] == OAuthTestSupport.clientID)
        let principals = client.get("\(Paths.scim)/ServicePrincipals")
        #expect(principals.resourceValues("applicationId") == [OAuthTestSupport.clientID])
        #expect(client.get("\(Paths.account)/scim/v2/Users").status == 401)
    }

    @Test func servicePrincipalIsAWorkspaceAdmin() {
        let client = APITestClient(OAuthTestSupport.configure)
        let principal = client.get("\(Paths.scim)/ServicePrincipals/\(SeedState.servicePrincipalID)")
        #expect(principal.string["applicationId"] == OAuthTestSupport.clientID)
        #expect((principal["groups"] as? [[String: Any]])?.first?["display"] as? String == "admins")
        #expect(client.get("\(Paths.scim)/ServicePrincipals/1").status == 404)
        let acl = client.patch("/api/2.0/permissions/clusters/\(SeedState.clusterID)", [
            "access_control_list": [["service_principal_name": OAuthTestSupport.clientID, "permission_level": "CAN_MANAGE"]],
        ])
        #expect(acl.status == 200)
    }

    @Test func badClientCredentialsAndGrants() {
        let client = APITestClient(OAuthTestSupport.configure)
        let wrong = OAuthTestSupport.token(client, path: "/oidc/v1/token", authorization: OAuthTestSupport.basic("x", "y"))
        #expect(wrong.status == 401)
        #expect(wrong.string["error"] == "invalid_client")
        let grant = OAuthTestSupport.token(client, path: "/oidc/v1/token", form: "grant_type=password&scope=all-apis")
        #expect(grant.status == 400)
        #expect(grant.string["error"] == "unsupported_grant_type")
        let unconfigured = OAuthTestSupport.token(APITestClient(), path: "/oidc/v1/token")
        #expect(unconfigured.status == 401)
    }

    @Test func accountTokensOnlyWorkOnAccountAPIs() {
        var client = APITestClient(OAuthTestSupport.configure)
        client.token = OAuthTestSupport.token(client, path: OAuthTestSupport.accountTokenPath).string["access_token"]
        #expect(client.get("\(Paths.account)/scim/v2/Users").status == 200)
        #expect(client.get("\(Paths.scim)/Me").status == 401)
    }

    @Test func tokensExpire() {
        var client = APITestClient {
            OAuthTestSupport.configure(&$0)
            $0.oauthTTLSeconds = 1
        }
        let token = OAuthTestSupport.token(client, path: "/oidc/v1/token")
        #expect(token["expires_in"] as? Int == 1)
        client.token = token.string["access_token"]
        #expect(client.get("\(Paths.scim)/Me").status == 200)
        Thread.sleep(forTimeInterval: 1.1)
        let expired = client.get("\(Paths.scim)/Me")
        #expect(expired.status == 401)
        #expect(expired.string["error_code"] == "UNAUTHENTICATED")
    }
}

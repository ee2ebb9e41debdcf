import Foundation

/// OAuth machine-to-machine (databricks-api.md §7): discovery documents and the client-credentials
/// token endpoints, one for the workspace and one for the account. Tokens are good for their
/// audience only and expire after `oauthTTLSeconds`.
extension WorkspaceEngine {
    private func baseURL(_ context: RequestContext) -> String {
        "http://\(context.request.headers["host"] ?? "127.0.0.1:\(configuration.port)")"
    }

    /// `GET /.well-known/databricks-config`: where the workspace's OIDC endpoints are, and its ids.
    func databricksConfig(_ context: RequestContext) -> Reply {
        .ok([
            "oidc_endpoint": "\(baseURL(context))/oidc",
            "workspace_id": String(configuration.workspaceID),
            "account_id": configuration.accountID,
        ])
    }

    func authorizationServer(_ context: RequestContext, _ audience: Audience) -> Reply {
        let issuer: String
        if audience == .account {
            guard context.param("account_id") == configuration.accountID else {
                return APIError.doesNotExist("Account \(context.param("account_id")) does not exist.")
            }
            issuer = "\(baseURL(context))/oidc/accounts/\(configuration.accountID)"
        } else {
            issuer = "\(baseURL(context))/oidc"
        }
        return .ok([
            "issuer": issuer,
            "authorization_endpoint": "\(issuer)/v1/authorize",
            "token_endpoint": "\(issuer)/v1/token",
            "jwks_uri": "\(issuer)/jwks.json",
            "grant_types_supported": ["client_credentials", "authorization_code", "refresh_token"],
            "response_types_supported": ["code", "id_token"],
            "scopes_supported": ["all-apis", "offline_access", "openid", "profile", "email"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        ])
    }

    /// Client-credentials grant, credentials by HTTP Basic (or in the form). The response carries
    /// the three fields the SDKs require: `access_token`, `token_type`, `expires_in` (§7).
    mutating func issueToken(_ context: RequestContext, _ audience: Audience) -> Reply {
        if audience == .account, context.param("account_id") != configuration.accountID {
            return APIError.oauth(400, "invalid_request", "Invalid account id")
        }
        let form = FormBody.fields(context.request.body)
        let credentials = FormBody.basicCredentials(context.request.headers["authorization"])
            ?? form["client_id"].map { ($0, form["client_secret"] ?? "") }
        guard let clientID = configuration.clientID, let secret = configuration.clientSecret,
              let credentials, credentials.id == clientID, credentials.secret == secret
        else {
            return APIError.oauth(401, "invalid_client", "Client authentication failed")
        }
        guard form["grant_type"] == "client_credentials" else {
            return APIError.oauth(400, "unsupported_grant_type",
                                  "Grant type \(form["grant_type"] ?? "") is not supported")
        }
        let scopes = (form["scope"] ?? "all-apis").split(separator: " ").map(String.init)
        guard scopes.contains("all-apis"), scopes.allSatisfy({ ["all-apis", "offline_access"].contains($0) }) else {
            return APIError.oauth(400, "invalid_scope", "Invalid scope \(form["scope"] ?? "")")
        }
        let token = "eyJzYW5kYm94IjoxfQ.\(random.hex(48))"
        let ttl = configuration.oauthTTLSeconds
        tokens.issue(token, TokenStore.Issued(
            audience: audience, servicePrincipalID: SeedState.servicePrincipalID,
            expiresAt: context.now.addingTimeInterval(TimeInterval(ttl))))
        return .ok(["access_token": token, "token_type": "Bearer", "expires_in": ttl, "scope": "all-apis"])
    }
}

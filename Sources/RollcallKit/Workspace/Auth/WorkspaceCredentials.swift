/// A workspace host, how to authenticate to it, and the account behind it, each value with the
/// setting it came from (so `auth check` and error messages can say what to fix).
public struct WorkspaceCredentials: Sendable, Hashable {
    public var host: WorkspaceHost
    public var hostSource: CredentialSource
    public var method: CredentialMethod
    /// Set when an account id is configured: account-level groups become possible.
    public var account: AccountSettings?
    /// The `~/.databrickscfg` profile that was read, if any.
    public var profile: String?

    public init(
        host: WorkspaceHost, hostSource: CredentialSource, method: CredentialMethod, account: AccountSettings? = nil,
        profile: String? = nil
    ) {
        self.host = host
        self.hostSource = hostSource
        self.method = method
        self.account = account
        self.profile = profile
    }

    /// Credentials with a personal access token.
    public init(
        host: WorkspaceHost, hostSource: CredentialSource, token: AccessToken, tokenSource: CredentialSource
    ) {
        self.init(host: host, hostSource: hostSource, method: .personalAccessToken(token, source: tokenSource))
    }

    /// Where the personal access token came from, when that is the method.
    public var tokenSource: CredentialSource? {
        if case .personalAccessToken(_, let source) = method { return source }
        return nil
    }

    /// A personal access token, when that is the method.
    public var token: AccessToken? {
        if case .personalAccessToken(let token, _) = method { return token }
        return nil
    }

    /// The authenticator for workspace calls; OAuth tokens are fetched over `transport`.
    public func makeAuthenticator(transport: any HTTPTransport) -> any Authenticator {
        switch method {
        case .personalAccessToken(let token, _):
            PersonalAccessTokenAuthenticator(token: token)
        case .oauthM2M(let client):
            OAuthM2MAuthenticator(
                tokens: OAuthTokenCache(endpoint: .workspace(host), client: client, transport: transport))
        }
    }

    /// The authenticator for account calls: the account's OAuth endpoint. nil without an account
    /// or with a personal access token, which account APIs refuse.
    public func makeAccountAuthenticator(transport: any HTTPTransport) -> (any Authenticator)? {
        guard let account, case .oauthM2M(let client) = method else { return nil }
        return OAuthM2MAuthenticator(
            tokens: OAuthTokenCache(endpoint: .account(account), client: client, transport: transport))
    }
}

/// How requests are authenticated.
public enum CredentialMethod: Sendable, Hashable {
    case personalAccessToken(AccessToken, source: CredentialSource)
    /// OAuth machine-to-machine: a service principal's client id and secret.
    case oauthM2M(OAuthClient)

    /// `pat` or `oauth-m2m`, as the User-Agent and `auth check` name it.
    public var authType: String {
        switch self {
        case .personalAccessToken: "pat"
        case .oauthM2M: "oauth-m2m"
        }
    }
}

/// A service principal's OAuth client credentials.
public struct OAuthClient: Sendable, Hashable {
    public var clientID: String
    public var clientIDSource: CredentialSource
    public var secret: AccessToken
    public var secretSource: CredentialSource

    public init(clientID: String, clientIDSource: CredentialSource, secret: AccessToken, secretSource: CredentialSource) {
        self.clientID = clientID
        self.clientIDSource = clientIDSource
        self.secret = secret
        self.secretSource = secretSource
    }
}

/// The Databricks account a workspace belongs to, for account SCIM and workspace assignment.
public struct AccountSettings: Sendable, Hashable {
    public var accountID: String
    public var accountIDSource: CredentialSource
    public var host: WorkspaceHost
    public var hostSource: CredentialSource

    public init(accountID: String, accountIDSource: CredentialSource, host: WorkspaceHost, hostSource: CredentialSource) {
        self.accountID = accountID
        self.accountIDSource = accountIDSource
        self.host = host
        self.hostSource = hostSource
    }
}

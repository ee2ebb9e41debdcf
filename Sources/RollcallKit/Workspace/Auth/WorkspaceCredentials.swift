/// A workspace host and token, each with the setting it came from.
public struct WorkspaceCredentials: Sendable, Hashable {
    public var host: WorkspaceHost
    public var hostSource: CredentialSource
    public var token: AccessToken
    public var tokenSource: CredentialSource

    public init(host: WorkspaceHost, hostSource: CredentialSource, token: AccessToken, tokenSource: CredentialSource) {
        self.host = host
        self.hostSource = hostSource
        self.token = token
        self.tokenSource = tokenSource
    }

    /// The authenticator these credentials call for (a personal access token today; OAuth M2M
    /// will add a second kind).
    public func makeAuthenticator() -> any Authenticator {
        PersonalAccessTokenAuthenticator(token: token)
    }
}

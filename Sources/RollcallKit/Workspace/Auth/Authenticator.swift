/// Supplies the `Authorization` header for each request.
///
/// A protocol so that the OAuth machine-to-machine token provider (an actor that caches the token
/// and refreshes it before expiry) and the personal access token are interchangeable for the client.
public protocol Authenticator: Sendable {
    /// The `auth/<type>` value of the User-Agent: `pat`, `oauth-m2m`, ...
    var authType: String { get }
    /// Values that must never appear in messages (tokens, client secrets).
    var secrets: [String] { get }
    /// Secrets obtained later (OAuth access tokens); nil when there are none.
    var learnedSecrets: LearnedSecrets? { get }
    /// The full header value, e.g. `Bearer dapi...`.
    func authorizationHeader() async throws(WorkspaceError) -> String
    /// Called once per request after a 401 with the header that was refused; true when a retry
    /// with a fresh header is worth it.
    func refreshAfterUnauthorized(_ header: String) async -> Bool
}

extension Authenticator {
    public var learnedSecrets: LearnedSecrets? { nil }
    public func refreshAfterUnauthorized(_ header: String) async -> Bool { false }
}

/// A personal access token, sent as a bearer token.
public struct PersonalAccessTokenAuthenticator: Authenticator {
    public let token: AccessToken

    public init(token: AccessToken) { self.token = token }

    public var authType: String { "pat" }
    public var secrets: [String] { [token.secret] }

    public func authorizationHeader() async throws(WorkspaceError) -> String {
        "Bearer \(token.secret)"
    }
}

/// OAuth M2M: bearer tokens from an ``OAuthTokenCache``.
public struct OAuthM2MAuthenticator: Authenticator {
    public let tokens: OAuthTokenCache

    public init(tokens: OAuthTokenCache) { self.tokens = tokens }

    public var authType: String { "oauth-m2m" }
    public var secrets: [String] { [tokens.client.secret.secret] }
    public var learnedSecrets: LearnedSecrets? { tokens.learned }

    public func authorizationHeader() async throws(WorkspaceError) -> String {
        "Bearer \(try await tokens.token().secret)"
    }

    public func refreshAfterUnauthorized(_ header: String) async -> Bool {
        guard header.hasPrefix("Bearer ") else { return false }
        await tokens.invalidate(AccessToken(String(header.dropFirst("Bearer ".count))))
        return true
    }
}

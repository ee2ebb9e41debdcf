/// Supplies the `Authorization` header for each request.
///
/// A protocol so that an OAuth machine-to-machine token provider (an actor that caches the token
/// and refreshes it before expiry) can replace the personal access token without touching the
/// client.
public protocol Authenticator: Sendable {
    /// The `auth/<type>` value of the User-Agent: `pat`, `oauth-m2m`, ...
    var authType: String { get }
    /// Values that must never appear in messages (tokens, client secrets).
    var secrets: [String] { get }
    /// The full header value, e.g. `Bearer dapi...`.
    func authorizationHeader() async throws(WorkspaceError) -> String
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

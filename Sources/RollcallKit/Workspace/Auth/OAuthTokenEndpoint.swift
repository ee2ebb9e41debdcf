import Foundation

/// Where OAuth M2M tokens come from (databricks-api.md §7): the workspace's own endpoint for
/// workspace calls, the account's for account calls. Tokens are good for their audience only.
public struct OAuthTokenEndpoint: Sendable, Hashable {
    public var url: URL
    /// For messages: `adb-1.azuredatabricks.net`.
    public var hostName: String

    public static func workspace(_ host: WorkspaceHost) -> OAuthTokenEndpoint {
        OAuthTokenEndpoint(url: host.url.appendingPathComponent("oidc/v1/token"), hostName: host.name)
    }

    public static func account(_ account: AccountSettings) -> OAuthTokenEndpoint {
        OAuthTokenEndpoint(
            url: account.host.url.appendingPathComponent("oidc/accounts")
                .appendingPathComponent(URLEncoding.pathSegment(account.accountID))
                .appendingPathComponent("v1/token"),
            hostName: account.host.name)
    }
}

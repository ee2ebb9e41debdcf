import Foundation

/// Talks to the Databricks account behind a workspace: account SCIM groups and workspace
/// assignment (databricks-api.md §2). Unity Catalog grants only reach account groups, so this
/// is how a roster group that does not exist yet becomes grantable.
///
/// Built on ``WorkspaceClient`` pointed at the account host with the account's OAuth token, so it
/// paces, retries, counts and redacts like every other request; its requests use the account
/// families (SCIM reads 20/s, writes 5/s, PATCH 2/s).
public struct AccountClient: Sendable {
    public let accountID: String
    let client: WorkspaceClient

    public init(accountID: String, client: WorkspaceClient) {
        self.accountID = accountID
        self.client = client
    }

    /// The account of `credentials`, reached through `workspace`'s transport, pacers and counters.
    /// Account APIs accept OAuth only (databricks-api.md §2), so a personal access token is refused.
    public init(credentials: WorkspaceCredentials, sharing workspace: WorkspaceClient) throws(AccountAccessError) {
        guard let account = credentials.account else { throw .noAccount }
        guard let authenticator = credentials.makeAccountAuthenticator(transport: workspace.transport) else {
            throw .personalAccessToken(accountIDSource: account.accountIDSource)
        }
        self.init(accountID: account.accountID, client: workspace.sibling(host: account.host, authenticator: authenticator))
    }

    public var host: WorkspaceHost { client.host }

    var base: String { "/api/2.0/accounts/\(URLEncoding.pathSegment(accountID))" }
    var groupsPath: String { base + "/scim/v2/Groups" }

    /// Account groups in the account (a `count=1` listing's `totalResults`): the cheapest proof
    /// that account access works.
    public func countGroups() async throws(WorkspaceError) -> Int {
        let request = WorkspaceRequest.get(
            groupsPath, query: [("attributes", "id"), ("count", "1")], family: .accountSCIMReads)
        let page = try await client.decode(SCIMWire.ListResponse<SCIMWire.Group>.self, from: request)
        return page.totalResults ?? page.Resources?.count ?? 0
    }

    /// The account groups among `displayNames`, keyed by the name asked for, value the group id:
    /// one request per 50 names.
    public func findGroups(displayNames: [String]) async throws(WorkspaceError) -> [String: String] {
        var found: [String: String] = [:]
        for batch in SCIMFilter.batches(displayNames) {
            let request = WorkspaceRequest.get(
                groupsPath,
                query: [
                    ("filter", SCIMFilter.anyOf("displayName", batch)), ("attributes", "id,displayName"),
                    ("count", String(batch.count)),
                ],
                family: .accountSCIMReads)
            let groups = try await client.decode(SCIMWire.ListResponse<SCIMWire.Group>.self, from: request)
                .Resources ?? []
            for group in groups {
                for name in batch where found[name] == nil && group.displayName?.lowercased() == name.lowercased() {
                    found[name] = group.id
                }
            }
        }
        return found
    }

    /// Creates an account group and returns its id. A 409 (it exists, e.g. a retried POST that
    /// had applied) reads the existing group back: it is the same group, never a second one.
    public func createGroup(displayName: String) async throws(WorkspaceError) -> String {
        let body = AccountWire.NewGroup(displayName: displayName)
        let request = try WorkspaceRequest.json(.post, groupsPath, body: body, family: .accountSCIMWrites)
        do throws(WorkspaceError) {
            return try await client.decode(SCIMWire.Group.self, from: request).id
        } catch {
            guard let failure = error.apiFailure, failure.isAlreadyExists else { throw error }
            return try await client.readBack(error) { () async throws(WorkspaceError) -> String? in
                try await findGroups(displayNames: [displayName])[displayName]
            }
        }
    }

    /// Assigns a principal to a workspace with `USER` permission. Idempotent: assigning again
    /// changes nothing.
    public func assignToWorkspace(principalID: String, workspaceID: String) async throws(WorkspaceError) {
        let path = base + "/workspaces/\(URLEncoding.pathSegment(workspaceID))/permissionassignments/principals/"
            + URLEncoding.pathSegment(principalID)
        let request = try WorkspaceRequest.json(
            .put, path, body: AccountWire.Assignment(permissions: ["USER"]), family: .accountSCIMWrites)
        _ = try await client.send(request)
    }
}

/// Why account calls cannot be made.
public enum AccountAccessError: Error, Sendable, Hashable, CustomStringConvertible {
    case noAccount
    case personalAccessToken(accountIDSource: CredentialSource)

    public var description: String {
        switch self {
        case .noAccount:
            "no account is configured"
        case .personalAccessToken(let source):
            "an account is configured (\(source)), but account APIs do not accept personal access tokens; "
                + "use an OAuth service principal (client_id and client_secret), or remove the account id "
                + "to work without account-level groups"
        }
    }
}

/// Account API bodies.
enum AccountWire {
    struct NewGroup: Encodable {
        var schemas = ["urn:ietf:params:scim:schemas:core:2.0:Group"]
        var displayName: String
    }

    struct Assignment: Encodable {
        var permissions: [String]
    }
}

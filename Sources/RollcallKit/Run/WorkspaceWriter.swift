/// The writes an import performs, one method per kind of action in a ``Plan``.
///
/// The executor only knows this seam; `WorkspaceClientWriter` implements it over HTTP against a
/// real workspace or the sandbox. Errors thrown here become the `error` column of the affected
/// rows, so their descriptions carry the API's own message.
public protocol WorkspaceWriter: Sendable {
    /// Creates a user and returns its SCIM id (an existing user counts as success).
    func createUser(email: String, displayName: String?) async throws -> String
    /// Creates a group with entitlements and returns its id.
    func createGroup(name: String, entitlements: [String]) async throws -> String
    func addMembers(groupID: String, userIDs: [String]) async throws
    func addEntitlements(groupID: String, entitlements: [String]) async throws
    func removeEntitlements(groupID: String, entitlements: [String]) async throws
    /// Raises levels on one object in one request; principals not named are left as they are.
    func raiseLevels(kind: ResourceKind, objectID: String, entries: [ACLEntry]) async throws
    /// Grants one group its missing privileges on one securable.
    func grant(_ addition: GrantAddition) async throws
}

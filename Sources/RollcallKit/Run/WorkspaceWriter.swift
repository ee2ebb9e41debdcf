/// The writes an import performs, one method per kind of action in a ``Plan``.
///
/// The executor only knows this seam; `WorkspaceClientWriter` implements it over HTTP against a
/// real workspace or the sandbox. Errors thrown here become the `error` column of the affected
/// rows, so their descriptions carry the API's own message.
public protocol WorkspaceWriter: Sendable {
    /// Creates a user and returns its SCIM id (an existing user counts as success).
    func createUser(email: String, displayName: String?) async throws -> String
    /// Creates a group with entitlements (workspace-local, or at the account level and assigned to
    /// the workspace, as `creation.scope` says) and returns its workspace id.
    func createGroup(_ creation: GroupCreation) async throws -> String
    func addMembers(groupID: String, userIDs: [String]) async throws
    func addEntitlements(groupID: String, entitlements: [String]) async throws
    func removeEntitlements(groupID: String, entitlements: [String]) async throws
    /// Raises levels on one object in one request; principals not named are left as they are.
    func raiseLevels(kind: ResourceKind, objectID: String, entries: [ACLEntry]) async throws
    /// Grants one group its missing privileges on one securable.
    func grant(_ addition: GrantAddition) async throws
    /// Whether ``grantTogether(on:_:)`` should carry every group's additions on a securable in
    /// one request (REST) rather than one ``grant(_:)`` per group (SQL).
    var mergesGrantsPerSecurable: Bool { get }
    /// Grants several groups their missing privileges on one securable in one request; returns
    /// the groups that did not get theirs, with the reason. Throws when none did.
    func grantTogether(on securable: SecurableRef, _ additions: [GrantAddition]) async throws -> [String: String]
}

extension WorkspaceWriter {
    public var mergesGrantsPerSecurable: Bool { false }

    public func grantTogether(on securable: SecurableRef, _ additions: [GrantAddition]) async throws -> [String: String] {
        await grantOneByOne(additions)
    }

    /// One ``grant(_:)`` per group, for writers (or modes) that cannot merge.
    public func grantOneByOne(_ additions: [GrantAddition]) async -> [String: String] {
        var failures: [String: String] = [:]
        for addition in additions {
            do { try await grant(addition) } catch { failures[addition.group] = String(describing: error) }
        }
        return failures
    }
}

/// The writes an offboard performs, one method per kind of action in an ``OffboardPlan``.
/// Errors thrown here become the `error` column of the rows they affect.
public protocol OffboardWriter: Sendable {
    /// Removes members from a group in one PATCH.
    func removeMembers(groupID: String, userIDs: [String]) async throws
    /// Deletes a user; `.alreadyAbsent` when someone else got there first.
    func deleteUser(id: String) async throws -> RemovalOutcome
    /// Replaces every direct entry of an object's ACL with `grants` (PUT).
    func replaceACL(kind: ResourceKind, objectID: String, grants: [PermissionGrant]) async throws
    func revoke(_ revocation: GrantRevocation) async throws
    func deleteGroup(id: String) async throws -> RemovalOutcome
}

/// The offboard's writes over HTTP, on the same writer as the import's (SQL revocations run on the
/// workshop warehouse it carries).
extension ClientWorkspaceWriter: OffboardWriter {
    public func removeMembers(groupID: String, userIDs: [String]) async throws {
        try await client.removeMembers(groupID: groupID, memberIDs: userIDs)
    }

    public func deleteUser(id: String) async throws -> RemovalOutcome {
        try await client.deleteUser(id: id)
    }

    public func replaceACL(kind: ResourceKind, objectID: String, grants: [PermissionGrant]) async throws {
        try await client.putPermissions(kind: kind, objectID: objectID, grants: grants)
    }

    public func revoke(_ revocation: GrantRevocation) async throws {
        let securable = revocation.securable
        switch grantsVia {
        case .rest:
            try await client.updateUnityCatalogGrants(
                on: securable.securable, name: securable.name,
                changes: [UnityCatalogChange(principal: revocation.group, add: [], remove: revocation.privileges)])
        case .sql:
            guard let warehouseID else { throw WorkspaceUnavailable.warehouseForGrants(warehouseName) }
            let statement = try GrantStatements.revoke(
                revocation.privileges, on: securable.securable, name: securable.name, from: revocation.group)
            _ = try await client.executeStatement(
                warehouseID: warehouseID, statement: statement, waitTimeoutSeconds: statementWaitSeconds)
        }
    }

    public func deleteGroup(id: String) async throws -> RemovalOutcome {
        try await client.deleteGroup(id: id)
    }
}

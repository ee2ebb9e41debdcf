/// The executor's writes performed over HTTP by the workspace client.
///
/// SQL grants run on the workshop warehouse, so the writer carries its id (nil when the warehouse
/// was not found: every SQL grant then fails with a message that says so).
public struct ClientWorkspaceWriter: WorkspaceWriter {
    public let client: WorkspaceClient
    public let warehouseID: String?
    public let grantsVia: UnityCatalogConfig.GrantsVia
    public let warehouseName: String?
    /// `wait_timeout` of each GRANT statement: 0 or 5...50 seconds; longer statements are polled.
    public let statementWaitSeconds: Int

    public init(
        client: WorkspaceClient, warehouseID: String?, grantsVia: UnityCatalogConfig.GrantsVia, warehouseName: String?,
        statementWaitSeconds: Int = 30
    ) {
        self.client = client
        self.warehouseID = warehouseID
        self.grantsVia = grantsVia
        self.warehouseName = warehouseName
        self.statementWaitSeconds = statementWaitSeconds
    }

    public func createUser(email: String, displayName: String?) async throws -> String {
        try await client.createUser(userName: email, displayName: displayName).value.id
    }

    public func createGroup(name: String, entitlements: [String]) async throws -> String {
        try await client.createGroup(displayName: name, entitlements: entitlements).value.id
    }

    public func addMembers(groupID: String, userIDs: [String]) async throws {
        try await client.addMembers(groupID: groupID, memberIDs: userIDs)
    }

    public func addEntitlements(groupID: String, entitlements: [String]) async throws {
        try await client.addEntitlements(groupID: groupID, entitlements)
    }

    public func removeEntitlements(groupID: String, entitlements: [String]) async throws {
        try await client.removeEntitlements(groupID: groupID, entitlements)
    }

    public func raiseLevels(kind: ResourceKind, objectID: String, entries: [ACLEntry]) async throws {
        try await client.patchPermissions(
            kind: kind, objectID: objectID, grants: entries.map { PermissionGrant.group($0.group, $0.level) })
    }

    public func grant(_ addition: GrantAddition) async throws {
        switch grantsVia {
        case .rest:
            try await client.updateUnityCatalogGrants(
                on: addition.securable.securable, name: addition.securable.name,
                changes: [UnityCatalogChange(principal: addition.group, add: addition.privileges, remove: [])])
        case .sql:
            guard let warehouseID else { throw WorkspaceUnavailable.warehouseForGrants(warehouseName) }
            let statement = try GrantStatements.grant(
                addition.privileges, on: addition.securable.securable, name: addition.securable.name,
                to: addition.group)
            _ = try await client.executeStatement(
                warehouseID: warehouseID, statement: statement, waitTimeoutSeconds: statementWaitSeconds)
        }
    }
}

/// A write that cannot be attempted because something it needs is missing from the workspace.
public enum WorkspaceUnavailable: Error, CustomStringConvertible {
    case warehouseForGrants(String?)

    public var description: String {
        switch self {
        case .warehouseForGrants(let name?):
            "Unity Catalog grants run as SQL on the SQL warehouse '\(name)', which was not found; "
                + "fix the warehouse name in the workshop config or set unityCatalog.grantsVia to \"rest\""
        case .warehouseForGrants(nil):
            "Unity Catalog grants run as SQL on the workshop's SQL warehouse, and the workshop config names none; "
                + "add a warehouse or set unityCatalog.grantsVia to \"rest\""
        }
    }
}

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
    /// Where account-level groups are made; nil without an account.
    public var account: AccountGroupWriter?

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

    public func createGroup(_ creation: GroupCreation) async throws -> String {
        switch creation.scope {
        case .workspaceLocal:
            return try await client.createGroup(displayName: creation.name, entitlements: creation.entitlements).value.id
        case .account(let existingID):
            guard let account else { throw AccountGroupWriter.Failure.noAccount(group: creation.name) }
            return try await account.provision(
                creation.name, existingID: existingID, entitlements: creation.entitlements, workspace: client)
        }
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

    public var mergesGrantsPerSecurable: Bool { grantsVia == .rest }

    /// REST: one PATCH carrying every group's additions. Unity Catalog validates the whole request,
    /// so one principal it cannot find fails all of them; that principal is then set aside with
    /// the error and the others are sent once more, so one bad group never sinks the rest.
    public func grantTogether(on securable: SecurableRef, _ additions: [GrantAddition]) async throws -> [String: String] {
        guard grantsVia == .rest else { return await grantOneByOne(additions) }
        var pending = additions
        var failures: [String: String] = [:]
        while !pending.isEmpty {
            let changes = pending.map {
                UnityCatalogChange(principal: $0.group, add: $0.privileges.map(PrivilegeName.rest), remove: [])
            }
            do {
                let after = try await client.updateUnityCatalogGrants(
                    on: securable.securable, name: securable.name, changes: changes)
                for addition in pending {
                    let held = Set((after[addition.group] ?? []).map(PrivilegeName.sql))
                    let missing = addition.privileges.filter { !held.contains($0) && !held.contains("ALL PRIVILEGES") }
                    if !missing.isEmpty {
                        failures[addition.group] = "the grant was accepted but \(missing.joined(separator: ", ")) "
                            + "did not show in the answer"
                    }
                }
                return failures
            } catch {
                let message = String(describing: error)
                let named = pending.filter { message.contains("principal with name \($0.group)") }
                guard !named.isEmpty, named.count < pending.count else {
                    if failures.isEmpty { throw error }
                    for addition in pending { failures[addition.group] = message }
                    return failures
                }
                for addition in named { failures[addition.group] = message }
                pending.removeAll { addition in named.contains { $0.group == addition.group } }
            }
        }
        return failures
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

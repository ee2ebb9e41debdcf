/// The planner's questions answered over HTTP by the workspace client.
extension WorkspaceClient: WorkspaceReader {
    public var userPageSize: Int { 100 }

    public func userIDs(for userNames: [String]) async throws -> [String: String] {
        try await findUsers(userNames: userNames).mapValues(\.id)
    }

    public func allUserIDs() async throws -> [String: String] {
        var ids: [String: String] = [:]
        for user in try await listAllUsers(pageSize: userPageSize) { ids[user.userName.lowercased()] = user.id }
        return ids
    }

    public func groupStates(named names: [String]) async throws -> [String: GroupState] {
        try await findGroups(displayNames: names).mapValues { group in
            GroupState(
                id: group.id, isAccountGroup: !group.isWorkspaceLocal, memberIDs: Set(group.memberIDs),
                entitlements: Set(group.entitlements))
        }
    }

    public func resolve(_ resource: ResourceRef) async throws -> String? {
        switch resource.kind {
        case .cluster: try await findCluster(named: resource.name)?.id
        case .warehouse: try await findWarehouse(named: resource.name)?.id
        case .directory: try await workspaceObject(path: resource.name)?.objectID
        case .servingEndpoint: try await findServingEndpoints(named: [resource.name])[resource.name]?.id
        }
    }

    public func groupLevels(kind: ResourceKind, objectID: String) async throws -> [String: PermissionLevel] {
        var levels: [String: PermissionLevel] = [:]
        for (principal, level) in try await getPermissions(kind: kind, objectID: objectID).levels
        where principal.kind == .group {
            levels[principal.name] = level
        }
        return levels
    }

    public func currentGrants(
        on securable: SecurableRef, via: UnityCatalogConfig.GrantsVia, warehouseID: String?
    ) async throws -> [String: Set<String>] {
        let held: [String: Set<String>]
        switch via {
        case .rest:
            held = try await unityCatalogGrants(on: securable.securable, name: securable.name)
        case .sql:
            guard let warehouseID else { return [:] }
            held = try await showGrants(warehouseID: warehouseID, on: securable.securable, name: securable.name)
        }
        return held.mapValues { Set($0.map(PrivilegeName.sql)) }
    }
}

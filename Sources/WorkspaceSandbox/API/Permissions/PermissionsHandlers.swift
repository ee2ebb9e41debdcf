/// `/api/2.0/permissions/{type}/{id}`: GET, PATCH (merge per principal), PUT (replace direct
/// entries) and `/permissionLevels` (databricks-api.md §3).
extension WorkspaceEngine {
    func objectExists(_ object: PermissionObject) -> Bool {
        switch object.type {
        case .clusters: state.clusters.contains { $0.id == object.id }
        case .warehouses, .sqlWarehouses: state.warehouses.contains { $0.id == object.id }
        case .directories: state.workspaceDirectories.contains { String($0.objectID) == object.id }
        case .servingEndpoints: state.servingEndpoints.contains { $0.id == object.id }
        }
    }

    private func missing(_ object: PermissionObject) -> Reply {
        APIError.doesNotExist("\(object.type.noun) \(object.id) does not exist.")
    }

    func renderPermissions(_ object: PermissionObject) -> Reply {
        guard objectExists(object) else { return missing(object) }
        return .ok(PermissionsRendering.objectPermissions(object, state.acls[object.storageKey] ?? [], state: state))
    }

    mutating func getPermissions(_ context: RequestContext, _ type: PermissionObjectType) -> Reply {
        read(.acl(PermissionObject(type: type, id: context.param("id"))), now: context.now)
    }

    func permissionLevels(_ context: RequestContext, _ type: PermissionObjectType) -> Reply {
        let object = PermissionObject(type: type, id: context.param("id"))
        guard objectExists(object) else { return missing(object) }
        let levels = object.type.levels.map {
            ["permission_level": $0, "description": PermissionObjectType.levelDescriptions[$0] ?? $0]
        }
        return .ok(["permission_levels": levels])
    }

    /// PUT replaces the direct entries (a warehouse keeps its owner unless a new one is named);
    /// PATCH sets each named principal's level and never removes anyone.
    mutating func setPermissions(_ context: RequestContext, _ type: PermissionObjectType, replace: Bool) -> Reply {
        let object = PermissionObject(type: type, id: context.param("id"))
        guard objectExists(object) else { return missing(object) }
        let requested: [ACLEntry]
        do {
            requested = try ACLRequest.entries(context.request.body, for: object.type, in: state)
        } catch {
            return error.reply
        }
        let before = snapshot(.acl(object))
        let old = state.acls[object.storageKey] ?? []
        var new = replace ? [] : old
        for entry in requested {
            if entry.level == "IS_OWNER" { new.removeAll { $0.level == "IS_OWNER" } }
            new.removeAll { $0.principal == entry.principal }
            new.append(entry)
        }
        if replace, object.type.storageType == "warehouses", !new.contains(where: { $0.level == "IS_OWNER" }),
           let owner = old.first(where: { $0.level == "IS_OWNER" }) {
            new.insert(owner, at: 0)
        }
        state.acls[object.storageKey] = new
        let reply = Reply.ok(PermissionsRendering.objectPermissions(object, new, state: state), mutated: new != old)
        return commit(.acl(object), before: before, reply, now: context.now)
    }

    /// Types the sandbox does not model: known Databricks types have no objects here (404);
    /// anything else, `sql-warehouses` included, is the real 400 (§3, databricks-sdk-py#582).
    func unmodelledPermissions(_ context: RequestContext) -> Reply {
        let type = context.param("type")
        if PermissionObjectType.unmodelledPathTypes.contains(type) {
            return APIError.doesNotExist("\(type) \(context.param("id")) does not exist.")
        }
        let expected = (PermissionObjectType.pathTypes.filter { !$0.contains("/") } + PermissionObjectType.unmodelledPathTypes)
            .sorted().joined(separator: ", ")
        return APIError.invalidParameter("'\(type)' is not a supported object type for permissions. Expected one of {\(expected)}")
    }
}

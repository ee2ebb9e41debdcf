/// Workspace assignment: `PUT/DELETE .../permissionassignments/principals/{principal_id}`,
/// `GET .../permissionassignments` and `GET .../permissionassignments/permissions` (databricks-api.md §2).
/// Assigning makes an account user, service principal or group visible in the workspace; ADMIN
/// also puts it in the workspace's `admins` group.
extension WorkspaceEngine {
    /// The `principal` object of an assignment; nil for an id that is no account principal.
    func assignmentPrincipal(_ id: String) -> JSONObject? {
        var json: JSONObject = ["principal_id": Int64(id) ?? 0]
        if let index = state.userIndex(id: id) {
            json["user_name"] = state.users[index].userName
            json["display_name"] = state.users[index].displayName ?? state.users[index].userName
        } else if let index = state.groupIndex(id: id), state.groups[index].origin == .account {
            json["group_name"] = state.groups[index].displayName
            json["display_name"] = state.groups[index].displayName
        } else if let index = state.servicePrincipalIndex(id: id) {
            json["service_principal_name"] = state.servicePrincipals[index].applicationId
            json["display_name"] = state.servicePrincipals[index].displayName
        } else {
            return nil
        }
        return json
    }

    func listAssignments(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let items = state.assignments.keys.sorted().compactMap { id -> JSONObject? in
            guard let principal = assignmentPrincipal(id) else { return nil }
            return ["permissions": state.assignments[id] ?? [], "principal": principal]
        }
        return .ok(["permission_assignments": items])
    }

    func assignmentLevels(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        return .ok(["permissions": [
            ["permission_level": "USER", "description": "Can access the workspace"],
            ["permission_level": "ADMIN", "description": "Can access the workspace and has workspace admin privileges"],
        ]])
    }

    /// `permissions` is case-sensitive; ADMIN wins; an empty or unknown list deletes (§2).
    mutating func putAssignment(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let id = context.param("principal_id")
        guard let principal = assignmentPrincipal(id) else {
            return APIError.doesNotExist("Principal \(id) does not exist.")
        }
        guard let body = context.body else {
            return APIError.malformedRequest("Invalid JSON given in the body of the request")
        }
        let requested = (body["permissions"] as? [Any] ?? []).compactMap { $0 as? String }
        let permissions = requested.contains("ADMIN") ? ["ADMIN"] : requested.contains("USER") ? ["USER"] : []
        let old = state.assignments[id]
        let oldGroups = state.groups
        setAssignment(id, permissions.isEmpty ? nil : permissions)
        let mutated = old != state.assignments[id] || oldGroups != state.groups
        return .ok(["permissions": permissions, "principal": principal], mutated: mutated)
    }

    mutating func deleteAssignment(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let id = context.param("principal_id")
        guard state.assignments[id] != nil else {
            // "Principal <ID> not in workspace <ID>" (§2, TF #5367).
            return APIError.doesNotExist("Principal \(id) not in workspace \(configuration.workspaceID)")
        }
        setAssignment(id, nil)
        return .ok([String: Any](), mutated: true)
    }

    /// Sets or removes an assignment, keeping `admins` membership and workspace-local groups in step.
    private mutating func setAssignment(_ id: String, _ permissions: [String]?) {
        state.assignments[id] = permissions
        guard let admins = state.groupIndex(id: SeedState.adminsGroupID) else { return }
        if permissions == ["ADMIN"] {
            if !state.groups[admins].members.contains(id) { state.groups[admins].members.append(id) }
        } else {
            state.groups[admins].members.removeAll { $0 == id }
        }
        if permissions == nil {
            for index in state.groups.indices where state.groups[index].origin == .workspace {
                state.groups[index].members.removeAll { $0 == id }
            }
        }
    }
}

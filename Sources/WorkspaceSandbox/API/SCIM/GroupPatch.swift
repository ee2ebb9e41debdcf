/// PATCH on a group: `members`, `entitlements` (workspace only), `displayName`, `externalId`
/// (databricks-api.md §1, "PATCH" forms).
enum GroupPatch {
    enum Scope { case workspace, account }

    static func apply(
        _ operations: [PatchOperation], to group: inout GroupRecord, in state: WorkspaceState, scope: Scope
    ) throws(PatchError) {
        for operation in operations {
            switch operation.attribute {
            case "members":
                try guardNotBuiltInUsers(group)
                let added = operation.op == .remove ? [] : PatchRequest.values(operation.value)
                for id in added where !group.members.contains(id) {
                    try validateMember(id, of: group, in: state, scope: scope)
                }
                group.members = try MultiValuedPatch.apply(operation, to: group.members, attribute: "members")
            case "entitlements" where scope == .workspace:
                group.entitlements = try MultiValuedPatch.apply(operation, to: group.entitlements, attribute: "entitlements")
            case "displayname":
                guard operation.op != .remove, let name = operation.value as? String, !name.isEmpty else {
                    throw .invalidValue("displayName is required")
                }
                if name != group.displayName,
                   state.groupNameTaken(name, inWorkspace: scope == .workspace) {
                    throw .conflict("Group with name \(name) already exists.")
                }
                group.displayName = name
            case "externalid":
                group.externalId = operation.op == .remove ? nil : operation.value as? String
            case "roles", "groups":
                continue
            default:
                throw .noSuchAttribute(operation.attribute)
            }
        }
    }

    /// Everyone is implicitly in `users`; Databricks refuses to manage its membership (issue 3,
    /// TF #1088).
    static func guardNotBuiltInUsers(_ group: GroupRecord) throws(PatchError) {
        if group.id == SeedState.usersGroupID {
            throw .invalidValue("Members of the built-in group users cannot be changed: every user belongs to it.")
        }
    }

    /// A new member must exist where the group lives: in the workspace for workspace SCIM, in the
    /// account for account SCIM (where a workspace-local group cannot be a member).
    static func validateMember(_ id: String, of group: GroupRecord, in state: WorkspaceState, scope: Scope) throws(PatchError) {
        let exists: Bool
        switch scope {
        case .workspace:
            exists = state.workspaceUserIndex(id: id) != nil || state.workspaceGroupIndex(id: id) != nil
                || (state.servicePrincipalIndex(id: id) != nil && state.isInWorkspace(id))
        case .account:
            exists = state.userIndex(id: id) != nil || state.servicePrincipalIndex(id: id) != nil
                || state.groupIndex(id: id).map { state.groups[$0].origin == .account } == true
        }
        guard exists else { throw .notFound("Principal with id \(id) is not found") }
        if id == group.id { throw .invalidValue("A group cannot be a member of itself") }
    }
}

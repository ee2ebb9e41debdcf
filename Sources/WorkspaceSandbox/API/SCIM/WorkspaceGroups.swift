/// Workspace SCIM `Groups`: workspace-local groups plus account groups assigned to the workspace
/// (databricks-api.md §1, §2).
extension WorkspaceEngine {
    static let groupFilterAttributes = ["displayName", "id"]

    func renderWorkspaceGroup(_ id: String) -> Reply {
        guard let index = state.workspaceGroupIndex(id: id) else { return APIError.scimNotFound("Group", id) }
        return .ok(state.workspaceGroupJSON(state.groups[index]))
    }

    /// 201 with a `WorkspaceGroup`; 409 `Group with name <n> already exists.` (§1).
    mutating func createWorkspaceGroup(_ context: RequestContext) -> Reply {
        guard let body = context.body, let name = body["displayName"] as? String,
              !name.trimmingCharacters(in: .whitespaces).isEmpty
        else { return APIError.scimUnparsable }
        if state.groupNameTaken(name, inWorkspace: true) {
            return APIError.scim(409, "Group with name \(name) already exists.")
        }
        var group = GroupRecord(id: state.makeID(), displayName: name, origin: .workspace, members: [],
                                entitlements: orderedUnique(PatchRequest.values(body["entitlements"])),
                                externalId: body["externalId"] as? String)
        for member in orderedUnique(PatchRequest.values(body["members"])) {
            do { try GroupPatch.validateMember(member, of: group, in: state, scope: .workspace) } catch { return error.reply }
            group.members.append(member)
        }
        let before = snapshot(.workspaceGroup(group.id))
        state.groups.append(group)
        return commit(.workspaceGroup(group.id), before: before,
                      Reply(status: 201, json: state.workspaceGroupJSON(group), mutated: true), now: context.now)
    }

    mutating func listWorkspaceGroups(_ context: RequestContext) -> Reply {
        let state = state
        let resources = state.groups.filter(state.isInWorkspace).map { group in
            (StaleKey.workspaceGroup(group.id),
             SCIMListItem(attributes: group.filterAttributes) { state.workspaceGroupJSON(group) })
        }
        return SCIMListing.reply(applyingStaleReads(resources, now: context.now), context,
                                 filterable: Self.groupFilterAttributes)
    }

    mutating func getWorkspaceGroup(_ context: RequestContext) -> Reply {
        projectedRead(.workspaceGroup(context.param("id")), context)
    }

    mutating func replaceWorkspaceGroup(_ context: RequestContext) -> Reply {
        let id = context.param("id")
        guard let index = state.workspaceGroupIndex(id: id) else { return APIError.scimNotFound("Group", id) }
        guard let body = context.body else { return APIError.scimUnparsable }
        var operations = [
            PatchOperation(op: .replace, attribute: "entitlements", value: body["entitlements"] ?? []),
        ]
        if let name = body["displayName"] { operations.append(PatchOperation(op: .replace, attribute: "displayname", value: name)) }
        let members = PatchRequest.values(body["members"])
        if id != SeedState.usersGroupID || !members.isEmpty {
            operations.append(PatchOperation(op: .replace, attribute: "members", value: members.map { ["value": $0] }))
        }
        return updateWorkspaceGroup(index, operations, context)
    }

    mutating func patchWorkspaceGroup(_ context: RequestContext) -> Reply {
        let id = context.param("id")
        guard let index = state.workspaceGroupIndex(id: id) else { return APIError.scimNotFound("Group", id) }
        do {
            return updateWorkspaceGroup(index, try PatchRequest.operations(context.body), context)
        } catch {
            return error.reply
        }
    }

    private mutating func updateWorkspaceGroup(_ index: Int, _ operations: [PatchOperation], _ context: RequestContext) -> Reply {
        let old = state.groups[index]
        let before = snapshot(.workspaceGroup(old.id))
        var group = old
        do {
            try GroupPatch.apply(operations, to: &group, in: state, scope: .workspace)
        } catch {
            return error.reply
        }
        state.groups[index] = group
        if group.displayName != old.displayName {
            renameACLPrincipal(PrincipalRef(kind: .group, name: old.displayName), to: group.displayName)
        }
        return commit(.workspaceGroup(group.id), before: before,
                      .ok(state.workspaceGroupJSON(group), mutated: group != old), now: context.now)
    }

    /// Deletes a workspace group; for an account group this only removes it from the workspace.
    /// The built-in groups cannot be deleted.
    mutating func deleteWorkspaceGroup(_ context: RequestContext) -> Reply {
        let id = context.param("id")
        guard let index = state.workspaceGroupIndex(id: id) else { return APIError.scimNotFound("Group", id) }
        let group = state.groups[index]
        if id == SeedState.usersGroupID || id == SeedState.adminsGroupID {
            return APIError.scim(400, "Cannot delete the built-in group \(group.displayName).", scimType: "invalidValue")
        }
        let before = snapshot(.workspaceGroup(id))
        if group.origin == .account {
            state.assignments[id] = nil
        } else {
            state.groups.remove(at: index)
            _ = state.removeFromAllGroups(id)
        }
        state.removeACLEntries(for: PrincipalRef(kind: .group, name: group.displayName))
        return commit(.workspaceGroup(id), before: before, .noContent(mutated: true), now: context.now)
    }

    mutating func renameACLPrincipal(_ old: PrincipalRef, to name: String) {
        for key in state.acls.keys {
            for entry in state.acls[key]!.indices where state.acls[key]![entry].principal == old {
                state.acls[key]![entry].principal.name = name
            }
        }
    }
}

/// Account SCIM `Groups`: the groups Unity Catalog can grant to, and the ones a workspace sees once
/// assigned (databricks-api.md §2).
extension WorkspaceEngine {
    func renderAccountGroup(_ id: String) -> Reply {
        guard let index = state.groupIndex(id: id), state.groups[index].origin == .account else {
            return APIError.scimNotFound("Group", id)
        }
        return .ok(withAccountID(state.accountGroupJSON(state.groups[index])))
    }

    mutating func createAccountGroup(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        guard let body = context.body, let name = body["displayName"] as? String,
              !name.trimmingCharacters(in: .whitespaces).isEmpty
        else { return APIError.scimUnparsable }
        if state.groupNameTaken(name, inWorkspace: false) {
            return APIError.scim(409, "Group with name \(name) already exists.")
        }
        var group = GroupRecord(id: state.makeID(), displayName: name, origin: .account, members: [],
                                entitlements: [], externalId: body["externalId"] as? String)
        for member in orderedUnique(PatchRequest.values(body["members"])) {
            do { try GroupPatch.validateMember(member, of: group, in: state, scope: .account) } catch { return error.reply }
            group.members.append(member)
        }
        let before = snapshot(.accountGroup(group.id))
        state.groups.append(group)
        var reply = renderAccountGroup(group.id)
        reply.response.status = 201
        reply.mutated = true
        return commit(.accountGroup(group.id), before: before, reply, now: context.now)
    }

    func listAccountGroups(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let state = state
        let resources = state.groups.filter { $0.origin == .account }.map { group in
            SCIMListItem(attributes: group.filterAttributes) { withAccountID(state.accountGroupJSON(group)) }
        }
        return SCIMListing.reply(resources, context, filterable: Self.groupFilterAttributes)
    }

    mutating func getAccountGroup(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        return read(.accountGroup(context.param("id")), now: context.now)
    }

    mutating func patchAccountGroup(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let id = context.param("id")
        guard let index = state.groupIndex(id: id), state.groups[index].origin == .account else {
            return APIError.scimNotFound("Group", id)
        }
        let old = state.groups[index]
        let before = snapshot(.accountGroup(id))
        var group = old
        do {
            try GroupPatch.apply(try PatchRequest.operations(context.body), to: &group, in: state, scope: .account)
        } catch {
            return error.reply
        }
        state.groups[index] = group
        if group.displayName != old.displayName {
            renameACLPrincipal(PrincipalRef(kind: .group, name: old.displayName), to: group.displayName)
            state.renameGrantPrincipal(old.displayName, to: group.displayName)
        }
        var reply = renderAccountGroup(id)
        reply.mutated = group != old
        return commit(.accountGroup(id), before: before, reply, now: context.now)
    }

    mutating func deleteAccountGroup(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let id = context.param("id")
        guard let index = state.groupIndex(id: id), state.groups[index].origin == .account else {
            return APIError.scimNotFound("Group", id)
        }
        let before = snapshot(.accountGroup(id))
        let group = state.groups.remove(at: index)
        state.assignments[id] = nil
        _ = state.removeFromAllGroups(id)
        state.removeACLEntries(for: PrincipalRef(kind: .group, name: group.displayName))
        state.removeGrants(of: group.displayName)
        return commit(.accountGroup(id), before: before, .noContent(mutated: true), now: context.now)
    }
}

extension WorkspaceState {
    mutating func renameGrantPrincipal(_ old: String, to new: String) {
        for key in grants.keys {
            for index in grants[key]!.indices where grants[key]![index].principal == old {
                grants[key]![index].principal = new
            }
        }
    }
}

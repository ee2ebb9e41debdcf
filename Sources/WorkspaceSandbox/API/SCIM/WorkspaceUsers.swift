import Foundation

/// Workspace SCIM `Users` and `Me` (databricks-api.md §1).
extension WorkspaceEngine {
    static let userFilterAttributes = ["userName", "displayName", "id", "active"]

    func renderWorkspaceUser(_ id: String) -> Reply {
        guard let index = state.workspaceUserIndex(id: id) else { return APIError.scimNotFound("User", id) }
        return .ok(state.workspaceUserJSON(state.users[index]))
    }

    /// The identity behind the token; a service principal answers in its User form.
    func me(_ context: RequestContext) -> Reply {
        switch context.caller {
        case .user(let id):
            return renderWorkspaceUser(id)
        case .servicePrincipal(let id):
            guard let index = state.servicePrincipalIndex(id: id) else { return APIError.scimNotFound("User", id) }
            let principal = state.servicePrincipals[index]
            var json = state.servicePrincipalJSON(principal)
            json["schemas"] = [SCIMSchema.user, SCIMSchema.workspaceUser]
            json["userName"] = principal.applicationId
            return .ok(json)
        case .anonymous:
            return AuthFailure.missing.reply
        }
    }

    /// 201 with the user; 409 `User with username <u> already exists.` for a workspace user of that
    /// name in any case (§1). An account user not yet in the workspace is added to it, keeping its id.
    mutating func createWorkspaceUser(_ context: RequestContext) -> Reply {
        guard let body = context.body, let rawName = body["userName"] as? String,
              !rawName.trimmingCharacters(in: .whitespaces).isEmpty
        else { return APIError.scimUnparsable }
        let userName = rawName.trimmingCharacters(in: .whitespaces).lowercased()
        let fields = UserFields(body)
        let id: String
        if let index = state.userIndex(userName: userName) {
            id = state.users[index].id
            if state.isInWorkspace(id) { return APIError.scim(409, "User with username \(userName) already exists.") }
        } else {
            id = state.makeID()
        }
        let before = snapshot(.workspaceUser(id))
        if let index = state.userIndex(id: id) {
            fields.replace(in: &state.users[index])
        } else {
            var user = UserRecord(id: id, userName: userName, displayName: nil, givenName: nil, familyName: nil,
                                  active: true, entitlements: [], externalId: nil)
            fields.replace(in: &user)
            state.users.append(user)
        }
        state.assignments[id] = ["USER"]
        for groupID in PatchRequest.values(body["groups"]) {
            if let index = state.workspaceGroupIndex(id: groupID), state.groups[index].id != SeedState.usersGroupID,
               !state.groups[index].members.contains(id) {
                state.groups[index].members.append(id)
            }
        }
        let reply = Reply(status: 201, json: state.workspaceUserJSON(state.users[state.userIndex(id: id)!]), mutated: true)
        return commit(.workspaceUser(id), before: before, reply, now: context.now)
    }

    mutating func listWorkspaceUsers(_ context: RequestContext) -> Reply {
        let state = state
        // Stale reads may swap a user for its previous version, which filters must then see: that
        // path renders every user first. Without them, users are selected from the typed records.
        if !stale.enabled && SCIMListing.isUnsorted(context) {
            do {
                let filter = try SCIMListing.filter(context, filterable: Self.userFilterAttributes)
                let selected = state.selectUsers(filter, visible: state.isInWorkspace)
                return SCIMListing.pageReply(selected, context) { state.workspaceUserJSON(state.users[$0]) }
            } catch {
                return error.reply
            }
        }
        let resources = state.users.filter { state.isInWorkspace($0.id) }.map { user in
            (StaleKey.workspaceUser(user.id),
             SCIMListItem(attributes: user.filterAttributes) { state.workspaceUserJSON(user) })
        }
        return SCIMListing.reply(applyingStaleReads(resources, now: context.now), context,
                                 filterable: Self.userFilterAttributes)
    }

    mutating func getWorkspaceUser(_ context: RequestContext) -> Reply {
        projectedRead(.workspaceUser(context.param("id")), context)
    }

    mutating func replaceWorkspaceUser(_ context: RequestContext) -> Reply {
        let id = context.param("id")
        guard let index = state.workspaceUserIndex(id: id) else { return APIError.scimNotFound("User", id) }
        guard let body = context.body else { return APIError.scimUnparsable }
        let before = snapshot(.workspaceUser(id))
        let old = state.users[index]
        UserFields(body).replace(in: &state.users[index])
        let reply = Reply.ok(state.workspaceUserJSON(state.users[index]), mutated: state.users[index] != old)
        return commit(.workspaceUser(id), before: before, reply, now: context.now)
    }

    mutating func patchWorkspaceUser(_ context: RequestContext) -> Reply {
        let id = context.param("id")
        guard let index = state.workspaceUserIndex(id: id) else { return APIError.scimNotFound("User", id) }
        let before = snapshot(.workspaceUser(id))
        var user = state.users[index]
        do {
            try UserPatch.apply(try PatchRequest.operations(context.body), to: &user, entitlements: true)
        } catch {
            return error.reply
        }
        let mutated = user != state.users[index]
        state.users[index] = user
        return commit(.workspaceUser(id), before: before, .ok(state.workspaceUserJSON(user), mutated: mutated),
                      now: context.now)
    }

    /// Removes the user from the workspace (its groups there and its ACL entries); the account
    /// user remains, as under identity federation.
    mutating func deleteWorkspaceUser(_ context: RequestContext) -> Reply {
        let id = context.param("id")
        guard let index = state.workspaceUserIndex(id: id) else { return APIError.scimNotFound("User", id) }
        let before = snapshot(.workspaceUser(id))
        state.assignments[id] = nil
        for group in state.groups.indices where state.groups[group].origin == .workspace {
            state.groups[group].members.removeAll { $0 == id }
        }
        state.removeACLEntries(for: PrincipalRef(kind: .user, name: state.users[index].userName))
        return commit(.workspaceUser(id), before: before, .noContent(mutated: true), now: context.now)
    }
}

/// Account SCIM `Users` under `/api/2.0/accounts/{account_id}/scim/v2` (databricks-api.md §2).
extension WorkspaceEngine {
    func renderAccountUser(_ id: String) -> Reply {
        guard let index = state.userIndex(id: id) else { return APIError.scimNotFound("User", id) }
        return .ok(withAccountID(state.accountUserJSON(state.users[index])))
    }

    /// 409 text differs from the workspace's: `User with email <u> already exists in this account` (§1).
    mutating func createAccountUser(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        guard let body = context.body, let rawName = body["userName"] as? String,
              !rawName.trimmingCharacters(in: .whitespaces).isEmpty
        else { return APIError.scimUnparsable }
        let userName = rawName.trimmingCharacters(in: .whitespaces).lowercased()
        if state.userIndex(userName: userName) != nil {
            return APIError.scim(409, "User with email \(userName) already exists in this account")
        }
        var user = UserRecord(id: state.makeID(), userName: userName, displayName: nil, givenName: nil,
                              familyName: nil, active: true, entitlements: [], externalId: nil)
        UserFields(body).replace(in: &user)
        user.entitlements = []
        let before = snapshot(.accountUser(user.id))
        state.users.append(user)
        var reply = renderAccountUser(user.id)
        reply.response.status = 201
        reply.mutated = true
        return commit(.accountUser(user.id), before: before, reply, now: context.now)
    }

    func listAccountUsers(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let state = state
        if SCIMListing.isUnsorted(context) {
            do {
                let filter = try SCIMListing.filter(context, filterable: Self.userFilterAttributes)
                let selected = state.selectUsers(filter) { _ in true }
                return SCIMListing.pageReply(selected, context) { withAccountID(state.accountUserJSON(state.users[$0])) }
            } catch {
                return error.reply
            }
        }
        let resources = state.users.map { user in
            SCIMListItem(attributes: user.filterAttributes) { withAccountID(state.accountUserJSON(user)) }
        }
        return SCIMListing.reply(resources, context, filterable: Self.userFilterAttributes)
    }

    mutating func getAccountUser(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        return read(.accountUser(context.param("id")), now: context.now)
    }

    mutating func patchAccountUser(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let id = context.param("id")
        guard let index = state.userIndex(id: id) else { return APIError.scimNotFound("User", id) }
        let before = snapshot(.accountUser(id))
        var user = state.users[index]
        do {
            try UserPatch.apply(try PatchRequest.operations(context.body), to: &user, entitlements: false)
        } catch {
            return error.reply
        }
        let mutated = user != state.users[index]
        state.users[index] = user
        var reply = renderAccountUser(id)
        reply.mutated = mutated
        return commit(.accountUser(id), before: before, reply, now: context.now)
    }

    /// Deletes the user from the account: its assignment, memberships, ACL entries and grants go too.
    mutating func deleteAccountUser(_ context: RequestContext) -> Reply {
        if let refused = checkAccount(context) { return refused }
        let id = context.param("id")
        guard let index = state.userIndex(id: id) else { return APIError.scimNotFound("User", id) }
        let before = snapshot(.accountUser(id))
        let user = state.users.remove(at: index)
        state.assignments[id] = nil
        _ = state.removeFromAllGroups(id)
        state.removeACLEntries(for: PrincipalRef(kind: .user, name: user.userName))
        state.removeGrants(of: user.userName)
        return commit(.accountUser(id), before: before, .noContent(mutated: true), now: context.now)
    }
}

extension WorkspaceState {
    /// Drops a principal from every securable's grants.
    mutating func removeGrants(of principal: String) {
        for key in grants.keys {
            grants[key]?.removeAll { $0.principal == principal }
            if grants[key]?.isEmpty == true { grants[key] = nil }
        }
    }
}

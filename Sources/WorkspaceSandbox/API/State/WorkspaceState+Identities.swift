/// Look-ups over identities, with the workspace's visibility rules: a user, service principal or
/// account group is in the workspace when it is assigned, directly or as a member (at any depth) of
/// an assigned account group; workspace groups always are.
extension WorkspaceState {
    func userIndex(id: String) -> Int? { users.position(id: id) }

    /// userName is matched case-insensitively (databricks-api.md §1).
    func userIndex(userName: String) -> Int? {
        users.position(userName: userName.lowercased())
    }

    func groupIndex(id: String) -> Int? { groups.firstIndex { $0.id == id } }

    func servicePrincipalIndex(id: String) -> Int? { servicePrincipals.firstIndex { $0.id == id } }

    func isInWorkspace(_ id: String) -> Bool {
        assignments[id] != nil || isAssignedThroughGroup(id)
    }

    func isInWorkspace(_ group: GroupRecord) -> Bool {
        group.origin == .workspace || isInWorkspace(group.id)
    }

    /// Whether `id` is a member, at any depth, of an account group assigned to the workspace.
    private func isAssignedThroughGroup(_ id: String) -> Bool {
        var pending = groups.filter { $0.origin == .account && assignments[$0.id] != nil }
        var seen = Set(pending.map(\.id))
        while let group = pending.popLast() {
            if group.members.contains(id) { return true }
            for member in group.members where !seen.contains(member) {
                if let index = groupIndex(id: member), groups[index].origin == .account {
                    seen.insert(member)
                    pending.append(groups[index])
                }
            }
        }
        return false
    }

    func workspaceUserIndex(id: String) -> Int? {
        userIndex(id: id).flatMap { isInWorkspace(id) ? $0 : nil }
    }

    func workspaceGroupIndex(id: String) -> Int? {
        groupIndex(id: id).flatMap { isInWorkspace(groups[$0]) ? $0 : nil }
    }

    /// A workspace-visible group by its display name (exact, as the Permissions API matches it).
    func workspaceGroup(named name: String) -> GroupRecord? {
        groups.first { $0.displayName == name && isInWorkspace($0) }
    }

    /// The SCIM `$ref` kind and display name of a principal id, if it exists at all.
    func principalSummary(_ id: String) -> (ref: String, display: String)? {
        if let index = userIndex(id: id) {
            return ("Users", users[index].displayName ?? users[index].userName)
        }
        if let index = groupIndex(id: id) { return ("Groups", groups[index].displayName) }
        if let index = servicePrincipalIndex(id: id) {
            return ("ServicePrincipals", servicePrincipals[index].displayName)
        }
        return nil
    }

    /// Groups visible in the workspace that list `memberID` directly.
    func workspaceParents(of memberID: String) -> [GroupRecord] {
        groups.filter { $0.members.contains(memberID) && isInWorkspace($0) }
    }

    /// Stored directories plus a home folder `/Users/<userName>` for every workspace user, which
    /// Databricks creates when the user is added. Home folder ids derive from the user id.
    var workspaceDirectories: [DirectoryRecord] {
        let homes = users.filter { isInWorkspace($0.id) && $0.id != adminUserID }.map { user in
            DirectoryRecord(path: "/Users/\(user.userName)", objectID: 1_000_000_000_000_000 + (Int64(user.id) ?? 0))
        }
        return directories + homes
    }

    /// Removes a principal from every group's members; true when any group changed.
    mutating func removeFromAllGroups(_ memberID: String) -> Bool {
        var changed = false
        for index in groups.indices where groups[index].members.contains(memberID) {
            groups[index].members.removeAll { $0 == memberID }
            changed = true
        }
        return changed
    }

    /// Drops every direct ACL entry naming `principal` (a deleted identity leaves no grants behind).
    mutating func removeACLEntries(for principal: PrincipalRef) {
        for key in acls.keys {
            acls[key]?.removeAll { $0.principal == principal }
        }
    }

    /// Whether a display name is taken by a group the namespace shares: workspace groups and
    /// assigned account groups in the workspace; account groups in the account.
    func groupNameTaken(_ name: String, inWorkspace: Bool) -> Bool {
        let folded = name.lowercased()
        return groups.contains {
            $0.displayName.lowercased() == folded && (inWorkspace ? isInWorkspace($0) : $0.origin == .account)
        }
    }
}

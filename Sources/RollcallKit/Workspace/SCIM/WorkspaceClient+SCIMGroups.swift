/// Workspace groups through SCIM: lookup with members and entitlements, create, membership and
/// entitlement changes, delete.
extension WorkspaceClient {
    /// The group named `displayName` (compared case-insensitively, as SCIM's `eq` does), with its
    /// members, entitlements and `meta.resourceType`; nil when there is none. The built-in group is
    /// found as `users`; pass `includeMembers: false` for it, since it lists every user of the
    /// workspace (`memberIDs` is then empty).
    public func findGroup(displayName: String, includeMembers: Bool = true) async throws(WorkspaceError) -> SCIMGroup? {
        var query: [(name: String, value: String)] = [("filter", SCIMFilter.equals("displayName", displayName))]
        if !includeMembers { query.append(("attributes", "id,displayName,entitlements,meta")) }
        let request = WorkspaceRequest.get(SCIMPaths.groups, query: query, family: .scimReads)
        let page = try await decode(SCIMWire.ListResponse<SCIMWire.Group>.self, from: request)
        let groups = (page.Resources ?? []).map(\.model)
        return groups.first { $0.displayName == displayName }
            ?? groups.first { $0.displayName.lowercased() == displayName.lowercased() }
    }

    /// The groups among `displayNames` that exist, keyed by the name asked for, with members and
    /// entitlements: one request per 50 names (`displayName eq "a" or ...`).
    public func findGroups(displayNames: [String]) async throws(WorkspaceError) -> [String: SCIMGroup] {
        var found: [String: SCIMGroup] = [:]
        for batch in SCIMFilter.batches(displayNames) {
            let request = WorkspaceRequest.get(
                SCIMPaths.groups,
                query: [("filter", SCIMFilter.anyOf("displayName", batch)), ("count", String(batch.count))],
                family: .scimReads)
            let groups = try await decode(SCIMWire.ListResponse<SCIMWire.Group>.self, from: request).Resources ?? []
            for group in groups.map(\.model) {
                for name in batch where found[name] == nil && group.displayName.lowercased() == name.lowercased() {
                    found[name] = group
                }
            }
        }
        return found
    }

    /// Creates a workspace group with `entitlements`. A 409 reads the existing group back (see
    /// ``createUser(userName:displayName:)`` for how `.created` and `.alreadyExisted` are told apart).
    public func createGroup(displayName: String, entitlements: [String]) async throws(WorkspaceError)
        -> CreationOutcome<SCIMGroup>
    {
        let body = SCIMWire.NewGroup(
            displayName: displayName, entitlements: entitlements.map(SCIMWire.ComplexValue.init(value:)))
        let request = try WorkspaceRequest.json(.post, SCIMPaths.groups, body: body, family: .scimWrites)
        do throws(WorkspaceError) {
            var created = try await decode(SCIMWire.Group.self, from: request).model
            if created.displayName.isEmpty { created.displayName = displayName }
            return .created(created)
        } catch {
            guard let failure = error.apiFailure, failure.isAlreadyExists else { throw error }
            let existing = try await readBack(error) { () async throws(WorkspaceError) -> SCIMGroup? in
                try await findGroup(displayName: displayName)
            }
            return failure.earlierAttemptMayHaveApplied ? .created(existing) : .alreadyExisted(existing)
        }
    }

    /// Adds members in one PATCH (callers chunk at 100). Adding an existing member is harmless, so
    /// a retried PATCH is safe. No request when `memberIDs` is empty.
    public func addMembers(groupID: String, memberIDs: [String]) async throws(WorkspaceError) {
        guard !memberIDs.isEmpty else { return }
        try await patchGroup(
            groupID, [SCIMWire.Operation(op: "add", path: "members", value: memberIDs.map(SCIMWire.ComplexValue.init))])
    }

    /// Removes one member (`members[value eq "id"]`).
    public func removeMember(groupID: String, memberID: String) async throws(WorkspaceError) {
        try await removeMembers(groupID: groupID, memberIDs: [memberID])
    }

    /// Removes several members in one PATCH (one `remove` operation each); no request when empty.
    public func removeMembers(groupID: String, memberIDs: [String]) async throws(WorkspaceError) {
        guard !memberIDs.isEmpty else { return }
        try await patchGroup(
            groupID,
            memberIDs.map {
                SCIMWire.Operation(op: "remove", path: "members[value eq \(SCIMFilter.quoted($0))]", value: nil)
            })
    }

    /// Adds entitlements such as `workspace-access`; no request when the list is empty.
    public func addEntitlements(groupID: String, _ entitlements: [String]) async throws(WorkspaceError) {
        guard !entitlements.isEmpty else { return }
        try await patchGroup(
            groupID,
            [SCIMWire.Operation(op: "add", path: "entitlements", value: entitlements.map(SCIMWire.ComplexValue.init))])
    }

    /// Removes entitlements (the `users` group lockdown); no request when the list is empty.
    public func removeEntitlements(groupID: String, _ entitlements: [String]) async throws(WorkspaceError) {
        guard !entitlements.isEmpty else { return }
        try await patchGroup(
            groupID,
            [SCIMWire.Operation(op: "remove", path: "entitlements", value: entitlements.map(SCIMWire.ComplexValue.init))]
        )
    }

    /// Deletes a group; a 404 counts as already gone.
    public func deleteGroup(id: String) async throws(WorkspaceError) -> RemovalOutcome {
        try await delete(SCIMPaths.group(id))
    }

    private func patchGroup(_ groupID: String, _ operations: [SCIMWire.Operation]) async throws(WorkspaceError) {
        let request = try WorkspaceRequest.json(
            .patch, SCIMPaths.group(groupID), body: SCIMWire.Patch(Operations: operations), family: .scimWrites)
        _ = try await send(request)  // the SDKs ignore PATCH bodies too
    }
}

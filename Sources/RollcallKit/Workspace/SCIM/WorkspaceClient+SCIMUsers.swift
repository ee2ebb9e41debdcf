/// Workspace users through SCIM: counting, batched lookups, paged listing, create and delete.
extension WorkspaceClient {
    /// The token's own user (`GET .../Me`), and whether it is a workspace admin: a cheap first
    /// request that tells a bad token or missing admin rights apart before any work starts.
    public func currentIdentity() async throws(WorkspaceError) -> WorkspaceIdentity {
        let me = try await decode(SCIMWire.User.self, from: .get(SCIMPaths.base + "/Me", family: .scimReads))
        let isAdmin = (me.groups ?? []).contains { $0.display == "admins" }
        return WorkspaceIdentity(user: me.model, isWorkspaceAdmin: isAdmin)
    }

    /// Users in the workspace (a `count=1` listing's `totalResults`), to choose between filtered
    /// lookups and one full listing.
    public func countUsers() async throws(WorkspaceError) -> Int {
        let request = WorkspaceRequest.get(
            SCIMPaths.users, query: [("attributes", "id"), ("count", "1")], family: .scimReads)
        let page = try await decode(SCIMWire.ListResponse<SCIMWire.User>.self, from: request)
        return page.totalResults ?? page.Resources?.count ?? 0
    }

    /// The users among `userNames` that exist, keyed by lower-cased user name.
    ///
    /// One request per 50 names (`userName eq "a" or userName eq "b" ...`), with
    /// `attributes=id,userName` so the answers stay small.
    public func findUsers(userNames: [String]) async throws(WorkspaceError) -> [String: SCIMUser] {
        var found: [String: SCIMUser] = [:]
        for batch in SCIMFilter.batches(userNames.map { $0.lowercased() }) {
            let request = WorkspaceRequest.get(
                SCIMPaths.users,
                query: [
                    ("filter", SCIMFilter.anyOf("userName", batch)), ("attributes", "id,userName"),
                    ("count", String(batch.count)),
                ],
                family: .scimReads)
            let page = try await decode(SCIMWire.ListResponse<SCIMWire.User>.self, from: request)
            for user in page.Resources ?? [] {
                let model = user.model
                found[model.userName.lowercased()] = model
            }
        }
        return found
    }

    /// Every user in the workspace (id and user name only), following `startIndex` paging.
    ///
    /// Stops at an empty page or once `totalResults` users are read; a short page alone does not
    /// stop it, because the server may cap `count` below what was asked.
    public func listAllUsers(pageSize: Int = 1000) async throws(WorkspaceError) -> [SCIMUser] {
        var users: [SCIMUser] = []
        var startIndex = 1
        while true {
            let request = WorkspaceRequest.get(
                SCIMPaths.users,
                query: [("attributes", "id,userName"), ("startIndex", String(startIndex)), ("count", String(pageSize))],
                family: .scimReads)
            let page = try await decode(SCIMWire.ListResponse<SCIMWire.User>.self, from: request)
            let resources = page.Resources ?? []
            if resources.isEmpty { break }
            users += resources.map(\.model)
            startIndex = (page.startIndex ?? startIndex) + resources.count
            if let total = page.totalResults, startIndex > total { break }
        }
        return users
    }

    /// Creates a user (user name lower-cased, as Databricks stores it) and returns it with its id.
    ///
    /// A 409 means the user exists: if an earlier attempt of this very request was lost on the
    /// wire it is most likely ours (`.created`), otherwise `.alreadyExisted`. Either way the user
    /// is read back by name to get its id.
    public func createUser(userName: String, displayName: String?) async throws(WorkspaceError)
        -> CreationOutcome<SCIMUser>
    {
        let userName = userName.lowercased()
        let request = try WorkspaceRequest.json(
            .post, SCIMPaths.users, body: SCIMWire.NewUser(userName: userName, displayName: displayName),
            family: .scimWrites)
        do throws(WorkspaceError) {
            let created = try await decode(SCIMWire.User.self, from: request)
            return .created(created.model)
        } catch {
            guard let failure = error.apiFailure, failure.isAlreadyExists else { throw error }
            let existing = try await readBack(error) { () async throws(WorkspaceError) -> SCIMUser? in
                try await findUsers(userNames: [userName])[userName]
            }
            return failure.earlierAttemptMayHaveApplied ? .created(existing) : .alreadyExisted(existing)
        }
    }

    /// Deletes a user; a 404 counts as already gone.
    public func deleteUser(id: String) async throws(WorkspaceError) -> RemovalOutcome {
        try await delete(SCIMPaths.user(id))
    }

    /// Sends a DELETE; 404 means there was nothing to delete.
    func delete(_ path: String) async throws(WorkspaceError) -> RemovalOutcome {
        do throws(WorkspaceError) {
            _ = try await send(WorkspaceRequest(method: .delete, path: path, family: .scimWrites))
            return .removed
        } catch {
            if let failure = error.apiFailure, failure.isNotFound { return .alreadyAbsent }
            throw error
        }
    }

    /// Reads an object that a 409 said exists, allowing for SCIM's eventual consistency (reads can
    /// lag writes by seconds): up to four reads, 0.5 s, 1 s and 2 s apart. If it never shows up,
    /// the original conflict is thrown.
    func readBack<Value>(
        _ conflict: WorkspaceError, _ read: () async throws(WorkspaceError) -> Value?
    ) async throws(WorkspaceError) -> Value {
        var wait = 0.5
        for attempt in 0..<4 {
            if attempt > 0 {
                await pacing.clock.sleep(until: pacing.clock.now() + wait)
                wait *= 2
            }
            if let value = try await read() { return value }
        }
        throw conflict
    }
}

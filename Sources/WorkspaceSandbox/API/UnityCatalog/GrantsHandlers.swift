/// `GET`/`PATCH /api/2.1/unity-catalog/permissions/{securable_type}/{full_name}` (databricks-api.md §5).
extension WorkspaceEngine {
    /// The securable the path names.
    func resolveSecurable(_ context: RequestContext) throws(UnityCatalogError) -> Securable {
        let typeText = context.param("securable_type")
        let name = context.param("full_name")
        guard let kind = Securable.Kind(rawValue: typeText.lowercased()) else {
            throw .unsupportedSecurableType(typeText)
        }
        guard let securable = state.securable(kind, name) else { throw .missing(kind, name) }
        return securable
    }

    func renderGrants(_ securable: Securable, principal: String?) -> Reply {
        guard state.securable(securable.kind, securable.fullName) != nil else {
            return UnityCatalogError.missing(securable.kind, securable.fullName).reply
        }
        var entries = state.grantEntries(securable)
        if let principal { entries = entries.filter { $0.principal.lowercased() == principal.lowercased() } }
        let assignments = entries.map { ["principal": $0.principal, "privileges": $0.privileges] as JSONObject }
        return .ok(["privilege_assignments": assignments])
    }

    /// Statements that finished since the last request are applied first, so SQL grants show here.
    mutating func getGrants(_ context: RequestContext) -> Reply {
        let advanced = advanceStatements(now: context.now)
        var reply: Reply
        do throws(UnityCatalogError) {
            let securable = try resolveSecurable(context)
            if let principal = context.query("principal"), !principal.isEmpty {
                reply = renderGrants(securable, principal: principal)
            } else {
                reply = read(.grants(securable), now: context.now)
            }
        } catch {
            reply = error.reply
        }
        reply.mutated = advanced
        return reply
    }

    /// Validates every change before applying any.
    mutating func updateGrants(_ context: RequestContext) -> Reply {
        let advanced = advanceStatements(now: context.now)
        var reply: Reply
        do throws(UnityCatalogError) {
            let securable = try resolveSecurable(context)
            guard let body = context.body else { throw UnityCatalogError.malformedBody }
            var changes: [(principal: String, add: [String], remove: [String])] = []
            for change in JSONBody.objects(body["changes"]) ?? [] {
                changes.append(try validatedChange(change, on: securable))
            }
            let before = snapshot(.grants(securable))
            var mutated = false
            for change in changes {
                mutated = state.changeGrants(securable, principal: change.principal, add: change.add,
                                             remove: change.remove) || mutated
            }
            reply = body["omit_permissions_in_response"] as? Bool == true
                ? .ok([String: Any]()) : renderGrants(securable, principal: nil)
            reply.mutated = mutated
            reply = commit(.grants(securable), before: before, reply, now: context.now)
        } catch {
            reply = error.reply
        }
        reply.mutated = reply.mutated || advanced
        return reply
    }

    private func validatedChange(_ change: JSONObject, on securable: Securable) throws(UnityCatalogError)
        -> (principal: String, add: [String], remove: [String])
    {
        guard let principalText = change["principal"] as? String, !principalText.isEmpty else {
            throw .principalRequired
        }
        let add = (change["add"] as? [Any] ?? []).compactMap { $0 as? String }
        let remove = (change["remove"] as? [Any] ?? []).compactMap { $0 as? String }
        for privilege in add + remove where !securable.kind.privileges.contains(privilege) {
            throw .notAllowed(privilege: privilege, on: securable.kind)
        }
        guard Set(add).isDisjoint(with: remove) else { throw .addAndRemove(principal: principalText) }
        guard let principal = state.catalogPrincipal(principalText) else { throw .principalNotFound(principalText) }
        return (principal, add, remove)
    }
}

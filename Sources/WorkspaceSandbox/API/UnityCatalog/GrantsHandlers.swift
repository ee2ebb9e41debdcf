/// `GET`/`PATCH /api/2.1/unity-catalog/permissions/{securable_type}/{full_name}` (databricks-api.md §5).
extension WorkspaceEngine {
    /// The securable of the path, or the error Unity Catalog answers.
    func resolveSecurable(_ context: RequestContext) -> Result<Securable, ReplyError> {
        let typeText = context.param("securable_type")
        let name = context.param("full_name")
        guard let kind = Securable.Kind(rawValue: typeText.lowercased()) else {
            return .failure(ReplyError(APIError.invalidParameter("Unsupported securable type: \(typeText)")))
        }
        guard let securable = state.securable(kind, name) else {
            return .failure(ReplyError(UnityCatalogErrors.missing(kind, name)))
        }
        return .success(securable)
    }

    func renderGrants(_ securable: Securable, principal: String?) -> Reply {
        guard state.securable(securable.kind, securable.fullName) != nil else {
            return UnityCatalogErrors.missing(securable.kind, securable.fullName)
        }
        var entries = state.grantEntries(securable)
        if let principal { entries = entries.filter { $0.principal.lowercased() == principal.lowercased() } }
        let assignments = entries.map { ["principal": $0.principal, "privileges": $0.privileges] as JSONObject }
        return .ok(["privilege_assignments": assignments])
    }

    mutating func getGrants(_ context: RequestContext) -> Reply {
        let advanced = advanceStatements(now: context.now)
        switch resolveSecurable(context) {
        case .failure(let error):
            return error.reply
        case .success(let securable):
            var reply: Reply
            if let principal = context.query("principal"), !principal.isEmpty {
                reply = renderGrants(securable, principal: principal)
            } else {
                reply = read(.grants(securable), now: context.now)
            }
            reply.mutated = advanced
            return reply
        }
    }

    /// Validates every change before applying any: spaced privilege names and add+remove of the same
    /// privilege are 400 INVALID_PARAMETER_VALUE; principals must be account principals.
    mutating func updateGrants(_ context: RequestContext) -> Reply {
        let advanced = advanceStatements(now: context.now)
        let securable: Securable
        switch resolveSecurable(context) {
        case .failure(let error): return error.reply
        case .success(let value): securable = value
        }
        guard let body = context.body else {
            return APIError.malformedRequest("Invalid JSON given in the body of the request")
        }
        var changes: [(principal: String, add: [String], remove: [String])] = []
        for change in JSONBody.objects(body["changes"]) ?? [] {
            guard let principalText = change["principal"] as? String, !principalText.isEmpty else {
                return APIError.invalidParameter("Principal is required")
            }
            let add = (change["add"] as? [Any] ?? []).compactMap { $0 as? String }
            let remove = (change["remove"] as? [Any] ?? []).compactMap { $0 as? String }
            for privilege in add + remove where !securable.kind.privileges.contains(privilege) {
                return APIError.invalidParameter("\(privilege) is not allowed on \(securable.kind.rawValue)")
            }
            if !Set(add).isDisjoint(with: remove) {
                // Quoted from CLI-TS (databricks-api.md §5).
                return APIError.invalidParameter("Duplicate privileges to add and delete for principal \(principalText).")
            }
            guard let principal = state.catalogPrincipal(principalText) else {
                return UnityCatalogErrors.principalNotFound(principalText)
            }
            changes.append((principal, add, remove))
        }
        let before = snapshot(.grants(securable))
        var mutated = false
        for change in changes {
            mutated = state.changeGrants(securable, principal: change.principal, add: change.add, remove: change.remove)
                || mutated
        }
        var reply = renderGrants(securable, principal: nil)
        if body["omit_permissions_in_response"] as? Bool == true { reply = .ok([String: Any]()) }
        reply.mutated = mutated || advanced
        return commit(.grants(securable), before: before, reply, now: context.now)
    }
}

/// Unity Catalog's error bodies.
enum UnityCatalogErrors {
    static func missing(_ kind: Securable.Kind, _ name: String) -> Reply {
        switch kind {
        case .catalog: APIError.platform(404, "CATALOG_DOES_NOT_EXIST", "Catalog '\(name)' does not exist.")
        case .schema: APIError.platform(404, "SCHEMA_DOES_NOT_EXIST", "Schema '\(name)' does not exist.")
        case .connection: APIError.doesNotExist("Connection '\(name)' does not exist.")
        }
    }

    /// "Could not find principal with name X" (databricks-api.md §2, TF #4680).
    static func principalNotFound(_ name: String) -> Reply {
        APIError.platform(404, "PRINCIPAL_DOES_NOT_EXIST", "Could not find principal with name \(name)")
    }
}

/// A ready error reply carried through a `Result`.
struct ReplyError: Error {
    var reply: Reply
    init(_ reply: Reply) { self.reply = reply }
}

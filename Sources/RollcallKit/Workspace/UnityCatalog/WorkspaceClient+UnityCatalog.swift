/// Unity Catalog grants through REST, the alternative to SQL that needs no warehouse.
extension WorkspaceClient {
    /// Privileges held directly on a securable, per principal, in REST spelling (`USE_CATALOG`).
    public func unityCatalogGrants(on securable: UnityCatalogGrant.Securable, name: String)
        async throws(WorkspaceError) -> [String: Set<String>]
    {
        var grants: [String: Set<String>] = [:]
        var token: String?
        for _ in 0..<Self.maximumLookupPages {
            var query: [(name: String, value: String)] = []
            if let token { query.append(("page_token", token)) }
            let page = try await decode(
                UnityCatalogWire.Assignments.self,
                from: .get(Self.unityCatalogPath(securable, name), query: query, family: .unityCatalog))
            grants.merge(page.privilegesByPrincipal) { $0.union($1) }
            guard let next = page.next_page_token, !next.isEmpty, next != token else { break }
            token = next
        }
        return grants
    }

    /// Applies privilege changes in one PATCH; returns the privileges per principal afterwards.
    @discardableResult
    public func updateUnityCatalogGrants(
        on securable: UnityCatalogGrant.Securable, name: String, changes: [UnityCatalogChange]
    ) async throws(WorkspaceError) -> [String: Set<String>] {
        let body = UnityCatalogWire.Update(
            changes: changes.map {
                UnityCatalogWire.Change(
                    principal: $0.principal, add: $0.add.map(UnityCatalogPrivilege.restSpelling),
                    remove: $0.remove.map(UnityCatalogPrivilege.restSpelling))
            })
        let request = try WorkspaceRequest.json(
            .patch, Self.unityCatalogPath(securable, name), body: body, family: .unityCatalog)
        return try await decode(UnityCatalogWire.Assignments.self, from: request).privilegesByPrincipal
    }

    static func unityCatalogPath(_ securable: UnityCatalogGrant.Securable, _ name: String) -> String {
        "/api/2.1/unity-catalog/permissions/\(securable.rawValue)/\(URLEncoding.pathSegment(name))"
    }
}

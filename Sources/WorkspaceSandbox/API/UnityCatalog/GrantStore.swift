/// The one grant store the SQL and REST paths share, with Unity Catalog's principal rules.
extension WorkspaceState {
    /// The stored securable (case-insensitive names, as Unity Catalog's), or nil when missing.
    func securable(_ kind: Securable.Kind, _ name: String) -> Securable? {
        let folded = name.lowercased()
        let names: [String]
        switch kind {
        case .catalog: names = catalogs
        case .schema: names = schemas
        case .connection: names = connections
        }
        return names.first { $0.lowercased() == folded }.map { Securable(kind: kind, fullName: $0) }
    }

    /// Unity Catalog only knows account principals: account users (by userName), account groups
    /// (workspace-local groups are "not found", databricks-api.md §2), service principals by
    /// applicationId, and the built-in `account users`. Returns the stored spelling.
    func catalogPrincipal(_ name: String) -> String? {
        let folded = name.lowercased()
        if folded == "account users" { return "account users" }
        if let index = userIndex(userName: name) { return users[index].userName }
        if let group = groups.first(where: { $0.origin == .account && $0.displayName.lowercased() == folded }) {
            return group.displayName
        }
        return servicePrincipals.first { $0.applicationId.lowercased() == folded }?.applicationId
    }

    func grantEntries(_ securable: Securable) -> [GrantEntry] { grants[securable.key] ?? [] }

    /// Applies removals, then additions; removing ALL_PRIVILEGES removes everything (as
    /// `REVOKE ALL PRIVILEGES`). Privileges are kept sorted; empty entries dropped. True when changed.
    mutating func changeGrants(_ securable: Securable, principal: String, add: [String], remove: [String]) -> Bool {
        var entries = grants[securable.key] ?? []
        let index = entries.firstIndex { $0.principal == principal }
        var privileges = Set(index.map { entries[$0].privileges } ?? [])
        let before = privileges
        if remove.contains("ALL_PRIVILEGES") { privileges = [] } else { privileges.subtract(remove) }
        privileges.formUnion(add)
        guard privileges != before else { return false }
        let entry = GrantEntry(principal: principal, privileges: privileges.sorted())
        if let index {
            if privileges.isEmpty { entries.remove(at: index) } else { entries[index] = entry }
        } else {
            entries.append(entry)
        }
        grants[securable.key] = entries.isEmpty ? nil : entries
        return true
    }
}

/// Runs a finished statement against the grant store (databricks-api.md §5). Failures are
/// outcomes, not HTTP errors: the API answers 200 with `status.state: FAILED`.
extension WorkspaceState {
    static let showGrantsColumns = ["Principal", "ActionType", "ObjectType", "ObjectKey"]

    /// Executes `sql`; the outcome and whether the grants changed. A one-part schema name is
    /// looked up in `defaultCatalog` (the request's `catalog`).
    mutating func execute(_ sql: String, defaultCatalog: String? = nil) -> (StatementOutcome, changed: Bool) {
        var statement: GrantStatement
        switch GrantStatement.parse(sql) {
        case .failure(let error):
            return (.failed("BAD_REQUEST", error.message, sqlState: "42601"), false)
        case .success(let parsed):
            statement = parsed
        }
        if let defaultCatalog { statement = statement.qualifyingSchemas(in: defaultCatalog) }
        switch statement {
        case .grant(let privileges, let name, let principal), .revoke(let privileges, let name, let principal):
            let isGrant = if case .grant = statement { true } else { false }
            guard let securable = securable(name.kind, name.fullName) else { return (Self.missing(name), false) }
            var restNames: [String] = []
            for privilege in privileges {
                let rest = PrivilegeName.rest(privilege == "ALL" ? "ALL PRIVILEGES" : privilege)
                guard name.kind.privileges.contains(rest) else {
                    return (.failed("BAD_REQUEST",
                                    "[INVALID_PRIVILEGE] Privilege \(privilege) is not valid for \(name.objectType).",
                                    sqlState: "42852"), false)
                }
                restNames.append(rest)
            }
            guard let stored = catalogPrincipal(principal) else { return (Self.unknownPrincipal(principal), false) }
            let changed = changeGrants(securable, principal: stored, add: isGrant ? restNames : [],
                                       remove: isGrant ? [] : restNames)
            return (StatementOutcome(state: .succeeded), changed)
        case .showGrants(let principal, let name):
            guard let securable = securable(name.kind, name.fullName) else { return (Self.missing(name), false) }
            var entries = grantEntries(securable)
            if let principal {
                guard let stored = catalogPrincipal(principal) else { return (Self.unknownPrincipal(principal), false) }
                entries = entries.filter { $0.principal == stored }
            }
            let rows = entries.flatMap { entry in
                entry.privileges.map { [entry.principal, PrivilegeName.sql($0), name.objectType, securable.fullName] }
            }
            return (StatementOutcome(state: .succeeded, columns: Self.showGrantsColumns, rows: rows), false)
        }
    }

    private static func missing(_ name: GrantStatement.SecurableName) -> StatementOutcome {
        switch name.kind {
        case .catalog:
            .failed("NOT_FOUND", "[NO_SUCH_CATALOG_EXCEPTION] Catalog '\(name.fullName)' was not found. Please verify the catalog name and then retry the query or command again. SQLSTATE: 42704", sqlState: "42704")
        case .schema:
            .failed("NOT_FOUND", "[SCHEMA_NOT_FOUND] The schema `\(name.parts.joined(separator: "`.`"))` cannot be found. Verify the spelling and correctness of the schema and catalog. SQLSTATE: 42704", sqlState: "42704")
        case .connection:
            .failed("NOT_FOUND", "[CONNECTION_NOT_FOUND] Connection '\(name.fullName)' does not exist. SQLSTATE: 42704", sqlState: "42704")
        }
    }

    /// Unity Catalog knows only account principals (databricks-api.md §2, TF #4680).
    private static func unknownPrincipal(_ name: String) -> StatementOutcome {
        .failed("NOT_FOUND", "[PRINCIPAL_DOES_NOT_EXIST] Could not find principal with name \(name). SQLSTATE: 42704",
                sqlState: "42704")
    }
}

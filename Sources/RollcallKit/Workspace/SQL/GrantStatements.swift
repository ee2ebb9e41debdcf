/// GRANT, REVOKE and SHOW GRANTS statements for Unity Catalog securables, fully quoted.
public enum GrantStatements {
    /// `CATALOG `x``, `SCHEMA `a`.`b``, `CONNECTION `c``. Only schemas are split at the dot:
    /// catalog and connection names are single identifiers.
    public static func securable(_ securable: UnityCatalogGrant.Securable, name: String) throws(WorkspaceError)
        -> String
    {
        switch securable {
        case .catalog: "CATALOG " + (try SQLQuoting.identifier(name))
        case .connection: "CONNECTION " + (try SQLQuoting.identifier(name))
        case .schema:
            "SCHEMA "
                + (try SQLQuoting.qualifiedName(name.split(separator: ".", maxSplits: 1).map(String.init)))
        }
    }

    /// `GRANT P1, P2 ON <securable> TO `principal``.
    public static func grant(
        _ privileges: [String], on securable: UnityCatalogGrant.Securable, name: String, to principal: String
    ) throws(WorkspaceError) -> String {
        "GRANT \(try privilegeList(privileges)) ON \(try self.securable(securable, name: name)) TO "
            + (try SQLQuoting.identifier(principal))
    }

    /// `REVOKE P1, P2 ON <securable> FROM `principal``.
    public static func revoke(
        _ privileges: [String], on securable: UnityCatalogGrant.Securable, name: String, from principal: String
    ) throws(WorkspaceError) -> String {
        "REVOKE \(try privilegeList(privileges)) ON \(try self.securable(securable, name: name)) FROM "
            + (try SQLQuoting.identifier(principal))
    }

    /// `SHOW GRANTS [`principal`] ON <securable>`.
    public static func showGrants(
        on securable: UnityCatalogGrant.Securable, name: String, principal: String? = nil
    ) throws(WorkspaceError) -> String {
        let who = try principal.map { (principal) throws(WorkspaceError) in try SQLQuoting.identifier(principal) + " " }
        return "SHOW GRANTS \(who ?? "")ON \(try self.securable(securable, name: name))"
    }

    private static func privilegeList(_ privileges: [String]) throws(WorkspaceError) -> String {
        guard !privileges.isEmpty else { throw .invalidRequest(detail: "a GRANT needs at least one privilege") }
        var spelled: [String] = []
        for privilege in privileges { spelled.append(try SQLQuoting.privilege(privilege)) }
        return spelled.joined(separator: ", ")
    }
}

/// Everything the sandbox knows, as one Codable value: saved to and loaded from `--state FILE`,
/// dumped by `GET /sandbox/state`.
struct WorkspaceState: Codable, Sendable, Equatable {
    /// Next SCIM id to hand out (SCIM ids are int64 rendered as strings, §1).
    var nextID: Int64
    /// The identity behind the workspace token (`Me`).
    var adminUserID: String
    /// Account users; workspace SCIM shows those with an assignment.
    var users: UserTable
    var groups: [GroupRecord]
    var servicePrincipals: [ServicePrincipalRecord]
    /// Workspace assignment per principal id: `["USER"]` or `["ADMIN"]` (§2).
    var assignments: [String: [String]]
    /// Direct ACL entries per object key `"<type>/<id>"` (type in the path's plural form).
    var acls: [String: [ACLEntry]]
    /// Unity Catalog grants per securable key `"<type>/<full name>"`.
    var grants: [String: [GrantEntry]]
    var clusters: [ClusterRecord]
    var warehouses: [WarehouseRecord]
    var directories: [DirectoryRecord]
    var servingEndpoints: [ServingEndpointRecord]
    var catalogs: [String]
    /// Schemas by full name `catalog.schema`.
    var schemas: [String]
    var connections: [String]
    var statements: [StatementRecord]

    mutating func makeID() -> String {
        defer { nextID += 1 }
        return String(nextID)
    }
}

/// Groups of Databricks endpoints that share one server-side rate limit, so each gets its own pacer.
/// (Named apart from the sandbox's `APIFamily`, so a file importing both modules needs no qualification.)
public enum RequestFamily: String, CaseIterable, Sendable, Hashable {
    case scimReads
    case scimWrites
    case permissionsReads
    case permissionsWrites
    case sqlStatements
    case lookups
    case unityCatalog
    case accountSCIMReads
    case accountSCIMWrites
    case accountSCIMPatches

    /// The server's limit in requests per second.
    ///
    /// Documented figures (databricks-api.md section 6): SCIM GET 255/min, permissions GET 100/s,
    /// PUT/PATCH 30/s, account SCIM GET 20/s, POST/PUT/DELETE 5/s, PATCH 2/s. Databricks publishes
    /// none for SCIM writes, SQL statements, lookups or UC REST; those use the sandbox's realistic
    /// figures (10, 10, 20, 30 per second).
    public var publishedRequestsPerSecond: Double {
        switch self {
        case .scimReads: 255.0 / 60.0
        case .scimWrites: 10
        case .permissionsReads: 100
        case .permissionsWrites: 30
        case .sqlStatements: 10
        case .lookups: 20
        case .unityCatalog: 30
        case .accountSCIMReads: 20
        case .accountSCIMWrites: 5
        case .accountSCIMPatches: 2
        }
    }
}

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

    /// The server's limit in requests per second, where a source gives one.
    ///
    /// Documented figures (databricks-api.md section 6): SCIM GET 255/min, permissions GET 100/s,
    /// PUT/PATCH 30/s, account SCIM GET 20/s; account SCIM POST/PUT/DELETE 5/s and PATCH 2/s come
    /// from a low-confidence table but are kept: those calls are few, so pacing them costs little.
    /// Databricks publishes none for SCIM writes, SQL statements, lookups or UC REST: nil, and
    /// their pacers learn the rate from the server's first throttle instead.
    public var documentedRequestsPerSecond: Double? {
        switch self {
        case .scimReads: 255.0 / 60.0
        case .permissionsReads: 100
        case .permissionsWrites: 30
        case .accountSCIMReads: 20
        case .accountSCIMWrites: 5
        case .accountSCIMPatches: 2
        case .scimWrites, .sqlStatements, .lookups, .unityCatalog: nil
        }
    }
}

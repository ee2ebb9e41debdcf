/// A group of Databricks endpoints that share one rate limit, with the rate the sandbox assumes for it.
///
/// Figures come from `databricks-api.md` section 6 (secondary sources: UCX and published rate-limit
/// tables; Databricks' own table was not readable). Endpoints outside every family (OAuth, discovery,
/// account workspace assignment) are not rate limited.
public enum APIFamily: String, Sendable, Hashable, CaseIterable, Codable {
    /// Workspace SCIM GET (Users, Groups, ServicePrincipals, Me): 255 per minute.
    case scimReads
    /// Workspace SCIM POST, PUT, PATCH, DELETE: 10 per second.
    case scimWrites
    /// Permissions GET (including `/permissionLevels`): 100 per second.
    case permissionsReads
    /// Permissions PUT and PATCH: 30 per second.
    case permissionsWrites
    /// SQL Statement Execution, any method on `/api/2.0/sql/statements*`: 10 per second.
    case sqlStatements
    /// Clusters, SQL warehouses, workspace objects, serving endpoints: 20 per second.
    case lookups
    /// Unity Catalog REST (`/api/2.1/unity-catalog/*`): 30 per second.
    case unityCatalog
    /// Account SCIM GET: 20 per second.
    case accountSCIMReads
    /// Account SCIM POST, PUT, DELETE: 5 per second.
    case accountSCIMWrites
    /// Account SCIM PATCH: 2 per second.
    case accountSCIMPatches

    /// Sustained rate of the family's token bucket.
    public var requestsPerSecond: Double {
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

    /// Bucket size: one second's worth of requests, at least one.
    public var burst: Double {
        max(1, requestsPerSecond)
    }

    /// The least time `count` back-to-back requests of this family take under `realistic` limits,
    /// starting from a full bucket: the floor a benchmark compares a client's wall time with.
    public func minimumSeconds(forRequests count: Int) -> Double {
        guard Double(count) > burst.rounded(.down) else { return 0 }
        return (Double(count) - burst) / requestsPerSecond
    }

    /// Workspace SCIM is the API that sometimes answers a throttle with HTTP 500 instead of 429.
    public var isWorkspaceSCIM: Bool {
        self == .scimReads || self == .scimWrites
    }

    /// Named like the RPC in Databricks' throttle messages ("GetUserPermissionsRequest RPC token bucket ...").
    var rpcName: String {
        switch self {
        case .scimReads: "ScimGetRequest"
        case .scimWrites: "ScimWriteRequest"
        case .permissionsReads: "GetPermissionsRequest"
        case .permissionsWrites: "UpdatePermissionsRequest"
        case .sqlStatements: "ExecuteStatementRequest"
        case .lookups: "ListResourcesRequest"
        case .unityCatalog: "UnityCatalogPermissionsRequest"
        case .accountSCIMReads: "AccountScimGetRequest"
        case .accountSCIMWrites: "AccountScimWriteRequest"
        case .accountSCIMPatches: "AccountScimPatchRequest"
        }
    }

    /// The family of a request, or nil when the sandbox does not rate limit it.
    /// `path` is the percent-decoded path without the query.
    public static func classify(method: String, path: String) -> APIFamily? {
        let isRead = method == "GET" || method == "HEAD"
        if path.hasPathPrefix("/api/2.0/preview/scim/v2") {
            return isRead ? .scimReads : .scimWrites
        }
        if path.hasPathPrefix("/api/2.0/permissions") {
            return isRead ? .permissionsReads : .permissionsWrites
        }
        if path.hasPathPrefix("/api/2.0/sql/statements") {
            return .sqlStatements
        }
        let lookupPrefixes = [
            "/api/2.0/clusters", "/api/2.1/clusters", "/api/2.0/sql/warehouses", "/api/2.0/workspace",
            "/api/2.0/serving-endpoints",
        ]
        if lookupPrefixes.contains(where: path.hasPathPrefix) {
            return .lookups
        }
        if path.hasPathPrefix("/api/2.1/unity-catalog") || path.hasPathPrefix("/api/2.0/unity-catalog") {
            return .unityCatalog
        }
        if isAccountSCIM(path) {
            switch method {
            case "GET", "HEAD": return .accountSCIMReads
            case "PATCH": return .accountSCIMPatches
            default: return .accountSCIMWrites
            }
        }
        return nil
    }

    /// `/api/2.0/accounts/{account_id}/scim/v2/...`
    private static func isAccountSCIM(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return segments.count >= 5 && segments[0] == "api" && segments[1] == "2.0" && segments[2] == "accounts"
            && segments[4] == "scim"
    }
}

extension String {
    /// `self` is `prefix` or lies below it: `/a/b` is under `/a`, `/ab` is not.
    fileprivate func hasPathPrefix(_ prefix: String) -> Bool {
        guard hasPrefix(prefix) else { return false }
        return count == prefix.count || dropFirst(prefix.count).first == "/"
    }
}

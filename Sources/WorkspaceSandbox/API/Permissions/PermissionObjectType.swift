/// The object types whose ACLs the sandbox models, keyed by their path segment in
/// `/api/2.0/permissions/{type}/{id}` (databricks-api.md §3).
enum PermissionObjectType: String, CaseIterable, Sendable {
    case clusters
    case warehouses
    /// TF's spelling of warehouses; both work and share one ACL (§3, TF ISSUE-4143).
    case sqlWarehouses = "sql/warehouses"
    case directories
    case servingEndpoints = "serving-endpoints"

    static var pathTypes: [String] { allCases.map(\.rawValue) }

    /// The singular `object_type` responses carry (CLI-TS mapping, §3: sql/warehouses -> warehouses).
    var objectType: String {
        switch self {
        case .clusters: "cluster"
        case .warehouses, .sqlWarehouses: "warehouses"
        case .directories: "directory"
        case .servingEndpoints: "serving-endpoint"
        }
    }

    /// Where the ACL is stored: both warehouse spellings address the same object.
    var storageType: String { self == .sqlWarehouses ? "warehouses" : rawValue }

    /// The levels valid for the type (§3 table).
    var levels: [String] {
        switch self {
        case .clusters: ["CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE"]
        case .warehouses, .sqlWarehouses: ["CAN_USE", "CAN_MONITOR", "CAN_VIEW", "CAN_MANAGE", "IS_OWNER"]
        case .directories: ["CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_MANAGE"]
        case .servingEndpoints: ["CAN_VIEW", "CAN_QUERY", "CAN_MANAGE"]
        }
    }

    /// Where the admins' CAN_MANAGE is inherited from.
    var rootObject: String { self == .warehouses || self == .sqlWarehouses ? "/sql/warehouses/" : "/\(rawValue)/" }

    /// What a missing object is called in the 404 message.
    var noun: String {
        switch self {
        case .clusters: "Cluster"
        case .warehouses, .sqlWarehouses: "Warehouse"
        case .directories: "Directory"
        case .servingEndpoints: "Serving endpoint"
        }
    }

    /// Every level any Databricks object type knows: one of these on the wrong type is the
    /// backend's INTERNAL_ERROR "Unhandled Permission level" (§3, Databricks.API.PowerShell#69).
    static let knownLevels: Set<String> = [
        "CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE", "CAN_USE", "CAN_MONITOR", "CAN_VIEW", "IS_OWNER",
        "CAN_READ", "CAN_RUN", "CAN_EDIT", "CAN_QUERY", "CAN_MANAGE_RUN", "CAN_BIND", "CAN_MANAGE_STAGING_VERSIONS",
        "CAN_MANAGE_PRODUCTION_VERSIONS",
    ]

    /// Path types Databricks accepts that the sandbox holds no objects of (their ids are 404s).
    static let unmodelledPathTypes: [String] = [
        "alerts", "alertsv2", "apps", "authorization", "cluster-policies", "dashboards", "dbsql-dashboards",
        "experiments", "files", "instance-pools", "jobs", "notebooks", "pipelines", "queries", "registered-models",
        "repos",
    ]

    static let levelDescriptions: [String: String] = [
        "CAN_ATTACH_TO": "Can attach to", "CAN_RESTART": "Can restart", "CAN_MANAGE": "Can manage",
        "CAN_USE": "Can use", "CAN_MONITOR": "Can monitor", "CAN_VIEW": "Can view", "IS_OWNER": "Is owner",
        "CAN_READ": "Can read", "CAN_RUN": "Can run", "CAN_EDIT": "Can edit", "CAN_QUERY": "Can query",
    ]
}

/// One object addressed through the Permissions API.
struct PermissionObject: Sendable {
    var type: PermissionObjectType
    var id: String

    var storageKey: String { "\(type.storageType)/\(id)" }
    /// `object_id` as the response reports it, in the request's spelling (§3).
    var objectID: String { "/\(type.rawValue)/\(id)" }
}

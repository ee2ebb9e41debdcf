/// The kinds of workspace object a roster grants access to, each with its own permission ordering.
///
/// The ordering (least to most) is what keeps re-runs safe: a principal that already holds the wanted
/// level or a higher one is never downgraded.
public enum ResourceKind: String, CaseIterable, Sendable, Hashable, Codable {
    case cluster
    case warehouse
    case directory
    case servingEndpoint

    /// Levels this resource accepts from a roster, least to most.
    public var levels: [PermissionLevel] {
        switch self {
        case .cluster: [.canAttachTo, .canRestart, .canManage]
        case .warehouse: [.canUse, .canMonitor, .canManage, .isOwner]
        case .directory: [.canRead, .canRun, .canEdit, .canManage]
        case .servingEndpoint: [.canQuery, .canManage]
        }
    }

    /// Position of `level` in this resource's ordering, or nil when the level is foreign to it.
    public func rank(of level: PermissionLevel) -> Int? {
        levels.firstIndex(of: level)
    }

    /// Whether holding `held` already satisfies a request for `wanted` (same or higher level).
    public func satisfies(held: PermissionLevel, wanted: PermissionLevel) -> Bool {
        guard let heldRank = rank(of: held), let wantedRank = rank(of: wanted) else { return held == wanted }
        return heldRank >= wantedRank
    }

    /// The roster column (canonical name) that sets this level.
    public var rosterColumn: String {
        switch self {
        case .cluster: "cluster_level"
        case .warehouse: "warehouse_level"
        case .directory: "directory_level"
        case .servingEndpoint: "endpoint_level"
        }
    }

    /// The results CSV column that reports this resource.
    public var resultsColumn: String {
        switch self {
        case .cluster: "cluster"
        case .warehouse: "warehouse"
        case .directory: "directory"
        case .servingEndpoint: "endpoints"
        }
    }

    /// The `{type}` segment of `/api/2.0/permissions/{type}/{id}`.
    public var permissionsPathType: String {
        switch self {
        case .cluster: "clusters"
        case .warehouse: "warehouses"
        case .directory: "directories"
        case .servingEndpoint: "serving-endpoints"
        }
    }

    /// Words a user reads in messages ("cluster", "SQL warehouse", ...).
    public var displayName: String {
        switch self {
        case .cluster: "cluster"
        case .warehouse: "SQL warehouse"
        case .directory: "directory"
        case .servingEndpoint: "serving endpoint"
        }
    }
}

/// What a workshop gives its participants: the groups' entitlements, the lockdown of the built-in
/// `users` group, the workspace objects and levels, and the Unity Catalog grants.
///
/// Read from `--workshop workshop.json`; without it, ``WorkshopConfig/default`` applies
/// (DESIGN section 5). Decoding (with unknown keys rejected) lives in `WorkshopConfigDecoder`.
public struct WorkshopConfig: Sendable, Hashable {
    /// Group for rows whose group cell is empty.
    public var defaultGroup: String
    /// Entitlements every roster group must have.
    public var groupEntitlements: [String]
    /// Entitlements removed from the built-in `users` group, so nobody can create clusters.
    public var lockDownUsersGroup: [String]
    public var cluster: WorkshopResource?
    public var warehouse: WorkshopResource?
    /// `name` is the workspace path of the folder, e.g. `/Shared/workshop`.
    public var directory: WorkshopResource?
    /// Every endpoint gets the same per-group level: the `endpoint_level` column or `defaultLevel`.
    public var servingEndpoints: WorkshopEndpoints?
    public var unityCatalog: UnityCatalogConfig

    public init(
        defaultGroup: String = "workshop-users",
        groupEntitlements: [String] = ["workspace-access", "databricks-sql-access"],
        lockDownUsersGroup: [String] = ["allow-cluster-create", "allow-instance-pool-create"],
        cluster: WorkshopResource? = WorkshopResource(name: "Small Spark 4.0", defaultLevel: .canAttachTo),
        warehouse: WorkshopResource? = WorkshopResource(name: "Starter Warehouse", defaultLevel: .canUse),
        directory: WorkshopResource? = nil,
        servingEndpoints: WorkshopEndpoints? = nil,
        unityCatalog: UnityCatalogConfig = .default
    ) {
        self.defaultGroup = defaultGroup
        self.groupEntitlements = groupEntitlements
        self.lockDownUsersGroup = lockDownUsersGroup
        self.cluster = cluster
        self.warehouse = warehouse
        self.directory = directory
        self.servingEndpoints = servingEndpoints
        self.unityCatalog = unityCatalog
    }

    /// The defaults of DESIGN section 5, used when no `--workshop` file is given.
    public static let `default` = WorkshopConfig()

    /// The configured default level for a resource kind, or nil when the workshop has no such
    /// resource or grants nothing on it by default.
    public func defaultLevel(for kind: ResourceKind) -> PermissionLevel? {
        switch kind {
        case .cluster: cluster?.defaultLevel
        case .warehouse: warehouse?.defaultLevel
        case .directory: directory?.defaultLevel
        case .servingEndpoint: servingEndpoints?.defaultLevel
        }
    }

    /// Whether the workshop has at least one object of this kind.
    public func hasResource(_ kind: ResourceKind) -> Bool {
        switch kind {
        case .cluster: cluster != nil
        case .warehouse: warehouse != nil
        case .directory: directory != nil
        case .servingEndpoint: !(servingEndpoints?.names.isEmpty ?? true)
        }
    }
}

/// One named workspace object and the level a group gets on it when the roster leaves it empty.
public struct WorkshopResource: Sendable, Hashable {
    public var name: String
    /// nil means "no access unless the roster asks for it".
    public var defaultLevel: PermissionLevel?

    public init(name: String, defaultLevel: PermissionLevel?) {
        self.name = name
        self.defaultLevel = defaultLevel
    }
}

/// The workshop's model serving endpoints, found by name; all share one level per group.
public struct WorkshopEndpoints: Sendable, Hashable {
    public var names: [String]
    public var defaultLevel: PermissionLevel?

    public init(names: [String], defaultLevel: PermissionLevel?) {
        self.names = names
        self.defaultLevel = defaultLevel
    }
}

/// Unity Catalog grants given to every roster group.
public struct UnityCatalogConfig: Sendable, Hashable {
    public enum GrantsVia: String, Sendable, Hashable, Codable {
        /// `GRANT ... TO` statements through the SQL Statement Execution API (needs the warehouse).
        case sql
        /// `PATCH /api/2.1/unity-catalog/permissions/...` (no warehouse needed).
        case rest
    }

    public var grantsVia: GrantsVia
    public var grants: [UnityCatalogGrant]

    public init(grantsVia: GrantsVia, grants: [UnityCatalogGrant]) {
        self.grantsVia = grantsVia
        self.grants = grants
    }

    /// REST by default: one GET and at most one PATCH per securable for all groups, no warehouse,
    /// and zero POSTs on a re-run (SQL needs a SHOW GRANTS statement, a POST, just to read).
    public static let `default` = UnityCatalogConfig(
        grantsVia: .rest,
        grants: [
            UnityCatalogGrant(
                securable: .catalog, name: "aws-databricks-neo4j-lab",
                privileges: ["USE CATALOG", "USE SCHEMA", "SELECT", "READ VOLUME", "BROWSE"]),
            UnityCatalogGrant(securable: .connection, name: "neo4j_mcp", privileges: ["USE CONNECTION"]),
        ])
}

/// Privileges on one securable, in SQL spelling (`USE CATALOG`); REST uses underscores.
public struct UnityCatalogGrant: Sendable, Hashable {
    public enum Securable: String, Sendable, Hashable, Codable, CaseIterable {
        case catalog, schema, connection
    }

    public var securable: Securable
    /// Full name, e.g. `main.default` for a schema.
    public var name: String
    public var privileges: [String]

    public init(securable: Securable, name: String, privileges: [String]) {
        self.securable = securable
        self.name = name
        self.privileges = privileges
    }
}

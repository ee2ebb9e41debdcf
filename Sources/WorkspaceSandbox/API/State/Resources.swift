/// A cluster as `clusters/list` shows it.
struct ClusterRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var state: String
    var sparkVersion: String
    var nodeTypeID: String
    var creator: String
}

/// A SQL warehouse as `sql/warehouses` shows it.
struct WarehouseRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var state: String
    var clusterSize: String
    var creator: String
}

/// A workspace directory; its numeric `objectID` is what the Permissions API takes (§4).
struct DirectoryRecord: Codable, Sendable, Equatable {
    var path: String
    var objectID: Int64
}

/// A serving endpoint; permissions address it by `id`, not by name (§4).
struct ServingEndpointRecord: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var task: String
    var creator: String
}

/// One direct entry of an object's access control list.
struct ACLEntry: Codable, Sendable, Equatable {
    var principal: PrincipalRef
    var level: String
}

/// The Unity Catalog privileges one principal holds on one securable, in the REST spelling
/// (`USE_CATALOG`); SQL converts to and from it (§5).
struct GrantEntry: Codable, Sendable, Equatable {
    var principal: String
    var privileges: [String]
}

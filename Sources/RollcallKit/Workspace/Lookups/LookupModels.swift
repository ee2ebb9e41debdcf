/// A cluster or SQL warehouse found by name.
public struct ComputeResource: Sendable, Hashable {
    public var id: String
    public var name: String
    /// `RUNNING`, `TERMINATED`, `STOPPED`, ...
    public var state: String?

    public init(id: String, name: String, state: String?) {
        self.id = id
        self.name = name
        self.state = state
    }
}

/// A workspace path's object: its type (`DIRECTORY`, `NOTEBOOK`, ...) and the id the permissions
/// API takes.
public struct WorkspaceObject: Sendable, Hashable {
    public var path: String
    public var objectType: String
    /// `object_id` as a string, for `/api/2.0/permissions/directories/{object_id}`.
    public var objectID: String

    public init(path: String, objectType: String, objectID: String) {
        self.path = path
        self.objectType = objectType
        self.objectID = objectID
    }
}

/// A model serving endpoint: the permissions API takes its `id`, not its name.
public struct ServingEndpointSummary: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

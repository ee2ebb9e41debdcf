/// The effective level on each resource kind for one row or group; nil means no access.
public struct LevelSet: Sendable, Hashable {
    public var cluster: PermissionLevel?
    public var warehouse: PermissionLevel?
    public var directory: PermissionLevel?
    public var servingEndpoint: PermissionLevel?

    public init(
        cluster: PermissionLevel? = nil, warehouse: PermissionLevel? = nil, directory: PermissionLevel? = nil,
        servingEndpoint: PermissionLevel? = nil
    ) {
        self.cluster = cluster
        self.warehouse = warehouse
        self.directory = directory
        self.servingEndpoint = servingEndpoint
    }

    public subscript(kind: ResourceKind) -> PermissionLevel? {
        get {
            switch kind {
            case .cluster: cluster
            case .warehouse: warehouse
            case .directory: directory
            case .servingEndpoint: servingEndpoint
            }
        }
        set {
            switch kind {
            case .cluster: cluster = newValue
            case .warehouse: warehouse = newValue
            case .directory: directory = newValue
            case .servingEndpoint: servingEndpoint = newValue
            }
        }
    }

    /// The form ``Participant/levels`` uses: a missing key means no access.
    public var dictionary: [ResourceKind: PermissionLevel] {
        var result: [ResourceKind: PermissionLevel] = [:]
        for kind in ResourceKind.allCases { result[kind] = self[kind] }
        return result
    }

    /// The workshop defaults for every resource the workshop has.
    public static func defaults(of workshop: WorkshopConfig) -> LevelSet {
        var set = LevelSet()
        for kind in ResourceKind.allCases where workshop.hasResource(kind) {
            set[kind] = workshop.defaultLevel(for: kind)
        }
        return set
    }
}

/// One roster group as validation saw it: how many participants and the levels they share.
public struct GroupSummary: Sendable, Hashable {
    public var name: String
    public var participantCount: Int
    public var levels: LevelSet
    /// Line of the group's first row.
    public var firstLine: Int

    public init(name: String, participantCount: Int, levels: LevelSet, firstLine: Int) {
        self.name = name
        self.participantCount = participantCount
        self.levels = levels
        self.firstLine = firstLine
    }
}

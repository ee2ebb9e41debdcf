/// What the workspace must look like after an import: derived from a validated roster and the
/// workshop config, before anything is read from the workspace.
public struct DesiredState: Sendable, Hashable {
    public var participants: [Participant]
    public var groups: [DesiredGroup]
    /// Every workspace object the workshop names, in config order.
    public var resources: [ResourceRef]
    public var config: WorkshopConfig

    public init(roster: Roster, config: WorkshopConfig) {
        self.participants = roster.participants
        self.config = config
        var order: [String] = []
        var byName: [String: DesiredGroup] = [:]
        for participant in roster.participants {
            if byName[participant.group] == nil {
                order.append(participant.group)
                // Validation guarantees that every row of a group asks for the same levels.
                byName[participant.group] = DesiredGroup(name: participant.group, levels: participant.levels)
            }
            byName[participant.group]?.memberEmails.append(participant.email)
            byName[participant.group]?.lines.append(participant.line)
        }
        self.groups = order.compactMap { byName[$0] }
        self.resources = ResourceRef.all(in: config)
    }

    /// Unique lower-cased emails in roster order.
    public var emails: [String] {
        var seen = Set<String>()
        return participants.map(\.email).filter { seen.insert($0).inserted }
    }
}

/// A roster group: its members and the level it holds on each kind of resource.
public struct DesiredGroup: Sendable, Hashable {
    public var name: String
    public var memberEmails: [String] = []
    public var lines: [Int] = []
    /// A missing key means the group gets nothing on that kind.
    public var levels: [ResourceKind: PermissionLevel]

    public init(name: String, levels: [ResourceKind: PermissionLevel]) {
        self.name = name
        self.levels = levels
    }
}

/// A workspace object named by the workshop config: a kind and the name users know it by
/// (cluster name, warehouse name, folder path, serving endpoint name).
public struct ResourceRef: Sendable, Hashable, CustomStringConvertible {
    public var kind: ResourceKind
    public var name: String

    public init(kind: ResourceKind, name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { "\(kind.displayName) '\(name)'" }

    static func all(in config: WorkshopConfig) -> [ResourceRef] {
        var refs: [ResourceRef] = []
        if let cluster = config.cluster { refs.append(ResourceRef(kind: .cluster, name: cluster.name)) }
        if let warehouse = config.warehouse { refs.append(ResourceRef(kind: .warehouse, name: warehouse.name)) }
        if let directory = config.directory { refs.append(ResourceRef(kind: .directory, name: directory.name)) }
        for name in config.servingEndpoints?.names ?? [] {
            refs.append(ResourceRef(kind: .servingEndpoint, name: name))
        }
        return refs
    }
}

/// The access control list of one workspace object, reduced to what planning needs.
public struct ObjectACL: Sendable, Hashable {
    /// One level a principal holds, directly or inherited from a parent object.
    public struct HeldLevel: Sendable, Hashable {
        public var level: PermissionLevel
        public var inherited: Bool

        public init(level: PermissionLevel, inherited: Bool) {
            self.level = level
            self.inherited = inherited
        }
    }

    public var kind: ResourceKind
    /// As reported, e.g. `/clusters/0123-abc`.
    public var objectID: String?
    /// Every level each principal holds.
    public var held: [Principal: [HeldLevel]]

    public init(kind: ResourceKind, objectID: String?, held: [Principal: [HeldLevel]]) {
        self.kind = kind
        self.objectID = objectID
        self.held = held
    }

    /// Each principal's highest level, direct or inherited, by the resource's ordering. A level
    /// the ordering does not know (such as `CAN_VIEW`) ranks below every known one.
    public var levels: [Principal: PermissionLevel] {
        held.compactMapValues { levels in
            levels.map(\.level).max { rank($0) < rank($1) }
        }
    }

    /// Direct (not inherited) grants: what a PUT must carry to keep an entry.
    public var directGrants: [PermissionGrant] {
        held.flatMap { principal, levels in
            levels.filter { !$0.inherited }.map { PermissionGrant(principal: principal, level: $0.level) }
        }
        .sorted { ($0.principal.name, $0.level.rawValue) < ($1.principal.name, $1.level.rawValue) }
    }

    private func rank(_ level: PermissionLevel) -> Int { kind.rank(of: level) ?? -1 }
}

/// What the workspace holds now, as far as the roster and the workshop care: read in a few
/// batched requests before any write, so that the plan contains only missing effects.
public struct WorkspaceSnapshot: Sendable, Hashable {
    /// Lower-cased userName -> SCIM id, for roster users that exist.
    public var userIDs: [String: String]
    /// Roster groups that exist, by displayName.
    public var groups: [String: GroupState]
    /// The built-in `users` group; nil when it could not be read.
    public var usersGroup: GroupState?
    /// Each configured resource: found with its ACL, or missing with the reason.
    public var resources: [ResourceRef: ResourceState]
    /// Current Unity Catalog privileges per securable and principal (SQL spelling, upper case).
    public var grants: [SecurableRef: [String: Set<String>]]
    /// Roster groups that exist at the account level (displayName -> id), read only when an
    /// account is configured; nil means no account, so missing groups would be workspace-local.
    public var accountGroups: [String: String]?

    public init(
        userIDs: [String: String] = [:], groups: [String: GroupState] = [:], usersGroup: GroupState? = nil,
        resources: [ResourceRef: ResourceState] = [:], grants: [SecurableRef: [String: Set<String>]] = [:]
    ) {
        self.userIDs = userIDs
        self.groups = groups
        self.usersGroup = usersGroup
        self.resources = resources
        self.grants = grants
    }

    /// Missing roster groups are created at the account level.
    public var hasAccount: Bool { accountGroups != nil }

    /// A workspace-local group that shares its name with an account group: Rollcall neither
    /// converts nor guesses between them.
    public func hasNameConflict(_ group: String) -> Bool {
        guard let existing = groups[group], !existing.isAccountGroup else { return false }
        return accountGroups?[group] != nil
    }
}

extension WorkspaceSnapshot {
    /// The workshop warehouse's id when it was found; SQL grants run on it.
    public func warehouseID(in desired: DesiredState) -> String? {
        guard let ref = desired.resources.first(where: { $0.kind == .warehouse }),
              case .found(let id, _)? = resources[ref] else { return nil }
        return id
    }
}

/// A SCIM group as the plan needs it.
public struct GroupState: Sendable, Hashable {
    public var id: String
    /// `meta.resourceType == "Group"`: an account group, which Unity Catalog can grant to.
    public var isAccountGroup: Bool
    public var memberIDs: Set<String>
    public var entitlements: Set<String>

    public init(id: String, isAccountGroup: Bool, memberIDs: Set<String>, entitlements: Set<String>) {
        self.id = id
        self.isAccountGroup = isAccountGroup
        self.memberIDs = memberIDs
        self.entitlements = entitlements
    }
}

/// A configured workspace object as found (or not) in the workspace.
public enum ResourceState: Sendable, Hashable {
    /// `objectID` is the id the Permissions API takes; `groupLevels` the highest level each group
    /// holds directly or by inheritance.
    case found(objectID: String, groupLevels: [String: PermissionLevel])
    /// Not found or not readable; the message says which and is shown on every row that needs it.
    case unavailable(String)
}

/// A Unity Catalog securable named by the workshop config.
public struct SecurableRef: Sendable, Hashable, CustomStringConvertible {
    public var securable: UnityCatalogGrant.Securable
    public var name: String

    public init(securable: UnityCatalogGrant.Securable, name: String) {
        self.securable = securable
        self.name = name
    }

    public var description: String { "\(securable.rawValue) '\(name)'" }
}

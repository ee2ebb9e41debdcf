/// What an offboard needs to know about the workspace before it changes anything: which roster
/// users exist, which roster groups hold them, who must never be touched, and (with
/// `--delete-groups`) the groups' ACL entries and Unity Catalog grants.
public struct OffboardSnapshot: Sendable, Hashable {
    /// Lower-cased userName -> SCIM id, for roster users that exist.
    public var userIDs: [String: String] = [:]
    /// Roster groups that exist, by displayName (the built-in groups are never among them).
    public var groups: [String: GroupState] = [:]
    /// Members of the built-in `admins` group: workspace admins, kept unless `--include-admins`.
    public var adminIDs: Set<String> = []
    /// The built-in `users` group, for the lockdown advice at the end.
    public var usersGroup: GroupState?
    /// The identity running Rollcall (from `/Me`), which an offboard never removes.
    public var identity: SCIMUser
    /// Each workshop resource with its full ACL; read only with `--delete-groups`.
    public var acls: [ResourceRef: ACLState] = [:]
    /// Current privileges per securable and principal (SQL spelling); read only with `--delete-groups`.
    public var grants: [SecurableRef: [String: Set<String>]] = [:]

    public init(identity: SCIMUser) {
        self.identity = identity
    }
}

/// A workshop resource's access control list as read, or why it could not be.
public enum ACLState: Sendable, Hashable {
    case found(objectID: String, acl: ObjectACL)
    case unavailable(String)
}

/// Groups Rollcall never changes, whatever the roster says.
public enum BuiltInGroups {
    public static let users = "users"
    public static let admins = "admins"

    public static func contains(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == users || lowered == admins
    }
}

/// The writes an offboard still needs, in the order they run: memberships, users, then (with
/// `--delete-groups`) ACL rewrites and revocations, then group deletions. Built by
/// ``OffboardPlanner`` from the roster and an ``OffboardSnapshot``; empty when a previous offboard
/// already did everything, which is how a second run makes zero writes.
public struct OffboardPlan: Sendable, Hashable {
    public var desired: DesiredState
    public var snapshot: OffboardSnapshot
    public var deleteGroups: Bool
    /// Roster users the offboard leaves alone, and why.
    public var protected: [String: Protection] = [:]
    /// One PATCH per group and chunk of at most ``Planner/membershipChunkSize`` members.
    public var membershipRemovals: [MembershipRemoval] = []
    public var userDeletions: [UserDeletion] = []
    /// One PUT per resource on which a roster group holds a direct entry.
    public var aclRewrites: [ACLRewrite] = []
    public var grantRevocations: [GrantRevocation] = []
    public var groupDeletions: [GroupDeletion] = []
    /// Groups `--delete-groups` leaves in place, with the reason shown to the organizer.
    public var keptGroups: [KeptGroup] = []
    public var warnings: [String] = []

    public init(desired: DesiredState, snapshot: OffboardSnapshot, deleteGroups: Bool) {
        self.desired = desired
        self.snapshot = snapshot
        self.deleteGroups = deleteGroups
    }

    /// State-changing requests the plan needs (a SQL revocation is one statement).
    public var writeCount: Int {
        membershipRemovals.count + userDeletions.count + aclRewrites.count + grantRevocations.count
            + groupDeletions.count
    }

    public var isEmpty: Bool { writeCount == 0 }
}

/// Why a roster user is not offboarded.
public enum Protection: String, Sendable, Hashable {
    case runningIdentity
    case workspaceAdmin

    public var message: String {
        switch self {
        case .runningIdentity: "this is the identity running Rollcall; it is never removed"
        case .workspaceAdmin: "workspace admin (member of 'admins'); kept, pass --include-admins to remove"
        }
    }
}

/// A roster user and its SCIM id.
public struct OffboardMember: Sendable, Hashable {
    public var email: String
    public var id: String
}

/// Roster users to take out of one group in one PATCH.
public struct MembershipRemoval: Sendable, Hashable {
    public var group: String
    public var groupID: String
    public var members: [OffboardMember]
}

public struct UserDeletion: Sendable, Hashable {
    public var email: String
    public var id: String
}

/// The direct entries of one resource's ACL minus the roster groups': written back with PUT,
/// because PATCH can only add or raise.
public struct ACLRewrite: Sendable, Hashable {
    public var resource: ResourceRef
    public var objectID: String
    public var kept: [PermissionGrant]
    /// Roster groups whose entries the PUT drops.
    public var removedGroups: [String]
}

/// Privileges (SQL spelling) from the workshop config that one roster group holds on one securable.
public struct GrantRevocation: Sendable, Hashable {
    public var securable: SecurableRef
    public var group: String
    public var privileges: [String]

    public init(securable: SecurableRef, group: String, privileges: [String]) {
        self.securable = securable
        self.group = group
        self.privileges = privileges
    }
}

public struct GroupDeletion: Sendable, Hashable {
    public var name: String
    public var id: String

    public init(name: String, id: String) {
        self.name = name
        self.id = id
    }
}

public struct KeptGroup: Sendable, Hashable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}

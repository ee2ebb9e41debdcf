/// The writes an import still needs: only actions whose effect is missing from the workspace.
///
/// Built by ``Planner`` from a ``DesiredState`` and a ``WorkspaceSnapshot``; executed phase by
/// phase (users, groups, memberships + entitlements + lockdown, ACLs, grants) by `ImportRun`.
public struct Plan: Sendable, Hashable {
    public var desired: DesiredState
    public var snapshot: WorkspaceSnapshot
    public var userCreations: [UserCreation] = []
    public var groupCreations: [GroupCreation] = []
    public var entitlementGrants: [EntitlementGrant] = []
    /// One per group and chunk of at most ``Planner/membershipChunkSize`` users.
    public var membershipAdditions: [MembershipAddition] = []
    public var lockdown: UsersGroupLockdown?
    /// One per resource, carrying every roster group whose level must rise.
    public var aclUpdates: [ACLUpdate] = []
    /// One per securable and group (SQL); the REST path merges them per securable.
    public var grantAdditions: [GrantAddition] = []
    /// Things the organizer should know before running, e.g. grants that will fail.
    public var warnings: [String] = []

    public init(desired: DesiredState, snapshot: WorkspaceSnapshot) {
        self.desired = desired
        self.snapshot = snapshot
    }

    /// Number of state-changing requests the plan needs (SQL grants count one statement each).
    public var writeCount: Int {
        userCreations.count + groupCreations.count + entitlementGrants.count + membershipAdditions.count
            + (lockdown == nil ? 0 : 1) + aclUpdates.count + grantAdditions.count
    }

    public var isEmpty: Bool { writeCount == 0 }

    /// State-changing HTTP requests the plan needs: an account group costs a POST (unless the
    /// account has it), the assignment PUT and the entitlements PATCH; REST grants cost one PATCH
    /// per securable whatever the number of groups.
    public var writeRequestCount: Int {
        let groups = groupCreations.reduce(0) { total, creation in
            switch creation.scope {
            case .workspaceLocal: total + 1
            case .account(let existingID):
                total + (existingID == nil ? 1 : 0) + 1 + (creation.entitlements.isEmpty ? 0 : 1)
            }
        }
        let grants = desired.config.unityCatalog.grantsVia == .rest
            ? Set(grantAdditions.map(\.securable)).count : grantAdditions.count
        return writeCount - groupCreations.count - grantAdditions.count + groups + grants
    }
}

public struct UserCreation: Sendable, Hashable {
    public var email: String
    public var displayName: String?
}

public struct GroupCreation: Sendable, Hashable {
    public var name: String
    public var entitlements: [String]
    public var scope: GroupScope = .workspaceLocal

    public init(name: String, entitlements: [String], scope: GroupScope = .workspaceLocal) {
        self.name = name
        self.entitlements = entitlements
        self.scope = scope
    }
}

/// Where a missing roster group comes from.
public enum GroupScope: Sendable, Hashable {
    /// Workspace SCIM: no account configured. Unity Catalog cannot grant to it.
    case workspaceLocal
    /// An account group assigned to the workspace: created when `existingID` is nil, otherwise
    /// the account already has it and only the assignment is missing.
    case account(existingID: String?)
}

/// Entitlements an existing roster group lacks.
public struct EntitlementGrant: Sendable, Hashable {
    public var group: String
    public var groupID: String
    public var entitlements: [String]
}

/// Users to add to one group in one PATCH.
public struct MembershipAddition: Sendable, Hashable {
    public var group: String
    public var emails: [String]
}

/// Entitlements the built-in `users` group still has and must lose.
public struct UsersGroupLockdown: Sendable, Hashable {
    public var groupID: String
    public var entitlements: [String]
}

/// Raises groups' levels on one resource in a single PATCH (never lowers, never touches others).
public struct ACLUpdate: Sendable, Hashable {
    public var resource: ResourceRef
    public var objectID: String
    public var entries: [ACLEntry]
}

public struct ACLEntry: Sendable, Hashable {
    public var group: String
    public var level: PermissionLevel

    public init(group: String, level: PermissionLevel) {
        self.group = group
        self.level = level
    }
}

/// Privileges (SQL spelling) one group still lacks on one securable.
public struct GrantAddition: Sendable, Hashable {
    public var securable: SecurableRef
    public var group: String
    public var privileges: [String]
}

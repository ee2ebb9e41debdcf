/// A workspace user as Rollcall needs it.
public struct SCIMUser: Sendable, Hashable {
    public var id: String
    /// Lower-cased by Databricks.
    public var userName: String
    public var displayName: String?

    public init(id: String, userName: String, displayName: String? = nil) {
        self.id = id
        self.userName = userName
        self.displayName = displayName
    }
}

/// A workspace group with what the plan compares: members, entitlements and where it lives.
public struct SCIMGroup: Sendable, Hashable {
    public var id: String
    public var displayName: String
    /// Member principal ids (users, groups or service principals).
    public var memberIDs: [String]
    /// Entitlement values such as `workspace-access`.
    public var entitlements: [String]
    /// `WorkspaceGroup` (workspace-local) or `Group` (account group); nil when not reported.
    public var resourceType: String?

    public init(id: String, displayName: String, memberIDs: [String], entitlements: [String], resourceType: String?) {
        self.id = id
        self.displayName = displayName
        self.memberIDs = memberIDs
        self.entitlements = entitlements
        self.resourceType = resourceType
    }

    /// Workspace-local groups cannot receive Unity Catalog grants.
    public var isWorkspaceLocal: Bool { resourceType == "WorkspaceGroup" }
}

/// What a create call found: a new object, or one that already existed (409).
public enum CreationOutcome<Value: Sendable & Hashable>: Sendable, Hashable {
    case created(Value)
    /// The workspace already had it; read back by name.
    case alreadyExisted(Value)

    public var value: Value {
        switch self {
        case .created(let value), .alreadyExisted(let value): value
        }
    }
}

/// What a delete or remove call found.
public enum RemovalOutcome: Sendable, Hashable {
    case removed
    /// Nothing to remove (404): already gone.
    case alreadyAbsent
}

/// The user a token belongs to, and whether it may onboard people.
public struct WorkspaceIdentity: Sendable, Hashable {
    public var user: SCIMUser
    /// Member of the workspace's `admins` group: SCIM writes, entitlements and ACLs need it.
    public var isWorkspaceAdmin: Bool

    public init(user: SCIMUser, isWorkspaceAdmin: Bool) {
        self.user = user
        self.isWorkspaceAdmin = isWorkspaceAdmin
    }
}

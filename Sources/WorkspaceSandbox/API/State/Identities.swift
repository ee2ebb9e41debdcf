/// A user of the account. Workspace SCIM shows the ones assigned to the workspace (a user created
/// through workspace SCIM "will also be added to the Databricks account", databricks-api.md §1).
struct UserRecord: Codable, Sendable, Equatable {
    var id: String
    /// Always lower-case: Databricks normalizes user names (§1, "userName case").
    var userName: String
    var displayName: String?
    var givenName: String?
    var familyName: String?
    var active: Bool
    var entitlements: [String]
    var externalId: String?
}

/// A group. Workspace groups are local to the workspace (`WorkspaceGroup`); account groups live in
/// the account and appear in the workspace, as `Group`, once assigned (§1, §2).
struct GroupRecord: Codable, Sendable, Equatable {
    enum Origin: String, Codable, Sendable { case workspace, account }
    var id: String
    var displayName: String
    var origin: Origin
    /// Ids of member users, service principals and groups, in the order they were added.
    var members: [String]
    var entitlements: [String]
    var externalId: String?
}

/// A service principal; `applicationId` is the OAuth client id and the name the Permissions API uses.
struct ServicePrincipalRecord: Codable, Sendable, Equatable {
    var id: String
    var applicationId: String
    var displayName: String
    var active: Bool
    var entitlements: [String]
}

/// Who an ACL entry names, in the Permissions API's terms (`user_name`, `group_name`,
/// `service_principal_name`).
struct PrincipalRef: Codable, Sendable, Hashable {
    enum Kind: String, Codable, Sendable, CaseIterable {
        case user = "user_name"
        case group = "group_name"
        case servicePrincipal = "service_principal_name"
    }
    var kind: Kind
    /// userName (lower-case), group displayName, or service principal applicationId.
    var name: String
}

import Foundation

/// The seed of DESIGN §7, with fixed ids so that tests, docs, the CLI and benchmarks can name them.
public enum SeedState {
    public static let adminUserName = "workshop-admin@example.com"
    public static let adminUserID = "1000000000000001"
    public static let servicePrincipalID = "1000000000000002"
    /// The non-admin user seeded when `memberToken` is set.
    public static let memberUserName = "workshop-member@example.com"
    public static let memberUserID = "1000000000000003"
    /// Display name of the service principal seeded when an OAuth client is configured.
    public static let servicePrincipalName = "rollcall-automation"
    public static let usersGroupID = "1000000000000011"
    public static let adminsGroupID = "1000000000000012"
    public static let workshopUsersGroupID = "1000000000000013"
    public static let clusterID = "1204-093000-w0rksh0p"
    public static let clusterName = "Small Spark 4.0"
    public static let warehouseID = "a1b2c3d4e5f60718"
    public static let warehouseName = "Starter Warehouse"
    public static let catalogName = "aws-databricks-neo4j-lab"
    public static let connectionName = "neo4j_mcp"
    public static let directoryPath = "/Shared/workshop"
    public static let directoryObjectID: Int64 = 3_141_592_653_589_793
    public static let servingEndpointName = "databricks-meta-llama-3-3-70b-instruct"
    public static let servingEndpointID = "5f4e3d2c1b0a49f8a7b6c5d4e3f2a1b0"
    /// The four entitlements the built-in `users` group starts with (issue 3).
    public static let usersEntitlements = [
        "allow-cluster-create", "allow-instance-pool-create", "databricks-sql-access", "workspace-access",
    ]

    static func state(for configuration: SandboxConfiguration) -> WorkspaceState {
        let admin = UserRecord(
            id: adminUserID, userName: adminUserName, displayName: "Workshop Admin", givenName: "Workshop",
            familyName: "Admin", active: true, entitlements: [], externalId: nil)
        var adminMembers = [adminUserID]
        var servicePrincipals: [ServicePrincipalRecord] = []
        var assignments: [String: [String]] = [adminUserID: ["ADMIN"], workshopUsersGroupID: ["USER"]]
        if let clientID = configuration.clientID {
            servicePrincipals.append(ServicePrincipalRecord(
                id: servicePrincipalID, applicationId: clientID, displayName: servicePrincipalName,
                active: true, entitlements: []))
            adminMembers.append(servicePrincipalID)
            assignments[servicePrincipalID] = ["ADMIN"]
        }
        var users = [admin]
        if configuration.memberToken != nil {
            users.append(UserRecord(
                id: memberUserID, userName: memberUserName, displayName: "Workshop Member", givenName: "Workshop",
                familyName: "Member", active: true, entitlements: [], externalId: nil))
            assignments[memberUserID] = ["USER"]
        }
        var nextID: Int64 = 1_000_000_000_000_100
        var extraGroups: [GroupRecord] = []
        for name in configuration.accountGroups where name != "workshop-users" && name != "users" && name != "admins" {
            let id = String(nextID)
            nextID += 1
            extraGroups.append(GroupRecord(id: id, displayName: name, origin: .account, members: [], entitlements: []))
            assignments[id] = ["USER"]
        }
        let groups = [
            GroupRecord(id: usersGroupID, displayName: "users", origin: .workspace, members: [],
                        entitlements: usersEntitlements),
            GroupRecord(id: adminsGroupID, displayName: "admins", origin: .workspace, members: adminMembers,
                        entitlements: ["allow-cluster-create", "allow-instance-pool-create",
                                       "databricks-sql-access", "workspace-access"]),
            GroupRecord(id: workshopUsersGroupID, displayName: "workshop-users", origin: .account, members: [],
                        entitlements: []),
        ] + extraGroups
        let owner = PrincipalRef(kind: .user, name: adminUserName)
        return WorkspaceState(
            nextID: nextID,
            adminUserID: adminUserID,
            users: UserTable(users),
            groups: groups,
            servicePrincipals: servicePrincipals,
            assignments: assignments,
            acls: [
                "clusters/\(clusterID)": [ACLEntry(principal: owner, level: "CAN_MANAGE")],
                "warehouses/\(warehouseID)": [ACLEntry(principal: owner, level: "IS_OWNER")],
                "serving-endpoints/\(servingEndpointID)": [ACLEntry(principal: owner, level: "CAN_MANAGE")],
            ],
            grants: [
                "catalog/\(catalogName)": [GrantEntry(principal: adminUserName, privileges: ["ALL_PRIVILEGES"])],
            ],
            clusters: [ClusterRecord(id: clusterID, name: clusterName, state: "RUNNING",
                                     sparkVersion: "17.3.x-scala2.13", nodeTypeID: "m5d.large",
                                     creator: adminUserName)],
            warehouses: [WarehouseRecord(id: warehouseID, name: warehouseName, state: "RUNNING",
                                         clusterSize: "2X-Small", creator: adminUserName)],
            directories: [
                DirectoryRecord(path: "/", objectID: 0),
                DirectoryRecord(path: "/Shared", objectID: 3_141_592_653_589_700),
                DirectoryRecord(path: "/Users", objectID: 3_141_592_653_589_701),
                DirectoryRecord(path: "/Users/\(adminUserName)", objectID: 3_141_592_653_589_702),
                DirectoryRecord(path: directoryPath, objectID: directoryObjectID),
            ],
            servingEndpoints: [ServingEndpointRecord(id: servingEndpointID, name: servingEndpointName,
                                                     task: "llm/v1/chat", creator: adminUserName)],
            catalogs: [catalogName],
            schemas: ["\(catalogName).default", "\(catalogName).information_schema"],
            connections: [connectionName],
            statements: [])
    }
}

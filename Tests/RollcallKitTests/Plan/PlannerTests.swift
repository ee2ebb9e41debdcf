import Testing
import RollcallKit

struct PlannerTests {
    static func participant(_ line: Int, _ email: String, group: String = "workshop-users",
                            levels: [ResourceKind: PermissionLevel] = [.cluster: .canAttachTo, .warehouse: .canUse]) -> Participant {
        Participant(line: line, email: email, name: "N\(line)", group: group, levels: levels)
    }

    static let cluster = ResourceRef(kind: .cluster, name: "Small Spark 4.0")
    static let warehouse = ResourceRef(kind: .warehouse, name: "Starter Warehouse")

    static func desired(_ participants: [Participant]) -> DesiredState {
        DesiredState(roster: Roster(participants: participants), config: .default)
    }

    @Test func freshWorkspaceNeedsEverything() {
        let people = (0..<250).map { Self.participant($0 + 2, "u\($0)@example.org", group: $0 < 150 ? "a" : "b") }
        let snapshot = WorkspaceSnapshot(
            usersGroup: GroupState(id: "1", isAccountGroup: false, memberIDs: [],
                                   entitlements: ["allow-cluster-create", "allow-instance-pool-create", "workspace-access"]),
            resources: [Self.cluster: .found(objectID: "c1", groupLevels: [:]),
                         Self.warehouse: .found(objectID: "w1", groupLevels: [:])])
        let plan = Planner.plan(Self.desired(people), against: snapshot)
        #expect(plan.userCreations.count == 250)
        #expect(plan.groupCreations.map(\.name) == ["a", "b"])
        #expect(plan.membershipAdditions.map(\.emails.count) == [100, 50, 100])
        #expect(plan.lockdown?.entitlements == ["allow-cluster-create", "allow-instance-pool-create"])
        #expect(plan.aclUpdates.count == 2)
        #expect(plan.aclUpdates[0].entries == [ACLEntry(group: "a", level: .canAttachTo), ACLEntry(group: "b", level: .canAttachTo)])
        // 2 securables x 2 groups, privileges in SQL spelling.
        #expect(plan.grantAdditions.count == 4)
        #expect(plan.grantAdditions[0].privileges == ["USE CATALOG", "USE SCHEMA", "SELECT", "READ VOLUME", "BROWSE"])
        // New groups are workspace-local: the plan warns that their grants will fail.
        #expect(plan.warnings.filter { $0.contains("Unity Catalog only grants to account groups") }.count == 2)
    }

    @Test func matchingWorkspaceNeedsNothing() {
        let people = [Self.participant(2, "a@x.org"), Self.participant(3, "b@x.org")]
        let snapshot = WorkspaceSnapshot(
            userIDs: ["a@x.org": "11", "b@x.org": "12"],
            groups: ["workshop-users": GroupState(id: "g", isAccountGroup: true, memberIDs: ["11", "12"],
                                                  entitlements: ["workspace-access", "databricks-sql-access"])],
            usersGroup: GroupState(id: "1", isAccountGroup: false, memberIDs: [], entitlements: ["workspace-access"]),
            resources: [Self.cluster: .found(objectID: "c1", groupLevels: ["workshop-users": .canManage]),
                        Self.warehouse: .found(objectID: "w1", groupLevels: ["workshop-users": .canUse])],
            grants: [
                SecurableRef(securable: .catalog, name: "aws-databricks-neo4j-lab"):
                    ["workshop-users": ["USE CATALOG", "USE SCHEMA", "SELECT", "READ VOLUME", "BROWSE"]],
                SecurableRef(securable: .connection, name: "neo4j_mcp"): ["workshop-users": ["ALL PRIVILEGES"]],
            ])
        let plan = Planner.plan(Self.desired(people), against: snapshot)
        #expect(plan.isEmpty)
        #expect(plan.warnings.isEmpty)
    }

    @Test func higherLevelIsNeverDowngradedAndLowerIsRaised() {
        let people = [Self.participant(2, "a@x.org", levels: [.cluster: .canRestart, .warehouse: .canUse])]
        let snapshot = WorkspaceSnapshot(
            resources: [Self.cluster: .found(objectID: "c1", groupLevels: ["workshop-users": .canAttachTo, "other": .canManage]),
                        Self.warehouse: .found(objectID: "w1", groupLevels: ["workshop-users": .canManage])])
        let plan = Planner.plan(Self.desired(people), against: snapshot)
        #expect(plan.aclUpdates.map(\.resource) == [Self.cluster])
        #expect(plan.aclUpdates.first?.entries == [ACLEntry(group: "workshop-users", level: .canRestart)])
    }

    @Test func onlyMissingMembersEntitlementsAndPrivilegesArePlanned() {
        let people = [Self.participant(2, "a@x.org"), Self.participant(3, "b@x.org"), Self.participant(4, "c@x.org")]
        let snapshot = WorkspaceSnapshot(
            userIDs: ["a@x.org": "11", "b@x.org": "12"],
            groups: ["workshop-users": GroupState(id: "g", isAccountGroup: true, memberIDs: ["11"],
                                                  entitlements: ["workspace-access"])],
            grants: [SecurableRef(securable: .catalog, name: "aws-databricks-neo4j-lab"):
                        ["workshop-users": ["USE CATALOG", "SELECT"]]])
        let plan = Planner.plan(Self.desired(people), against: snapshot)
        #expect(plan.userCreations.map(\.email) == ["c@x.org"])
        #expect(plan.groupCreations.isEmpty)
        #expect(plan.entitlementGrants.map(\.entitlements) == [["databricks-sql-access"]])
        #expect(plan.membershipAdditions.map(\.emails) == [["b@x.org", "c@x.org"]])
        #expect(plan.grantAdditions.first?.privileges == ["USE SCHEMA", "READ VOLUME", "BROWSE"])
        #expect(plan.warnings.isEmpty)
    }

    @Test func missingResourceIsAWarningNotAnAction() {
        let people = [Self.participant(2, "a@x.org")]
        let snapshot = WorkspaceSnapshot(resources: [Self.cluster: .unavailable("cluster 'Small Spark 4.0' was not found")])
        let plan = Planner.plan(Self.desired(people), against: snapshot)
        #expect(plan.aclUpdates.isEmpty)
        #expect(plan.warnings.contains("cluster 'Small Spark 4.0' was not found; rows that need it will fail"))
    }

    @Test(arguments: [("USE CATALOG", "USE_CATALOG"), ("use_schema", "USE_SCHEMA"), ("read  volume", "READ_VOLUME")])
    func privilegeSpellings(sql: String, rest: String) {
        #expect(PrivilegeName.rest(sql) == rest)
        #expect(PrivilegeName.sql(rest) == PrivilegeName.sql(sql))
    }
}

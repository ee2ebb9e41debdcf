import RollcallKit
import Testing

struct OffboardPlannerTests {
    static let identity = SCIMUser(id: "1", userName: "admin@example.com")
    static let cluster = ResourceRef(kind: .cluster, name: "Small Spark 4.0")
    static let warehouse = ResourceRef(kind: .warehouse, name: "Starter Warehouse")

    static func desired(_ people: [(String, String)]) -> DesiredState {
        let participants = people.enumerated().map { index, person in
            Participant(line: index + 2, email: person.0, name: nil, group: person.1, levels: [.cluster: .canAttachTo])
        }
        return DesiredState(roster: Roster(participants: participants), config: .default)
    }

    static func group(_ id: String, account: Bool = false, members: Set<String>) -> GroupState {
        GroupState(id: id, isAccountGroup: account, memberIDs: members, entitlements: [])
    }

    @Test func removesRosterMembersInChunksAndNeverTheRunningIdentityAdminsOrOutsiders() {
        var people = (0..<150).map { ("u\($0)@x.org", "a") }
        people += [("admin@example.com", "a"), ("boss@x.org", "a"), ("gone@x.org", "a")]
        var snapshot = OffboardSnapshot(identity: Self.identity)
        for index in 0..<150 { snapshot.userIDs["u\(index)@x.org"] = "u\(index)" }
        snapshot.userIDs["admin@example.com"] = "1"
        snapshot.userIDs["boss@x.org"] = "b"
        snapshot.adminIDs = ["1", "b"]
        snapshot.groups["a"] = Self.group("ga", members: Set((0..<150).map { "u\($0)" } + ["1", "b", "outsider"]))

        let plan = OffboardPlanner.plan(Self.desired(people), against: snapshot, options: .init())
        #expect(plan.membershipRemovals.map(\.members.count) == [100, 50])
        #expect(plan.membershipRemovals.allSatisfy { $0.groupID == "ga" })
        let removedIDs = Set(plan.membershipRemovals.flatMap(\.members).map(\.id))
        #expect(removedIDs == Set((0..<150).map { "u\($0)" }))
        #expect(plan.userDeletions.count == 150)
        #expect(plan.protected == ["admin@example.com": .runningIdentity, "boss@x.org": .workspaceAdmin])
        #expect(plan.writeCount == 152)

        let withAdmins = OffboardPlanner.plan(Self.desired(people), against: snapshot, options: .init(includeAdmins: true))
        #expect(withAdmins.userDeletions.contains { $0.email == "boss@x.org" })
        #expect(withAdmins.protected == ["admin@example.com": .runningIdentity])
    }

    @Test func anAlreadyOffboardedRosterPlansNothing() {
        let snapshot = OffboardSnapshot(identity: Self.identity)
        let plan = OffboardPlanner.plan(
            Self.desired([("a@x.org", "a"), ("b@x.org", "b")]), against: snapshot, options: .init(deleteGroups: true))
        #expect(plan.isEmpty)
        #expect(plan.keptGroups.isEmpty)
    }

    @Test func deleteGroupsKeepsOtherDirectEntriesRevokesOnlyConfiguredPrivilegesAndKeepsAccountGroups() {
        var snapshot = OffboardSnapshot(identity: Self.identity)
        snapshot.groups["local"] = Self.group("gl", members: [])
        snapshot.groups["acct"] = Self.group("ga", account: true, members: [])
        let acl = ObjectACL(kind: .cluster, objectID: "/clusters/c1", held: [
            .group("local"): [.init(level: .canAttachTo, inherited: false)],
            .group("acct"): [.init(level: .canRestart, inherited: false)],
            .group("others"): [.init(level: .canRestart, inherited: false)],
            .user("admin@example.com"): [.init(level: .canManage, inherited: false)],
            .group("admins"): [.init(level: .canManage, inherited: true)],
        ])
        snapshot.acls[Self.cluster] = .found(objectID: "c1", acl: acl)
        snapshot.acls[Self.warehouse] = .found(objectID: "w1", acl: ObjectACL(kind: .warehouse, objectID: nil, held: [
            .group("others"): [.init(level: .canUse, inherited: false)],
        ]))
        let catalog = SecurableRef(securable: .catalog, name: "aws-databricks-neo4j-lab")
        let connection = SecurableRef(securable: .connection, name: "neo4j_mcp")
        snapshot.grants[catalog] = ["acct": ["USE CATALOG", "SELECT", "MODIFY"], "others": ["USE CATALOG"]]
        snapshot.grants[connection] = [:]

        let plan = OffboardPlanner.plan(
            Self.desired([("a@x.org", "local"), ("b@x.org", "acct"), ("c@x.org", "users")]), against: snapshot,
            options: .init(deleteGroups: true))
        #expect(plan.aclRewrites.count == 1)
        #expect(plan.aclRewrites.first?.objectID == "c1")
        #expect(plan.aclRewrites.first?.removedGroups.sorted() == ["acct", "local"])
        #expect(plan.aclRewrites.first?.kept == [
            PermissionGrant(principal: .user("admin@example.com"), level: .canManage),
            .group("others", .canRestart),
        ])
        #expect(plan.grantRevocations == [GrantRevocation(securable: catalog, group: "acct", privileges: ["SELECT", "USE CATALOG"])])
        #expect(plan.groupDeletions == [GroupDeletion(name: "local", id: "gl")])
        #expect(plan.keptGroups == [KeptGroup(name: "acct", reason: OffboardPlanner.accountGroupKept)])
    }
}

import Testing
import RollcallKit

/// How the planner treats missing and local groups when an account is (or is not) configured.
struct AccountGroupPlanningTests {
    static func desired(_ groups: [String]) -> DesiredState {
        let people = groups.enumerated().map { index, group in
            Participant(line: index + 2, email: "p\(index)@example.org", name: nil, group: group, levels: [:])
        }
        return DesiredState(roster: Roster(participants: people), config: .default)
    }

    @Test func withAnAccountMissingGroupsAreCreatedOrAssignedThereAndNotWarnedAbout() {
        var snapshot = WorkspaceSnapshot()
        snapshot.accountGroups = ["known": "42"]
        let plan = Planner.plan(Self.desired(["fresh", "known"]), against: snapshot)
        #expect(plan.groupCreations.map(\.scope) == [.account(existingID: nil), .account(existingID: "42")])
        #expect(plan.warnings.isEmpty, "\(plan.warnings)")
        // fresh: POST + PUT + PATCH; known: PUT + PATCH; REST grants: 2 securables, one PATCH each.
        #expect(plan.writeRequestCount == plan.userCreations.count + 3 + 2 + plan.membershipAdditions.count + 2)
        #expect(PlanRenderer.render(plan).contains("create group 'fresh' at the account level"))
        #expect(PlanRenderer.render(plan).contains("assign account group 'known' (id 42) to the workspace"))
    }

    @Test func withoutAnAccountMissingGroupsAreLocalAndWarned() {
        let plan = Planner.plan(Self.desired(["fresh"]), against: WorkspaceSnapshot())
        #expect(plan.groupCreations.map(\.scope) == [.workspaceLocal])
        #expect(plan.warnings.count == 1)
        #expect(plan.warnings[0].contains("would be created as a workspace-local group"))
        #expect(plan.warnings[0].contains("Fix: create 'fresh' as an account group"))
    }

    @Test func aLocalGroupWithAnAccountNamesakeIsAConflictNotAConversion() {
        var snapshot = WorkspaceSnapshot(
            groups: ["twin": GroupState(id: "7", isAccountGroup: false, memberIDs: [], entitlements: [])])
        snapshot.accountGroups = ["twin": "99"]
        let plan = Planner.plan(Self.desired(["twin"]), against: snapshot)
        #expect(plan.groupCreations.isEmpty)
        #expect(snapshot.hasNameConflict("twin"))
        #expect(plan.warnings.count == 1)
        #expect(plan.warnings[0].contains("exists both as a workspace-local group and as an account group"))
        #expect(plan.warnings[0].contains("Rollcall does not convert"))
    }
}

import Foundation
import RollcallKit
import Testing

/// An interrupt raised while requests are in flight: they finish and are recorded, nothing new
/// starts, and the rows say exactly that.
struct InterruptedRunTests {
    /// Raises the interrupt on the first write, then answers every write after a short delay, so
    /// the first `width` writes are in flight when the flag goes up.
    final class SlowWriter: WorkspaceWriter, OffboardWriter, @unchecked Sendable {
        let interrupt: InterruptFlag
        private let lock = NSLock()
        private var calls = 0

        init(interrupt: InterruptFlag) { self.interrupt = interrupt }

        var callCount: Int { lock.withLock { calls } }

        private func call() async {
            lock.withLock { calls += 1 }
            interrupt.raise()
            try? await Task.sleep(for: .milliseconds(50))
        }

        func createUser(email: String, displayName: String?) async throws -> String {
            await call()
            return "id-" + email
        }
        func createGroup(_ creation: GroupCreation) async throws -> String { await call(); return "g" }
        func addMembers(groupID: String, userIDs: [String]) async throws { await call() }
        func addEntitlements(groupID: String, entitlements: [String]) async throws { await call() }
        func removeEntitlements(groupID: String, entitlements: [String]) async throws { await call() }
        func raiseLevels(kind: ResourceKind, objectID: String, entries: [ACLEntry]) async throws { await call() }
        func grant(_ addition: GrantAddition) async throws { await call() }
        func removeMembers(groupID: String, userIDs: [String]) async throws { await call() }
        func deleteUser(id: String) async throws -> RemovalOutcome { await call(); return .removed }
        func replaceACL(kind: ResourceKind, objectID: String, grants: [PermissionGrant]) async throws { await call() }
        func revoke(_ revocation: GrantRevocation) async throws { await call() }
        func deleteGroup(id: String) async throws -> RemovalOutcome { await call(); return .removed }
    }

    static func desired(_ count: Int) -> DesiredState {
        let people = (0..<count).map {
            Participant(line: $0 + 2, email: "u\($0)@x.org", name: nil, group: "g", levels: [:])
        }
        return DesiredState(roster: Roster(participants: people), config: .default)
    }

    @Test func anImportInterruptedMidUsersReportsTheInFlightCreatesAsCreated() async {
        let interrupt = InterruptFlag()
        let writer = SlowWriter(interrupt: interrupt)
        let plan = Planner.plan(Self.desired(10), against: WorkspaceSnapshot())
        let rows = await ImportRun(plan: plan, writer: writer, width: 3, interrupt: interrupt).execute()
        #expect(writer.callCount == 3)
        #expect(rows.filter { $0.user == .created }.map(\.participant.email) == ["u0@x.org", "u1@x.org", "u2@x.org"])
        #expect(rows.filter { $0.user == .created }.allSatisfy { $0.userID != nil && $0.membership == .skipped })
        #expect(rows.filter { $0.user == .skipped }.count == 7)
        #expect(rows.allSatisfy { $0.errors.contains("interrupted before this was done") })
    }

    @Test func anOffboardInterruptedMidDeletionsReportsTheInFlightOnesRemoved() async {
        let interrupt = InterruptFlag()
        let writer = SlowWriter(interrupt: interrupt)
        var snapshot = OffboardSnapshot(identity: SCIMUser(id: "admin", userName: "admin@x.org"))
        for index in 0..<10 { snapshot.userIDs["u\(index)@x.org"] = "u\(index)" }
        let plan = OffboardPlanner.plan(Self.desired(10), against: snapshot, options: .init())
        #expect(plan.userDeletions.count == 10)
        let rows = await OffboardRun(plan: plan, writer: writer, width: 4, interrupt: interrupt).execute()
        // No membership to remove (no group in the snapshot): the first four deletions were in flight.
        #expect(writer.callCount == 4)
        #expect(rows.filter { $0.user == .removed }.count == 4)
        #expect(rows.filter { $0.user == .removed }.allSatisfy { $0.status == .ok })
        #expect(rows.filter { $0.user == .skipped }.allSatisfy { $0.status == .skipped && $0.errors == ["interrupted before this was done"] })
    }
}

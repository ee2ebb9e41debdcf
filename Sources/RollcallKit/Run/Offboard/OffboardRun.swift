/// Executes an ``OffboardPlan``: memberships, then users, then (with `--delete-groups`) ACL
/// rewrites and revocations together, then the groups whose access is gone. Each phase runs in a
/// ``SlidingWindow``; after an interrupt nothing new starts and requests in flight finish and are
/// recorded, so the results never call a removed user skipped.
public actor OffboardRun {
    public let plan: OffboardPlan
    private let writer: any OffboardWriter
    private let width: Int
    private let interrupt: InterruptFlag
    private var ledger = OffboardLedger()
    private var progress: ProgressCounter

    public init(
        plan: OffboardPlan, writer: any OffboardWriter, width: Int, interrupt: InterruptFlag = InterruptFlag(),
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) {
        self.plan = plan
        self.writer = writer
        self.width = max(1, width)
        self.interrupt = interrupt
        self.progress = ProgressCounter(total: plan.writeCount, onProgress: onProgress)
    }

    public func currentRows() -> [OffboardRowResult] {
        OffboardRowAssembler(plan: plan, ledger: ledger).rows()
    }

    /// Group deletions so far, for the summary: deleted or failed (with the reason).
    func groupOutcomes() -> [String: Result<RemovalOutcome, ActionFailure>] {
        ledger.groups
    }

    public func execute() async -> [OffboardRowResult] {
        let writer = self.writer
        report("memberships")
        _ = await SlidingWindow.run(plan.membershipRemovals, width: width, interrupt: interrupt) { removal in
            let result = await ActionFailure.attempt {
                try await writer.removeMembers(groupID: removal.groupID, userIDs: removal.members.map(\.id))
            }
            await self.record(removal, result)
        }
        report("users")
        _ = await SlidingWindow.run(plan.userDeletions, width: width, interrupt: interrupt) { deletion in
            let result = await ActionFailure.attempt { try await writer.deleteUser(id: deletion.id) }
            await self.record(deletion, result)
        }
        report("access")
        let teardown = plan.aclRewrites.map(TeardownJob.acl) + plan.grantRevocations.map(TeardownJob.revocation)
        _ = await SlidingWindow.run(teardown, width: width, interrupt: interrupt) { job in
            switch job {
            case .acl(let rewrite):
                let result = await ActionFailure.attempt {
                    try await writer.replaceACL(kind: rewrite.resource.kind, objectID: rewrite.objectID, grants: rewrite.kept)
                }
                await self.record(rewrite, result)
            case .revocation(let revocation):
                let result = await ActionFailure.attempt { try await writer.revoke(revocation) }
                await self.record(revocation, result)
            }
        }
        report("groups")
        let deletable = plan.groupDeletions.filter { accessRemoved(from: $0.name) }
        _ = await SlidingWindow.run(deletable, width: width, interrupt: interrupt) { deletion in
            let result = await ActionFailure.attempt { try await writer.deleteGroup(id: deletion.id) }
            await self.record(deletion, result)
        }
        report("done")
        return currentRows()
    }

    /// A group is deleted only once its ACL entries and grants are gone; otherwise it is kept, so
    /// that a re-run can still find and finish it.
    private func accessRemoved(from group: String) -> Bool {
        guard !interrupt.isRaised else { return false }
        var problem: String?
        for rewrite in plan.aclRewrites where rewrite.removedGroups.contains(group) {
            if case .failure? = ledger.acl[rewrite.resource] { problem = "\(rewrite.resource)" }
        }
        for revocation in plan.grantRevocations where revocation.group == group {
            if case .failure? = ledger.revocations[RunLedger.GrantKey(securable: revocation.securable, group: group)] {
                problem = "\(revocation.securable)"
            }
        }
        guard let problem else { return true }
        ledger.groups[group] = .failure(
            ActionFailure(message: "kept, because its access on \(problem) could not be removed; run offboard again"))
        return false
    }

    private func record(_ removal: MembershipRemoval, _ result: Result<Void, ActionFailure>) {
        for member in removal.members {
            ledger.memberships[RunLedger.MembershipKey(email: member.email, group: removal.group)] = result
        }
        finishedOne()
    }

    private func record(_ deletion: UserDeletion, _ result: Result<RemovalOutcome, ActionFailure>) {
        ledger.users[deletion.email] = result
        finishedOne()
    }

    private func record(_ rewrite: ACLRewrite, _ result: Result<Void, ActionFailure>) {
        ledger.acl[rewrite.resource] = result
        finishedOne()
    }

    private func record(_ revocation: GrantRevocation, _ result: Result<Void, ActionFailure>) {
        ledger.revocations[RunLedger.GrantKey(securable: revocation.securable, group: revocation.group)] = result
        finishedOne()
    }

    private func record(_ deletion: GroupDeletion, _ result: Result<RemovalOutcome, ActionFailure>) {
        ledger.groups[deletion.name] = result
        finishedOne()
    }

    private func report(_ phase: String) { progress.start(phase) }

    private func finishedOne() { progress.finishOne() }
}

private enum TeardownJob: Sendable {
    case acl(ACLRewrite)
    case revocation(GrantRevocation)
}

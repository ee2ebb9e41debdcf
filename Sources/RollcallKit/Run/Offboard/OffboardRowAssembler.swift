/// Turns an offboard plan and its ledger into one ``OffboardRowResult`` per roster row.
struct OffboardRowAssembler {
    let plan: OffboardPlan
    let ledger: OffboardLedger
    var pendingMessage = "interrupted before this was done"

    func rows() -> [OffboardRowResult] {
        let removalsByEmail = Dictionary(
            grouping: plan.membershipRemovals.flatMap { removal in removal.members.map { ($0.email, removal.group) } },
            by: \.0
        ).mapValues { $0.map(\.1) }
        let deletionPlanned = Set(plan.userDeletions.map(\.email))

        return plan.desired.participants.map { participant in
            let email = participant.email
            let userID = plan.snapshot.userIDs[email]
            if let protection = plan.protected[email] {
                return OffboardRowResult(
                    participant: participant, userID: userID, membership: .skipped, user: .skipped, status: .skipped,
                    errors: [protection.message])
            }
            var errors: [String] = []
            var pending = false

            var membership = OffboardOutcome.absent
            for group in removalsByEmail[email] ?? [] {
                switch ledger.memberships[RunLedger.MembershipKey(email: email, group: group)] {
                case .success?: if membership == .absent { membership = .removed }
                case .failure(let failure)?:
                    membership = .failed
                    appendOnce("group '\(group)': \(failure.message)", to: &errors)
                case nil:
                    if membership != .failed { membership = .skipped }
                    pending = true
                }
            }

            var user = OffboardOutcome.absent
            if deletionPlanned.contains(email) {
                switch ledger.users[email] {
                case .success(.removed)?: user = .removed
                case .success(.alreadyAbsent)?: user = .absent
                case .failure(let failure)?:
                    user = .failed
                    errors.append(failure.message)
                case nil:
                    user = .skipped
                    pending = true
                }
            }

            let groupFailed = teardown(of: participant.group, errors: &errors, pending: &pending)
            if pending { appendOnce(pendingMessage, to: &errors) }
            let failed = membership == .failed || user == .failed || groupFailed
            return OffboardRowResult(
                participant: participant, userID: userID, membership: membership, user: user,
                status: failed ? .failed : (pending ? .skipped : .ok), errors: errors)
        }
    }

    /// The row's group under `--delete-groups`: its ACL entries, grants and deletion. Returns
    /// whether any of them failed.
    private func teardown(of group: String, errors: inout [String], pending: inout Bool) -> Bool {
        var failed = false
        func note(_ result: Result<Void, ActionFailure>?, _ what: String) {
            switch result {
            case .success?: break
            case .failure(let failure)?:
                failed = true
                appendOnce("\(what): \(failure.message)", to: &errors)
            case nil: pending = true
            }
        }
        for rewrite in plan.aclRewrites where rewrite.removedGroups.contains(group) {
            note(ledger.acl[rewrite.resource], "removing '\(group)' from \(rewrite.resource)")
        }
        for revocation in plan.grantRevocations where revocation.group == group {
            note(
                ledger.revocations[RunLedger.GrantKey(securable: revocation.securable, group: group)],
                "revoking on \(revocation.securable) from '\(group)'")
        }
        if plan.groupDeletions.contains(where: { $0.name == group }) {
            note(ledger.groups[group].map { $0.map { _ in () } }, "deleting group '\(group)'")
        }
        return failed
    }

    private func appendOnce(_ message: String, to errors: inout [String]) {
        if !errors.contains(message) { errors.append(message) }
    }
}

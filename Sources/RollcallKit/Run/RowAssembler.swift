/// Turns a plan and what happened so far into one ``RowResult`` per roster row.
struct RowAssembler {
    let plan: Plan
    let ledger: RunLedger
    /// Message for work the run never reached (interrupted, or still pending mid-run).
    var pendingMessage = "interrupted before this was done"

    func rows() -> [RowResult] {
        let groupsByName = Dictionary(plan.desired.groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let membershipPlanned = Set(plan.membershipAdditions.flatMap { addition in
            addition.emails.map { RunLedger.MembershipKey(email: $0, group: addition.group) }
        })
        let aclPlanned = Set(plan.aclUpdates.flatMap { update in
            update.entries.map { RunLedger.ACLKey(resource: update.resource, group: $0.group) }
        })
        let grantsPlanned = Set(plan.grantAdditions.map { RunLedger.GrantKey(securable: $0.securable, group: $0.group) })
        let groupCreationPlanned = Set(plan.groupCreations.map(\.name))
        let userCreationPlanned = Set(plan.userCreations.map(\.email))

        return plan.desired.participants.map { participant in
            var errors: [String] = []
            let email = participant.email
            let groupName = participant.group

            // User.
            var userID = plan.snapshot.userIDs[email]
            let user: UserOutcome
            if userID != nil {
                user = .existing
            } else if let id = ledger.createdUsers[email] {
                userID = id
                user = .created
            } else if let failure = ledger.userFailures[email] {
                user = .failed
                errors.append(failure)
            } else {
                user = .skipped
                if userCreationPlanned.contains(email) { errors.append(pendingMessage) }
            }

            // Group: exists, created, failed, or never reached.
            var groupProblem: (outcome: AccessOutcome, message: String)?
            if plan.snapshot.groups[groupName] == nil && ledger.createdGroups[groupName] == nil {
                if let failure = ledger.groupFailures[groupName] {
                    groupProblem = (.failed, "group '\(groupName)': \(failure)")
                } else if groupCreationPlanned.contains(groupName) {
                    groupProblem = (.skipped, pendingMessage)
                }
            }
            if let problem = groupProblem, !errors.contains(problem.message) { errors.append(problem.message) }

            // Membership.
            let membership: MembershipOutcome
            let key = RunLedger.MembershipKey(email: email, group: groupName)
            if user == .failed || user == .skipped {
                membership = .skipped
            } else if let problem = groupProblem {
                membership = problem.outcome == .failed ? .failed : .skipped
            } else if membershipPlanned.contains(key) {
                switch ledger.memberships[key] {
                case .success?: membership = .added
                case .failure(let failure)?:
                    membership = .failed
                    errors.append(failure.message)
                case nil:
                    membership = .skipped
                    errors.append(pendingMessage)
                }
            } else {
                membership = .already
            }

            // ACLs, per kind (several serving endpoints fold into one cell).
            var access: [ResourceKind: AccessOutcome] = [:]
            let group = groupsByName[groupName]
            for kind in ResourceKind.allCases {
                let resources = plan.desired.resources.filter { $0.kind == kind }
                guard group?.levels[kind] != nil, !resources.isEmpty else {
                    access[kind] = .notApplicable
                    continue
                }
                var outcomes: [AccessOutcome] = []
                for resource in resources {
                    if case .unavailable(let reason)? = plan.snapshot.resources[resource] {
                        outcomes.append(.failed)
                        appendOnce(reason, to: &errors)
                        continue
                    }
                    let aclKey = RunLedger.ACLKey(resource: resource, group: groupName)
                    guard aclPlanned.contains(aclKey) else {
                        outcomes.append(.unchanged)
                        continue
                    }
                    if let problem = groupProblem {
                        outcomes.append(problem.outcome == .failed ? .skipped : problem.outcome)
                        continue
                    }
                    switch ledger.acl[aclKey] {
                    case .success?: outcomes.append(.granted)
                    case .failure(let failure)?:
                        outcomes.append(.failed)
                        appendOnce("\(resource): \(failure.message)", to: &errors)
                    case nil:
                        outcomes.append(.skipped)
                        appendOnce(pendingMessage, to: &errors)
                    }
                }
                access[kind] = AccessOutcome.combined(outcomes)
            }

            // Unity Catalog grants.
            var grantOutcomes: [AccessOutcome] = []
            for grant in plan.desired.config.unityCatalog.grants {
                let securable = SecurableRef(securable: grant.securable, name: grant.name)
                let grantKey = RunLedger.GrantKey(securable: securable, group: groupName)
                guard grantsPlanned.contains(grantKey) else {
                    grantOutcomes.append(.unchanged)
                    continue
                }
                if let problem = groupProblem {
                    grantOutcomes.append(problem.outcome == .failed ? .skipped : problem.outcome)
                    continue
                }
                switch ledger.grants[grantKey] {
                case .success?: grantOutcomes.append(.granted)
                case .failure(let failure)?:
                    grantOutcomes.append(.failed)
                    appendOnce("\(securable): \(failure.message)", to: &errors)
                case nil:
                    grantOutcomes.append(.skipped)
                    appendOnce(pendingMessage, to: &errors)
                }
            }

            if plan.snapshot.hasNameConflict(groupName), !plan.desired.config.unityCatalog.grants.isEmpty {
                grantOutcomes = [.failed]
                appendOnce(LocalGroupAdvice.conflict(group: groupName), to: &errors)
            } else if grantOutcomes.contains(.failed), isWorkspaceLocal(groupName) {
                errors.append(LocalGroupAdvice.fix(group: groupName))
            }
            if let failure = ledger.entitlementFailures[groupName] {
                appendOnce("entitlements of group '\(groupName)': \(failure)", to: &errors)
            }
            if let failure = ledger.lockdownFailure {
                appendOnce("lockdown of the 'users' group: \(failure)", to: &errors)
            }

            return RowResult(
                participant: participant, userID: userID, user: user, membership: membership, access: access,
                grants: AccessOutcome.combined(grantOutcomes), errors: errors)
        }
    }

    /// Unity Catalog rejects workspace-local groups; the fix is worth saying on the row.
    private func isWorkspaceLocal(_ group: String) -> Bool {
        if let existing = plan.snapshot.groups[group] { return !existing.isAccountGroup }
        return ledger.createdGroups[group] != nil && !plan.snapshot.hasAccount
    }

    private func appendOnce(_ message: String, to errors: inout [String]) {
        if !errors.contains(message) { errors.append(message) }
    }
}

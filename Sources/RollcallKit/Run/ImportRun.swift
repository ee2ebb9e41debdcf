/// Executes a ``Plan`` in dependency order: users, then groups, then memberships, entitlements and
/// the lockdown, then ACLs, then Unity Catalog grants. Within a phase a sliding window keeps at
/// most `width` requests in flight. A failed action fails only the rows that need it.
public actor ImportRun {
    public let plan: Plan
    private let writer: any WorkspaceWriter
    private let width: Int
    private let interrupt: InterruptFlag
    private var ledger = RunLedger()
    private var progress: ProgressCounter

    public init(
        plan: Plan, writer: any WorkspaceWriter, width: Int, interrupt: InterruptFlag = InterruptFlag(),
        onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) {
        self.plan = plan
        self.writer = writer
        self.width = max(1, width)
        self.interrupt = interrupt
        self.progress = ProgressCounter(total: plan.writeCount, onProgress: onProgress)
    }

    /// Rows as they stand now; unfinished work reads as skipped/interrupted.
    public func currentRows() -> [RowResult] {
        RowAssembler(plan: plan, ledger: ledger).rows()
    }

    /// Runs every phase (unless interrupted) and returns one result per roster row, in roster order.
    public func execute() async -> [RowResult] {
        report("users")
        await createUsers()
        report("groups")
        await createGroups()
        report("memberships")
        await addMembershipsEntitlementsAndLockdown()
        report("permissions")
        await raiseLevels()
        report("grants")
        await grantPrivileges()
        report("done")
        return currentRows()
    }

    private func report(_ phase: String) { progress.start(phase) }

    private func finishedOne() { progress.finishOne() }

    // MARK: Phases

    private func createUsers() async {
        let writer = self.writer
        let results = await SlidingWindow.run(plan.userCreations, width: width, interrupt: interrupt) { creation in
            let result = await Self.attempt { try await writer.createUser(email: creation.email, displayName: creation.displayName) }
            await self.recordUser(creation.email, result)
            return result
        }
        _ = results
    }

    private func recordUser(_ email: String, _ result: Result<String, ActionFailure>) {
        switch result {
        case .success(let id): ledger.createdUsers[email] = id
        case .failure(let failure): ledger.userFailures[email] = failure.message
        }
        finishedOne()
    }

    private func createGroups() async {
        guard !interrupt.isRaised else { return }
        let writer = self.writer
        _ = await SlidingWindow.run(plan.groupCreations, width: width, interrupt: interrupt) { creation in
            let result = await Self.attempt { try await writer.createGroup(creation) }
            await self.recordGroup(creation.name, result)
            return ()
        }
    }

    private func recordGroup(_ name: String, _ result: Result<String, ActionFailure>) {
        switch result {
        case .success(let id): ledger.createdGroups[name] = id
        case .failure(let failure): ledger.groupFailures[name] = failure.message
        }
        finishedOne()
    }

    /// Memberships need both ids; entitlements and the lockdown are independent of them, so all
    /// three kinds share one window.
    private func addMembershipsEntitlementsAndLockdown() async {
        guard !interrupt.isRaised else { return }
        var jobs: [PhaseThreeJob] = []
        for addition in plan.membershipAdditions {
            guard let groupID = groupID(addition.group) else { continue }
            let members = addition.emails.compactMap { email in userID(email).map { (email, $0) } }
            guard !members.isEmpty else { continue }
            jobs.append(.members(group: addition.group, groupID: groupID, members: members.map { Member(email: $0.0, id: $0.1) }))
        }
        for grant in plan.entitlementGrants { jobs.append(.entitlements(grant)) }
        if let lockdown = plan.lockdown { jobs.append(.lockdown(lockdown)) }

        let writer = self.writer
        _ = await SlidingWindow.run(jobs, width: width, interrupt: interrupt) { job in
            switch job {
            case .members(let group, let groupID, let members):
                let result = await Self.attempt { try await writer.addMembers(groupID: groupID, userIDs: members.map(\.id)) }
                await self.recordMembers(group: group, emails: members.map(\.email), result)
            case .entitlements(let grant):
                let result = await Self.attempt {
                    try await writer.addEntitlements(groupID: grant.groupID, entitlements: grant.entitlements)
                }
                await self.recordEntitlements(group: grant.group, result)
            case .lockdown(let lockdown):
                let result = await Self.attempt {
                    try await writer.removeEntitlements(groupID: lockdown.groupID, entitlements: lockdown.entitlements)
                }
                await self.recordLockdown(result)
            }
            return ()
        }
    }

    private func recordMembers(group: String, emails: [String], _ result: Result<Void, ActionFailure>) {
        for email in emails { ledger.memberships[RunLedger.MembershipKey(email: email, group: group)] = result }
        finishedOne()
    }

    private func recordEntitlements(group: String, _ result: Result<Void, ActionFailure>) {
        if case .failure(let failure) = result { ledger.entitlementFailures[group] = failure.message }
        finishedOne()
    }

    private func recordLockdown(_ result: Result<Void, ActionFailure>) {
        if case .failure(let failure) = result { ledger.lockdownFailure = failure.message }
        finishedOne()
    }

    private func raiseLevels() async {
        guard !interrupt.isRaised else { return }
        let updates = plan.aclUpdates.compactMap { update -> ACLUpdate? in
            var update = update
            update.entries = update.entries.filter { groupID($0.group) != nil }
            return update.entries.isEmpty ? nil : update
        }
        let writer = self.writer
        _ = await SlidingWindow.run(updates, width: width, interrupt: interrupt) { update in
            let result = await Self.attempt {
                try await writer.raiseLevels(kind: update.resource.kind, objectID: update.objectID, entries: update.entries)
            }
            await self.recordACL(update, result)
            return ()
        }
    }

    private func recordACL(_ update: ACLUpdate, _ result: Result<Void, ActionFailure>) {
        for entry in update.entries {
            ledger.acl[RunLedger.ACLKey(resource: update.resource, group: entry.group)] = result
        }
        finishedOne()
    }

    private func grantPrivileges() async {
        guard !interrupt.isRaised else { return }
        let additions = plan.grantAdditions.filter { groupID($0.group) != nil }
        let writer = self.writer
        if writer.mergesGrantsPerSecurable {
            await grantPerSecurable(additions)
            return
        }
        _ = await SlidingWindow.run(additions, width: width, interrupt: interrupt) { addition in
            let result = await Self.attempt { try await writer.grant(addition) }
            await self.recordGrant(addition, result)
            return ()
        }
    }

    private func recordGrant(_ addition: GrantAddition, _ result: Result<Void, ActionFailure>) {
        ledger.grants[RunLedger.GrantKey(securable: addition.securable, group: addition.group)] = result
        finishedOne()
    }

    /// REST: one request per securable for every group, each group's outcome read from it.
    private func grantPerSecurable(_ additions: [GrantAddition]) async {
        var order: [SecurableRef] = []
        var bySecurable: [SecurableRef: [GrantAddition]] = [:]
        for addition in additions {
            if bySecurable[addition.securable] == nil { order.append(addition.securable) }
            bySecurable[addition.securable, default: []].append(addition)
        }
        let writer = self.writer
        let batches = order.map { ($0, bySecurable[$0] ?? []) }
        _ = await SlidingWindow.run(batches, width: width, interrupt: interrupt) { securable, group in
            let result = await Self.attempt { try await writer.grantTogether(on: securable, group) }
            await self.recordGrants(group, result)
            return ()
        }
    }

    private func recordGrants(_ additions: [GrantAddition], _ result: Result<[String: String], ActionFailure>) {
        for addition in additions {
            let key = RunLedger.GrantKey(securable: addition.securable, group: addition.group)
            switch result {
            case .success(let failures):
                ledger.grants[key] = failures[addition.group].map { .failure(ActionFailure(message: $0)) } ?? .success(())
            case .failure(let failure):
                ledger.grants[key] = .failure(failure)
            }
            finishedOne()
        }
    }

    // MARK: Lookups

    private func userID(_ email: String) -> String? {
        plan.snapshot.userIDs[email] ?? ledger.createdUsers[email]
    }

    private func groupID(_ name: String) -> String? {
        plan.snapshot.groups[name]?.id ?? ledger.createdGroups[name]
    }

    private static func attempt<T>(_ body: () async throws -> T) async -> Result<T, ActionFailure> {
        await ActionFailure.attempt(body)
    }
}

/// A phase-three unit of work.
private enum PhaseThreeJob: Sendable {
    case members(group: String, groupID: String, members: [Member])
    case entitlements(EntitlementGrant)
    case lockdown(UsersGroupLockdown)
}

private struct Member: Sendable {
    var email: String
    var id: String
}

/// Where a run stands, for progress display: `phase` is set when a phase starts.
public struct RunProgress: Sendable, Hashable {
    public var phase: String?
    public var done: Int
    public var total: Int
}

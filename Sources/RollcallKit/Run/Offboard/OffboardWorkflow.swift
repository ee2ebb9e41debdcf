/// The whole offboard after validation: read the workspace, plan, and (unless dry-run) execute
/// while keeping the results file current. The command line only prints what this reports.
public struct OffboardWorkflow: Sendable {
    public var desired: DesiredState
    public var reader: any OffboardReader
    public var options: OffboardPlanner.Options
    public var concurrency: Int
    /// nil: no results file (dry runs never write one).
    public var resultsPath: String?

    public init(
        desired: DesiredState, reader: any OffboardReader, options: OffboardPlanner.Options, concurrency: Int,
        resultsPath: String?
    ) {
        self.desired = desired
        self.reader = reader
        self.options = options
        self.concurrency = concurrency
        self.resultsPath = resultsPath
    }

    public func plan(identity: SCIMUser) async throws -> OffboardPlan {
        let snapshot = try await OffboardSnapshotReader(reader: reader)
            .snapshot(for: desired, identity: identity, deleteGroups: options.deleteGroups)
        return OffboardPlanner.plan(desired, against: snapshot, options: options)
    }

    /// Executes `plan`, rewriting the results file every second and once at the end.
    public func execute(
        _ plan: OffboardPlan, writer: any OffboardWriter, interrupt: InterruptFlag,
        onProgress: @escaping @Sendable (RunProgress) -> Void
    ) async -> OffboardReport {
        let run = OffboardRun(plan: plan, writer: writer, width: concurrency, interrupt: interrupt, onProgress: onProgress)
        let (rows, writeError) = await resultsPath.map { ResultsCheckpoints(path: $0) }.keepCurrent(
            { OffboardResultsCSV.render(await run.currentRows()) }, during: { await run.execute() },
            final: OffboardResultsCSV.render)

        var summary = OffboardSummary(rows: rows, resultsPath: resultsPath, interrupted: interrupt.isRaised)
        let outcomes = await run.groupOutcomes()
        for deletion in plan.groupDeletions {
            switch outcomes[deletion.name] {
            case .success?: summary.groupsDeleted.append(deletion.name)
            case .failure(let failure)?: summary.groupsKept.append(KeptGroup(name: deletion.name, reason: failure.message))
            case nil: summary.groupsKept.append(KeptGroup(name: deletion.name, reason: "interrupted before it was deleted"))
            }
        }
        summary.groupsKept += plan.keptGroups
        return OffboardReport(plan: plan, rows: rows, summary: summary, resultsWriteError: writeError)
    }
}

/// What an executed offboard reports back to the command line.
public struct OffboardReport: Sendable {
    public var plan: OffboardPlan
    public var rows: [OffboardRowResult]
    public var summary: OffboardSummary
    public var resultsWriteError: AtomicWriteError?

    /// No row failed and the results file was written (protected rows are skipped, not failed).
    public var succeeded: Bool { summary.rowsFailed == 0 && resultsWriteError == nil }
}

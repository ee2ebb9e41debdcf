/// The whole import after validation: read the workspace, plan, and (unless dry-run) execute while
/// keeping the results file current. The command line only prints what this reports.
public struct ImportWorkflow: Sendable {
    public struct Options: Sendable {
        public var dryRun = false
        public var concurrency = 32
        /// nil: no results file (dry runs never write one).
        public var resultsPath: String?
        /// How rows become the results file; `--retry-failed` merges them into the earlier file's rows.
        public var render: @Sendable ([RowResult]) -> [UInt8] = ResultsCSV.render

        public init(dryRun: Bool = false, concurrency: Int = 32, resultsPath: String? = nil) {
            self.dryRun = dryRun
            self.concurrency = concurrency
            self.resultsPath = resultsPath
        }
    }

    public var desired: DesiredState
    public var reader: any WorkspaceReader
    /// Set when an account is configured: missing groups are then made at the account level.
    public var accountReader: (any AccountGroupReader)?
    public var writer: any WorkspaceWriter
    public var options: Options

    public init(
        desired: DesiredState, reader: any WorkspaceReader, accountReader: (any AccountGroupReader)? = nil,
        writer: any WorkspaceWriter, options: Options
    ) {
        self.desired = desired
        self.reader = reader
        self.accountReader = accountReader
        self.writer = writer
        self.options = options
    }

    /// Reads the workspace and returns the plan; throws only when the workspace cannot be read.
    public func plan() async throws -> Plan {
        let snapshot = try await SnapshotReader(reader: reader, accountReader: accountReader).snapshot(for: desired)
        return Planner.plan(desired, against: snapshot)
    }

    /// Executes `plan`, rewriting the results file every second and once at the end.
    public func execute(
        _ plan: Plan, interrupt: InterruptFlag, onProgress: @escaping @Sendable (RunProgress) -> Void
    ) async -> ImportReport {
        let run = ImportRun(plan: plan, writer: writer, width: options.concurrency, interrupt: interrupt, onProgress: onProgress)
        let render = options.render
        let (rows, writeError) = await options.resultsPath.map { ResultsCheckpoints(path: $0) }.keepCurrent(
            { render(await run.currentRows()) }, during: { await run.execute() }, final: render)
        return ImportReport(
            plan: plan, rows: rows,
            summary: RunSummary(rows: rows, resultsPath: options.resultsPath, interrupted: interrupt.isRaised),
            resultsWriteError: writeError)
    }
}

/// What an executed import reports back to the command line.
public struct ImportReport: Sendable {
    public var plan: Plan
    public var rows: [RowResult]
    public var summary: RunSummary
    /// Set when the final results file could not be written (the rows are still here).
    public var resultsWriteError: AtomicWriteError?

    /// Every row ok and the results file written.
    public var succeeded: Bool { summary.rowsFailed == 0 && resultsWriteError == nil }
}

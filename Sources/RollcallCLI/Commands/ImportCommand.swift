import Foundation
import RollcallKit

/// `rollcall import`: validate offline, read the workspace, plan only what is missing, run it
/// concurrently, and leave a results CSV that says what happened to every row.
enum ImportCommand {
    /// `environment` and `workingDirectory` feed credential resolution (the demo passes its own).
    static func run(
        _ options: ImportOptions, console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) async -> ExitStatus {
        guard
            let input = RosterInput.load(
                roster: options.roster, workshop: options.workshop, delimiter: options.delimiter, console: console)
        else { return .invalidInput }
        var retry: RetrySelection?
        switch RetryFailedInput.select(options.retryFailed, roster: input.roster, rosterPath: options.roster, console: console) {
        case .wholeRoster: break
        case .retry(let selection): retry = selection
        case .stop(let status): return status
        }
        guard
            let connection = await WorkspaceConnection.open(
                options.connection, concurrency: options.concurrency, rateLimit: options.rateLimit, console: console,
                environment: environment, workingDirectory: workingDirectory)
        else { return .unreachable }
        defer { connection.client.close() }

        let desired = DesiredState(roster: retry?.retried ?? input.roster, config: input.workshop)
        let resultsPath = options.dryRun ? nil : (options.results ?? ResultsLocation.defaultPath(forRoster: options.roster))
        let statementWait = StatementWait.seconds(from: environment)
        func writer(warehouseID: String?) -> ClientWorkspaceWriter {
            var writer = ClientWorkspaceWriter(
                client: connection.client, warehouseID: warehouseID, grantsVia: input.workshop.unityCatalog.grantsVia,
                warehouseName: input.workshop.warehouse?.name, statementWaitSeconds: statementWait)
            writer.account = connection.account
            return writer
        }
        var workflow = ImportWorkflow(
            desired: desired, reader: connection.client, accountReader: connection.account?.account,
            writer: writer(warehouseID: nil),
            options: .init(dryRun: options.dryRun, concurrency: options.concurrency, resultsPath: resultsPath))
        if let retry { workflow.options.render = retry.render }

        let (interrupt, watcher) = SignalWatcher.interruptingRun(console: console)
        defer { watcher.cancel() }  // before the reads, so Ctrl-C while planning also exits 130

        let plan: Plan
        do {
            plan = try await workflow.plan()
        } catch {
            console.err("error: cannot read the workspace: \(error)\n")
            return .unreachable
        }
        workflow.writer = writer(warehouseID: plan.snapshot.warehouseID(in: desired))

        if options.dryRun {
            console.out(PlanRenderer.render(plan) + "\n")
            console.out("dry run: nothing was changed\n")
            return .success
        }
        if options.verbosity != .quiet || !plan.warnings.isEmpty {
            let text = options.verbosity == .quiet
                ? plan.warnings.map { "warning: \($0)" }.joined(separator: "\n") : PlanRenderer.render(plan)
            console.err(text + "\n")
        }

        let progress = ProgressReporter(
            console: console, counters: connection.client.counters, enabled: options.verbosity != .quiet && !options.json)
        let report = await workflow.execute(plan, interrupt: interrupt, onProgress: { progress.update($0) })
        progress.finish()

        if let error = report.resultsWriteError { console.err("error: \(error)\n") }
        if options.json {
            console.out(RunSummaryJSON.render(report.summary, counters: connection.client.counters.snapshot))
        } else {
            console.out(report.summary.table() + "\n")
            for row in report.rows where !row.succeeded && options.verbosity == .verbose {
                console.err("\(options.roster):\(row.participant.line): \(row.participant.email): \(row.errors.joined(separator: "; "))\n")
            }
        }
        if interrupt.isRaised { return .interrupted }
        return report.succeeded ? .success : .rowsFailed
    }
}

/// `--json` summary: the run's counts plus the request counters.
enum RunSummaryJSON {
    static func render(_ summary: RunSummary, counters: RequestCounters.Snapshot) -> String {
        var fields: [(String, String)] = [
            ("rows", "\(summary.rows)"), ("rows_ok", "\(summary.rowsOK)"), ("rows_failed", "\(summary.rowsFailed)"),
            ("users_created", "\(summary.usersCreated)"), ("users_existing", "\(summary.usersExisting)"),
            ("members_added", "\(summary.membersAdded)"), ("members_already", "\(summary.membersAlready)"),
            ("access_granted", "\(summary.accessGranted)"), ("access_unchanged", "\(summary.accessUnchanged)"),
            ("grants_granted", "\(summary.grantsGranted)"), ("grants_unchanged", "\(summary.grantsUnchanged)"),
            ("interrupted", summary.interrupted ? "true" : "false"),
            ("requests", "\(counters.requests)"), ("write_requests", "\(counters.writes)"),
            ("retries", "\(counters.retries)"), ("throttled", "\(counters.throttles)"),
        ]
        fields.append(("results", JSONText.quotedOrNull(summary.resultsPath)))
        return "{" + fields.map { "\(JSONText.quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}\n"
    }
}

/// `ROLLCALL_SQL_WAIT_TIMEOUT`: seconds a GRANT statement may hold its request before Rollcall
/// polls instead (Databricks accepts 0 or 5-50; default 30). A tuning knob, also used by tests.
enum StatementWait {
    static func seconds(from environment: [String: String]) -> Int {
        guard let text = environment["ROLLCALL_SQL_WAIT_TIMEOUT"], let value = Int(text.trimmingCharacters(in: .whitespaces)),
              value == 0 || (5...50).contains(value)
        else { return 30 }
        return value
    }
}

import Foundation
import RollcallKit

/// `rollcall offboard`: validate offline, read what the roster's users and groups still hold, plan
/// only what is left to remove, run it, and leave a results CSV. Never touches the running
/// identity, workspace admins (unless `--include-admins`), the built-in groups, or anyone not on the
/// roster; never restores the `users` lockdown, and prints the request that would.
enum OffboardCommand {
    static func run(
        _ options: OffboardOptions, console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) async -> ExitStatus {
        guard
            let input = RosterInput.load(
                roster: options.roster, workshop: options.workshop, delimiter: options.delimiter, console: console)
        else { return .invalidInput }
        guard
            let connection = await WorkspaceConnection.open(
                options.connection, concurrency: options.concurrency, rateLimit: nil, console: console,
                environment: environment, workingDirectory: workingDirectory)
        else { return .unreachable }
        defer { connection.client.close() }

        let desired = DesiredState(roster: input.roster, config: input.workshop)
        let resultsPath = options.dryRun ? nil : (options.results ?? ResultsLocation.defaultPath(forRoster: options.roster))
        let workflow = OffboardWorkflow(
            desired: desired, reader: connection.client,
            options: .init(deleteGroups: options.deleteGroups, includeAdmins: options.includeAdmins),
            concurrency: options.concurrency, resultsPath: resultsPath)

        let (interrupt, watcher) = SignalWatcher.interruptingRun(console: console)
        defer { watcher.cancel() }

        let plan: OffboardPlan
        do {
            plan = try await workflow.plan(identity: connection.identity.user)
        } catch {
            console.err("error: cannot read the workspace: \(error)\n")
            return .unreachable
        }
        let host = connection.client.host.url.absoluteString
        let restore = LockdownRestoreAdvice.message(snapshot: plan.snapshot, config: input.workshop, host: host)

        if options.dryRun {
            console.out(OffboardPlanRenderer.render(plan) + "\n")
            console.out("dry run: nothing was changed\n")
            if let restore { console.out(restore + "\n") }
            return .success
        }
        if options.verbosity != .quiet || !plan.warnings.isEmpty {
            let text = options.verbosity == .quiet
                ? plan.warnings.map { "warning: \($0)" }.joined(separator: "\n") : OffboardPlanRenderer.render(plan)
            console.err(text + "\n")
        }

        let writer = ClientWorkspaceWriter(
            client: connection.client, warehouseID: warehouseID(plan),
            grantsVia: input.workshop.unityCatalog.grantsVia, warehouseName: input.workshop.warehouse?.name,
            statementWaitSeconds: StatementWait.seconds(from: environment))
        let progress = ProgressReporter(
            console: console, counters: connection.client.counters, enabled: options.verbosity != .quiet && !options.json)
        let report = await workflow.execute(plan, writer: writer, interrupt: interrupt, onProgress: { progress.update($0) })
        progress.finish()

        if let error = report.resultsWriteError { console.err("error: \(error)\n") }
        if options.json {
            console.out(OffboardSummaryJSON.render(
                report.summary, counters: connection.client.counters.snapshot,
                restoreLockdown: LockdownRestoreAdvice.command(snapshot: plan.snapshot, config: input.workshop, host: host)))
        } else {
            console.out(report.summary.table() + "\n")
            if let restore { console.out(restore + "\n") }
            for row in report.rows where row.status == .failed && options.verbosity == .verbose {
                console.err("\(options.roster):\(row.participant.line): \(row.participant.email): \(row.errors.joined(separator: "; "))\n")
            }
        }
        if interrupt.isRaised { return .interrupted }
        return report.succeeded ? .success : .rowsFailed
    }

    /// SQL revocations run on the workshop warehouse, found while reading its ACL.
    private static func warehouseID(_ plan: OffboardPlan) -> String? {
        guard let ref = plan.desired.resources.first(where: { $0.kind == .warehouse }),
              case .found(let id, _)? = plan.snapshot.acls[ref] else { return nil }
        return id
    }
}

/// `--json` summary of an offboard: its counts, the request counters, and the lockdown advice.
enum OffboardSummaryJSON {
    static func render(_ summary: OffboardSummary, counters: RequestCounters.Snapshot, restoreLockdown: String?) -> String {
        let fields: [(String, String)] = [
            ("rows", "\(summary.rows)"), ("rows_ok", "\(summary.rowsOK)"), ("rows_failed", "\(summary.rowsFailed)"),
            ("rows_skipped", "\(summary.rowsSkipped)"), ("users_removed", "\(summary.usersRemoved)"),
            ("users_absent", "\(summary.usersAbsent)"), ("members_removed", "\(summary.membersRemoved)"),
            ("groups_deleted", "[" + summary.groupsDeleted.map(JSONText.quoted).joined(separator: ", ") + "]"),
            ("groups_kept", "[" + summary.groupsKept.map {
                "{\"name\": \(JSONText.quoted($0.name)), \"reason\": \(JSONText.quoted($0.reason))}"
            }.joined(separator: ", ") + "]"),
            ("interrupted", summary.interrupted ? "true" : "false"),
            ("requests", "\(counters.requests)"), ("write_requests", "\(counters.writes)"),
            ("retries", "\(counters.retries)"), ("throttled", "\(counters.throttles)"),
            ("results", JSONText.quotedOrNull(summary.resultsPath)),
            ("restore_lockdown", JSONText.quotedOrNull(restoreLockdown)),
        ]
        return "{" + fields.map { "\(JSONText.quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}\n"
    }
}

/// Counts an organizer checks at the end of a run, also printed as JSON with `--json`.
public struct RunSummary: Sendable, Hashable, Codable {
    public var rows = 0
    public var rowsOK = 0
    public var rowsFailed = 0
    public var usersCreated = 0
    public var usersExisting = 0
    public var membersAdded = 0
    public var membersAlready = 0
    public var accessGranted = 0
    public var accessUnchanged = 0
    public var grantsGranted = 0
    public var grantsUnchanged = 0
    public var resultsPath: String?
    public var interrupted = false

    public init(rows results: [RowResult], resultsPath: String?, interrupted: Bool) {
        self.resultsPath = resultsPath
        self.interrupted = interrupted
        rows = results.count
        for result in results {
            if result.succeeded { rowsOK += 1 } else { rowsFailed += 1 }
            switch result.user {
            case .created: usersCreated += 1
            case .existing: usersExisting += 1
            default: break
            }
            switch result.membership {
            case .added: membersAdded += 1
            case .already: membersAlready += 1
            default: break
            }
            for outcome in result.access.values {
                if outcome == .granted { accessGranted += 1 }
                if outcome == .unchanged { accessUnchanged += 1 }
            }
            if result.grants == .granted { grantsGranted += 1 }
            if result.grants == .unchanged { grantsUnchanged += 1 }
        }
    }

    /// A small aligned table for the terminal.
    public func table() -> String {
        var lines = [
            "users        \(usersCreated) created, \(usersExisting) existing",
            "memberships  \(membersAdded) added, \(membersAlready) already",
            "access       \(accessGranted) granted, \(accessUnchanged) unchanged (row x resource)",
            "grants       \(grantsGranted) granted, \(grantsUnchanged) unchanged",
            "rows         \(rowsOK) ok, \(rowsFailed) failed of \(rows)",
        ]
        if interrupted { lines.append("interrupted: unfinished rows are marked skipped") }
        if let resultsPath { lines.append("results      \(resultsPath)") }
        return lines.joined(separator: "\n")
    }
}

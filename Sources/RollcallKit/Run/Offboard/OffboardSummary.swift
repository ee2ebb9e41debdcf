/// The counts printed at the end of an offboard (and as JSON with `--json`).
public struct OffboardSummary: Sendable, Hashable {
    public var rows = 0
    public var rowsOK = 0
    public var rowsFailed = 0
    public var rowsSkipped = 0
    public var usersRemoved = 0
    public var usersAbsent = 0
    public var membersRemoved = 0
    public var groupsDeleted: [String] = []
    /// Groups left in place, with the reason (account group, access not removable, interrupted).
    public var groupsKept: [KeptGroup] = []
    public var resultsPath: String?
    public var interrupted = false

    public init(rows results: [OffboardRowResult], resultsPath: String?, interrupted: Bool) {
        self.resultsPath = resultsPath
        self.interrupted = interrupted
        rows = results.count
        for row in results {
            switch row.status {
            case .ok: rowsOK += 1
            case .failed: rowsFailed += 1
            case .skipped: rowsSkipped += 1
            }
            if row.user == .removed { usersRemoved += 1 }
            if row.user == .absent { usersAbsent += 1 }
            if row.membership == .removed { membersRemoved += 1 }
        }
    }

    public func table() -> String {
        var lines = [
            "users        \(usersRemoved) removed, \(usersAbsent) absent",
            "memberships  \(membersRemoved) removed",
        ]
        if !groupsDeleted.isEmpty { lines.append("groups       deleted \(groupsDeleted.map { "'\($0)'" }.joined(separator: ", "))") }
        for kept in groupsKept { lines.append("group kept   '\(kept.name)': \(kept.reason)") }
        lines.append("rows         \(rowsOK) ok, \(rowsFailed) failed, \(rowsSkipped) skipped of \(rows)")
        if interrupted { lines.append("interrupted: unfinished rows are marked skipped") }
        if let resultsPath { lines.append("results      \(resultsPath)") }
        return lines.joined(separator: "\n")
    }
}

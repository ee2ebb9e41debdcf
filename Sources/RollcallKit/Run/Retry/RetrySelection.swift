/// Which roster rows `--retry-failed` runs again, after checking that the roster is the one the
/// earlier results were written for (same email on every line, no row added or dropped).
public struct RetrySelection: Sendable, Hashable {
    /// The failed rows, as a roster of their own: only they are planned and run.
    public var retried: Roster
    public var earlier: EarlierResults

    public init(roster: Roster, rosterPath: String, earlier: EarlierResults) throws(RetryFailedError) {
        let earlierByLine = Dictionary(earlier.rows.map { ($0.rosterLine, $0) }, uniquingKeysWith: { first, _ in first })
        let rosterLines = Set(roster.participants.map(\.line))
        var differences: [String] = []
        for participant in roster.participants {
            guard let row = earlierByLine[participant.line] else {
                differences.append("line \(participant.line): \(participant.email) is in the roster but not in the results")
                continue
            }
            if row.email != participant.email {
                differences.append("line \(participant.line): the results have \(row.email), the roster has \(participant.email)")
            }
        }
        for row in earlier.rows where !rosterLines.contains(row.rosterLine) {
            differences.append("line \(row.rosterLine): \(row.email) is in the results but not in the roster")
        }
        guard differences.isEmpty else {
            throw .rosterChanged(results: earlier.path, roster: rosterPath, differences: differences)
        }
        let failedLines = Set(earlier.rows.filter(\.failed).map(\.rosterLine))
        self.retried = Roster(
            participants: roster.participants.filter { failedLines.contains($0.line) }, warnings: roster.warnings)
        self.earlier = earlier
    }

    /// The new results file: every roster row in order, retried rows with their new outcome and
    /// the others exactly as the earlier file had them.
    public func render(_ retriedRows: [RowResult]) -> [UInt8] {
        let fresh = Dictionary(retriedRows.map { ($0.participant.line, $0) }, uniquingKeysWith: { first, _ in first })
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        ResultsCSV.appendRecord(ResultsCSV.columns, to: &out)
        for row in earlier.rows {
            ResultsCSV.appendRecord(fresh[row.rosterLine].map(ResultsCSV.cells(of:)) ?? row.cells, to: &out)
        }
        return out
    }

    /// Rows kept from the earlier file (ok there, not run again).
    public var keptCount: Int { earlier.rows.count - retried.participants.count }
}

/// The offboard results file, with the import's Excel rules (BOM, CRLF, quoting, formula guard).
public enum OffboardResultsCSV {
    public static let columns = ["line", "email", "group", "user_id", "membership", "user", "status", "error"]

    public static func render(_ rows: [OffboardRowResult]) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        ResultsCSV.appendRecord(columns, to: &out)
        for row in rows { ResultsCSV.appendRecord(cells(of: row), to: &out) }
        return out
    }

    public static func cells(of row: OffboardRowResult) -> [String] {
        [
            String(row.participant.line), row.participant.email, row.participant.group, row.userID ?? "",
            row.membership.rawValue, row.user.rawValue, row.status.rawValue, row.errors.joined(separator: "; "),
        ]
    }
}

/// Renders results as a CSV Excel opens cleanly: UTF-8 with BOM, CRLF, RFC 4180 quoting, and a
/// leading `'` on any cell that starts like a formula (`= + - @`, tab, CR) so it cannot run.
public enum ResultsCSV {
    public static let columns = [
        "line", "email", "name", "group", "user_id", "user", "membership",
        "cluster", "warehouse", "directory", "endpoints", "grants", "status", "error",
    ]

    public static func render(_ rows: [RowResult]) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        appendRecord(columns, to: &out)
        for row in rows { appendRecord(cells(of: row), to: &out) }
        return out
    }

    public static func cells(of row: RowResult) -> [String] {
        let p = row.participant
        return [
            String(p.line), p.email, p.name ?? "", p.group, row.userID ?? "", row.user.rawValue,
            row.membership.rawValue,
            (row.access[.cluster] ?? .notApplicable).rawValue,
            (row.access[.warehouse] ?? .notApplicable).rawValue,
            (row.access[.directory] ?? .notApplicable).rawValue,
            (row.access[.servingEndpoint] ?? .notApplicable).rawValue,
            row.grants.rawValue,
            row.succeeded ? "ok" : "failed",
            row.errors.joined(separator: "; "),
        ]
    }

    /// Appends one CSV record (with CRLF) to `out`, guarding and quoting each cell.
    public static func appendRecord(_ cells: [String], to out: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendCell(guardFormula(cell), to: &out)
        }
        out.append(contentsOf: [13, 10])
    }

    static func guardFormula(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13:
            // `-` alone is the "not applicable" marker, not a formula.
            return cell == "-" ? cell : "'" + cell
        default:
            return cell
        }
    }

    static func appendCell(_ cell: String, to out: inout [UInt8]) {
        let bytes = Array(cell.utf8)
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A results CSV from an earlier import, read back for `--retry-failed`: Excel-ready on disk (BOM,
/// CRLF, quoting, `'` before formula-like cells), plain values here.
public struct EarlierResults: Sendable, Hashable {
    /// One data row: the roster line and email it was for, whether it succeeded, and every cell in
    /// ``ResultsCSV/columns`` order with the formula guard undone.
    public struct Row: Sendable, Hashable {
        public var rosterLine: Int
        public var email: String
        public var failed: Bool
        public var cells: [String]
    }

    public var path: String
    public var rows: [Row]

    public static func load(path: String) throws(RetryFailedError) -> EarlierResults {
        var records: [CSVRecord] = []
        do {
            _ = try CSVReader(delimiter: UInt8(ascii: ",")).read(path: path) {
                records.append(CSVRecord(line: $0.line, fields: $0.strings))
            }
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        guard let header = records.first else { throw .notResults(path: path, line: 1, reason: "it is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var index: [String: Int] = [:]
        for column in ResultsCSV.columns {
            guard let position = names.firstIndex(of: column) else {
                throw .notResults(
                    path: path, line: header.line,
                    reason: "the header has no '\(column)' column; expected \(ResultsCSV.columns.joined(separator: ","))")
            }
            index[column] = position
        }
        var rows: [Row] = []
        for record in records.dropFirst() {
            let cells = ResultsCSV.columns.map { column in
                let position = index[column]!
                return position < record.fields.count ? unguard(record.fields[position]) : ""
            }
            let lineText = cells[ResultsCSV.columns.firstIndex(of: "line")!]
            guard let rosterLine = Int(lineText) else {
                throw .notResults(path: path, line: record.line, reason: "'\(lineText)' in the line column is not a number")
            }
            let status = cells[ResultsCSV.columns.firstIndex(of: "status")!]
            // `skipped` (work an interrupt left undone) is retried like `failed`.
            guard ["ok", "failed", "skipped"].contains(status) else {
                throw .notResults(path: path, line: record.line, reason: "status '\(status)' is not ok, failed or skipped")
            }
            rows.append(Row(
                rosterLine: rosterLine,
                email: cells[ResultsCSV.columns.firstIndex(of: "email")!].lowercased(), failed: status != "ok",
                cells: cells))
        }
        return EarlierResults(path: path, rows: rows)
    }

    /// Undoes ``ResultsCSV`` 's formula guard: `'=x` was written for `=x`.
    static func unguard(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.utf8.dropFirst().first else { return cell }
        switch second {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return String(cell.dropFirst())
        default: return cell
        }
    }
}

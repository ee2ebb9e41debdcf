/// A SQL statement that succeeded, with its inline result (if it returned rows).
public struct StatementResult: Sendable, Hashable {
    public var statementID: String
    /// Column names from the manifest, in order.
    public var columns: [String]
    /// `result.data_array`: every value a string or null (JSON_ARRAY format).
    public var rows: [[String?]]

    public init(statementID: String, columns: [String], rows: [[String?]]) {
        self.statementID = statementID
        self.columns = columns
        self.rows = rows
    }

    /// The value of `column` (case-insensitive) in each row, or of `fallbackIndex` when the
    /// manifest does not name it.
    public func values(of column: String, fallbackIndex: Int) -> [String?] {
        let index = columns.firstIndex { $0.lowercased() == column.lowercased() } ?? fallbackIndex
        return rows.map { index < $0.count ? $0[index] : nil }
    }
}

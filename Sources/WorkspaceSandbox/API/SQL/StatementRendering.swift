import Foundation

/// The StatementResponse JSON: `statement_id`, `status`, and for SUCCEEDED a `manifest` and an
/// inline `result` with `data_array` (databricks-api.md §5).
enum StatementRendering {
    static func json(_ statement: StatementRecord, now: Date, runTime: TimeInterval) -> JSONObject {
        var json: JSONObject = ["statement_id": statement.id]
        guard let outcome = statement.outcome else {
            // Queued for the first fifth of its run time, then running.
            let elapsed = now.timeIntervalSince(statement.submittedAt)
            json["status"] = ["state": elapsed < runTime / 5 ? "PENDING" : "RUNNING"]
            return json
        }
        var status: JSONObject = ["state": outcome.state.rawValue]
        if let code = outcome.errorCode {
            status["error"] = ["error_code": code, "message": outcome.message ?? ""]
        }
        if let sqlState = outcome.sqlState { status["sql_state"] = sqlState }
        json["status"] = status
        guard outcome.state == .succeeded else { return json }
        let columns = outcome.columns.enumerated().map { position, name -> JSONObject in
            ["name": name, "position": position, "type_name": "STRING", "type_text": "STRING"]
        }
        let rowCount = outcome.rows.count
        json["manifest"] = [
            "format": "JSON_ARRAY",
            "schema": ["column_count": columns.count, "columns": columns],
            "total_chunk_count": 1,
            "chunks": [["chunk_index": 0, "row_offset": 0, "row_count": rowCount]],
            "total_row_count": rowCount,
            "truncated": false,
        ]
        var result: JSONObject = ["chunk_index": 0, "row_offset": 0, "row_count": rowCount]
        if rowCount > 0 { result["data_array"] = outcome.rows }
        json["result"] = result
        return json
    }
}

/// SQL Statement Execution API JSON (`/api/2.0/sql/statements`).
enum StatementWire {
    struct Request: Encodable {
        var warehouse_id: String
        var statement: String
        var wait_timeout: String
        var on_wait_timeout = "CONTINUE"
        var disposition = "INLINE"
        var format = "JSON_ARRAY"
    }

    struct Response: Decodable {
        struct Status: Decodable {
            struct Failure: Decodable {
                var error_code: String?
                var message: String?
            }
            var state: String
            var error: Failure?
        }
        struct Manifest: Decodable {
            struct Schema: Decodable {
                struct Column: Decodable { var name: String }
                var columns: [Column]?
            }
            var schema: Schema?
        }
        struct Result: Decodable {
            var data_array: [[String?]]?
        }
        var statement_id: String
        var status: Status
        var manifest: Manifest?
        var result: Result?
    }

    static let terminalStates: Set<String> = ["SUCCEEDED", "FAILED", "CANCELED", "CLOSED"]
}

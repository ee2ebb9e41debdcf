/// Small JSON writing for the server's own answers (errors, stats), where key order matters to readers
/// and `JSONEncoder` would sort or shuffle the keys.
enum ServerJSON {
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// `{"error_code":"...","message":"..."}` with a JSON content type, the shape of Databricks errors.
    static func errorResponse(
        status: Int, errorCode: String, message: String, headers: [(name: String, value: String)] = []
    ) -> SandboxResponse {
        let body = "{\"error_code\":\(quoted(errorCode)),\"message\":\(quoted(message))}"
        return SandboxResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(body.utf8))
    }

    static func response(status: Int = 200, json: String) -> SandboxResponse {
        SandboxResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(json.utf8))
    }
}

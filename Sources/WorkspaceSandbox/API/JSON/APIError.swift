/// The error bodies Databricks answers with. Three families (databricks-api.md §1, §3, §7):
/// the platform's `{error_code, message}`, SCIM's RFC 7644 body with `status` as a string,
/// and OAuth's `{error, error_description}`.
enum APIError {
    /// `{"error_code": ..., "message": ...}`, the general error JSON (§3).
    static func platform(_ status: Int, _ code: String, _ message: String) -> Reply {
        Reply(status: status, json: ["error_code": code, "message": message])
    }

    /// SCIM error: `status` is a string and `scimType` carries prose when present (§1).
    static func scim(_ status: Int, _ detail: String, scimType: String? = nil) -> Reply {
        var body: JSONObject = [
            "schemas": [SCIMSchema.error], "detail": detail, "status": String(status),
        ]
        if let scimType { body["scimType"] = scimType }
        return Reply(status: status, json: body)
    }

    static func scimNotFound(_ kind: String, _ id: String) -> Reply {
        scim(404, "\(kind) with id \(id) is not found")
    }

    /// The 400 Databricks gives a body it cannot read (§1, MicrosoftDocs/azure-docs#85579).
    static var scimUnparsable: Reply {
        scim(400, "Request is unparsable, syntactically incorrect, or violates schema.",
             scimType: "Invalid JSON provided in request body.")
    }

    static func oauth(_ status: Int, _ error: String, _ description: String) -> Reply {
        Reply(status: status, json: ["error": error, "error_description": description])
    }

    static func endpointNotFound(_ method: String, _ path: String) -> Reply {
        platform(404, "ENDPOINT_NOT_FOUND", "No API found for '\(method) \(path)'")
    }

    static func invalidParameter(_ message: String) -> Reply {
        platform(400, "INVALID_PARAMETER_VALUE", message)
    }

    static func malformedRequest(_ message: String) -> Reply {
        platform(400, "MALFORMED_REQUEST", message)
    }

    static func doesNotExist(_ message: String) -> Reply {
        platform(404, "RESOURCE_DOES_NOT_EXIST", message)
    }
}

import Foundation

/// What a handler produced: the response and whether it changed state.
struct Reply: Sendable {
    var response: SandboxResponse
    var mutated: Bool = false
    /// Set by `POST /sql/statements`: wait (outside the lock) for the statement before answering.
    var statementWait: StatementWait? = nil

    init(status: Int, json: Any, mutated: Bool = false) {
        response = SandboxResponse(
            status: status, headers: [("Content-Type", "application/json")], body: JSONBody.bytes(json))
        self.mutated = mutated
    }

    init(response: SandboxResponse, mutated: Bool = false) {
        self.response = response
        self.mutated = mutated
    }

    static func ok(_ json: Any, mutated: Bool = false) -> Reply { Reply(status: 200, json: json, mutated: mutated) }

    /// SCIM DELETE answers 204 with no body (databricks-api.md §1, status codes).
    static func noContent(mutated: Bool) -> Reply {
        Reply(response: SandboxResponse(status: 204), mutated: mutated)
    }
}

/// A statement the handler will wait for, at most `seconds`, before rendering it.
struct StatementWait: Sendable {
    var statementID: String
    var seconds: Double
    var cancelOnTimeout: Bool
}

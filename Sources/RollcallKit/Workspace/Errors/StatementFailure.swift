/// A SQL statement that did not succeed: its terminal state and the warehouse's own error.
public struct StatementFailure: Sendable, Hashable, CustomStringConvertible {
    public var statementID: String
    /// `FAILED`, `CANCELED` or `CLOSED`.
    public var state: String
    public var errorCode: String?
    /// The statement's error message, or a stand-in naming the state.
    public var message: String
    /// The statement text (already redacted); it holds names only, never secrets.
    public var statement: String

    public init(statementID: String, state: String, errorCode: String?, message: String?, statement: String) {
        self.statementID = statementID
        self.state = state
        self.errorCode = errorCode
        self.message = message ?? "the statement ended in state \(state)"
        self.statement = statement
    }

    public var description: String {
        let code = errorCode.map { "\($0): " } ?? ""
        return "SQL statement \(state.lowercased()) (\(code)\(message)): \(statement)"
    }
}

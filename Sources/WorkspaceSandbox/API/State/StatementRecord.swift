import Foundation

/// A submitted SQL statement. It runs for `statementMilliseconds` of wall time; its effect (a grant,
/// a revoke) and its outcome are computed when that time is up, in submission order.
struct StatementRecord: Codable, Sendable, Equatable {
    var id: String
    var warehouseID: String
    var text: String
    /// The request's `catalog`: the default catalog for one-part schema names.
    var catalog: String? = nil
    var submittedAt: Date
    var finishesAt: Date
    /// Set once the statement reached a terminal state.
    var outcome: StatementOutcome?
}

/// A terminal state: SUCCEEDED with rows, FAILED with an error, or CANCELED.
struct StatementOutcome: Codable, Sendable, Equatable {
    enum State: String, Codable, Sendable { case succeeded = "SUCCEEDED", failed = "FAILED", canceled = "CANCELED" }
    var state: State
    var columns: [String] = []
    var rows: [[String]] = []
    var errorCode: String? = nil
    var message: String? = nil
    var sqlState: String? = nil

    static func failed(_ code: String, _ message: String, sqlState: String? = nil) -> StatementOutcome {
        StatementOutcome(state: .failed, errorCode: code, message: message, sqlState: sqlState)
    }
}

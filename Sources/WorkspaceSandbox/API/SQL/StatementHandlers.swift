import Foundation

/// `POST /api/2.0/sql/statements`, `GET .../{id}`, `POST .../{id}/cancel` (databricks-api.md §5).
/// A statement runs for `statementMilliseconds`; the POST waits (outside the lock) for at most
/// `min(wait_timeout, remaining time)`, so `0s` answers PENDING and clients must poll.
extension WorkspaceEngine {
    /// Completes, in submission order, every statement whose run time is up. True when grants changed.
    mutating func advanceStatements(now: Date) -> Bool {
        var changed = false
        for index in state.statements.indices
        where state.statements[index].outcome == nil && state.statements[index].finishesAt <= now {
            let statement = state.statements[index]
            let (outcome, didChange) = state.execute(statement.text, defaultCatalog: statement.catalog)
            state.statements[index].outcome = outcome
            changed = changed || didChange
        }
        // Results live one hour (§5).
        state.statements.removeAll { $0.outcome != nil && now.timeIntervalSince($0.finishesAt) > 3600 }
        return changed
    }

    mutating func executeStatement(_ context: RequestContext) -> Reply {
        let advanced = advanceStatements(now: context.now)
        guard let body = context.body else {
            return APIError.malformedRequest("Invalid JSON given in the body of the request")
        }
        guard let text = body["statement"] as? String, !text.isEmpty else {
            return APIError.invalidParameter("statement is required")
        }
        guard let warehouseID = body["warehouse_id"] as? String, !warehouseID.isEmpty else {
            return APIError.invalidParameter("warehouse_id is required")
        }
        guard state.warehouses.contains(where: { $0.id == warehouseID }) else {
            return APIError.doesNotExist("Warehouse \(warehouseID) does not exist.")
        }
        guard let waitSeconds = Self.waitTimeout(body["wait_timeout"] as? String ?? "10s") else {
            return APIError.invalidParameter(
                "wait_timeout must be 0s (asynchronous) or between 5s and 50s, got \(body["wait_timeout"] ?? "")")
        }
        let onTimeout = (body["on_wait_timeout"] as? String) ?? "CONTINUE"
        guard onTimeout == "CONTINUE" || onTimeout == "CANCEL" else {
            return APIError.invalidParameter("on_wait_timeout must be CONTINUE or CANCEL, got \(onTimeout)")
        }
        let runTime = TimeInterval(configuration.statementMilliseconds) / 1000
        var record = StatementRecord(
            id: StatementID.make(&random), warehouseID: warehouseID, text: text, submittedAt: context.now,
            finishesAt: context.now.addingTimeInterval(runTime), outcome: nil)
        record.catalog = body["catalog"] as? String
        state.statements.append(record)
        var reply = renderStatement(record.id, now: context.now)
        reply.mutated = advanced
        if waitSeconds > 0 {
            reply.statementWait = StatementWait(statementID: record.id, seconds: min(Double(waitSeconds), runTime),
                                                cancelOnTimeout: onTimeout == "CANCEL" && Double(waitSeconds) < runTime)
        }
        return reply
    }

    /// After the POST's wait: the statement's state now, cancelled if it is still running and the
    /// caller asked for `on_wait_timeout: CANCEL`.
    mutating func finishWait(_ wait: StatementWait, now: Date) -> Reply {
        let changed = advanceStatements(now: now)
        if wait.cancelOnTimeout, let index = statementIndex(wait.statementID), state.statements[index].outcome == nil {
            state.statements[index].outcome = StatementOutcome(state: .canceled)
        }
        var reply = renderStatement(wait.statementID, now: now)
        reply.mutated = changed
        return reply
    }

    mutating func getStatement(_ context: RequestContext) -> Reply {
        let changed = advanceStatements(now: context.now)
        var reply = renderStatement(context.param("statement_id"), now: context.now)
        reply.mutated = changed
        return reply
    }

    mutating func cancelStatement(_ context: RequestContext) -> Reply {
        let changed = advanceStatements(now: context.now)
        let id = context.param("statement_id")
        guard let index = statementIndex(id) else { return Self.statementMissing(id) }
        var cancelled = false
        if state.statements[index].outcome == nil {
            state.statements[index].outcome = StatementOutcome(state: .canceled)
            cancelled = true
        }
        return .ok([String: Any](), mutated: changed || cancelled)
    }

    private func statementIndex(_ id: String) -> Int? { state.statements.firstIndex { $0.id == id } }

    private static func statementMissing(_ id: String) -> Reply {
        APIError.doesNotExist("Statement \(id) does not exist.")
    }

    func renderStatement(_ id: String, now: Date) -> Reply {
        guard let index = statementIndex(id) else { return Self.statementMissing(id) }
        return .ok(StatementRendering.json(state.statements[index], now: now,
                                           runTime: TimeInterval(configuration.statementMilliseconds) / 1000))
    }

    /// `"0s"` or `"5s"`...`"50s"` (§5); nil for anything else.
    static func waitTimeout(_ text: String) -> Int? {
        guard text.hasSuffix("s"), let seconds = Int(text.dropLast()) else { return nil }
        return seconds == 0 || (5...50).contains(seconds) ? seconds : nil
    }
}

/// Statement ids look like Databricks' (UUID-shaped), drawn from the seeded generator.
enum StatementID {
    static func make(_ random: inout SeededRandom) -> String {
        let hex = random.hex(32)
        let characters = Array(hex)
        func part(_ range: Range<Int>) -> String { String(characters[range]) }
        return "01f0\(part(4..<8))-\(part(8..<12))-\(part(12..<16))-\(part(16..<20))-\(part(20..<32))"
    }
}

/// Running SQL (GRANT, REVOKE, SHOW GRANTS) through the Statement Execution API.
extension WorkspaceClient {
    /// How long the first request waits on the server before answering with a RUNNING statement.
    static let statementWaitTimeout = "30s"

    /// Runs `statement` on `warehouseID` and waits for its outcome.
    ///
    /// The POST waits up to 30 s on the server; a statement still PENDING or RUNNING is then polled
    /// (`GET /api/2.0/sql/statements/{id}`) 0.5 s, 1 s, 2 s, then every 5 s apart until it reaches
    /// a terminal state or `pollBudgetSeconds` pass.
    /// - Throws: ``WorkspaceError/statementFailed(_:)`` with the warehouse's own error when the
    ///   statement ends FAILED, CANCELED or CLOSED (SQL errors arrive as HTTP 200 with state FAILED).
    public func executeStatement(warehouseID: String, statement: String, pollBudgetSeconds: Double = 600)
        async throws(WorkspaceError) -> StatementResult
    {
        let request = try WorkspaceRequest.json(
            .post, "/api/2.0/sql/statements",
            body: StatementWire.Request(
                warehouse_id: warehouseID, statement: statement, wait_timeout: Self.statementWaitTimeout),
            family: .sqlStatements)
        var response = try await decode(StatementWire.Response.self, from: request)
        let clock = pacing.clock
        let started = clock.now()
        var wait = 0.5
        while !StatementWire.terminalStates.contains(response.status.state) {
            guard clock.now() - started + wait <= pollBudgetSeconds else {
                throw .statementFailed(
                    StatementFailure(
                        statementID: response.statement_id, state: response.status.state, errorCode: nil,
                        message: "still \(response.status.state) after \(Int(pollBudgetSeconds)) s of polling",
                        statement: redactor.redact(statement)))
            }
            await clock.sleep(until: clock.now() + wait)
            wait = min(wait * 2, 5)
            let poll = WorkspaceRequest.get(
                "/api/2.0/sql/statements/" + URLEncoding.pathSegment(response.statement_id), family: .sqlStatements)
            response = try await decode(StatementWire.Response.self, from: poll)
        }
        guard response.status.state == "SUCCEEDED" else {
            throw .statementFailed(
                StatementFailure(
                    statementID: response.statement_id, state: response.status.state,
                    errorCode: response.status.error?.error_code,
                    message: response.status.error?.message.map(redactor.redact),
                    statement: redactor.redact(statement)))
        }
        return StatementResult(
            statementID: response.statement_id,
            columns: response.manifest?.schema?.columns?.map(\.name) ?? [],
            rows: response.result?.data_array ?? [])
    }

    /// Unity Catalog privileges held directly on a securable, per principal, in SQL spelling
    /// (`USE CATALOG`), read with `SHOW GRANTS ON ...`.
    public func showGrants(warehouseID: String, on securable: UnityCatalogGrant.Securable, name: String)
        async throws(WorkspaceError) -> [String: Set<String>]
    {
        let result = try await executeStatement(
            warehouseID: warehouseID, statement: try GrantStatements.showGrants(on: securable, name: name))
        let principals = result.values(of: "Principal", fallbackIndex: 0)
        let actions = result.values(of: "ActionType", fallbackIndex: 1)
        var grants: [String: Set<String>] = [:]
        for (principal, action) in zip(principals, actions) {
            guard let principal, let action, let privilege = try? SQLQuoting.privilege(action) else { continue }
            grants[principal, default: []].insert(privilege)
        }
        return grants
    }
}

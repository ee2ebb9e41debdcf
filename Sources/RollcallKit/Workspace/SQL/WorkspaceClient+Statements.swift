/// Running SQL (GRANT, REVOKE, SHOW GRANTS) through the Statement Execution API.
extension WorkspaceClient {
    /// `wait_timeout` as Databricks accepts it: `0s`, or `5s` to `50s`.
    static func waitTimeout(seconds: Int) -> String {
        seconds <= 0 ? "0s" : "\(min(max(seconds, 5), 50))s"
    }

    /// Runs `statement` on `warehouseID` and waits for its outcome.
    ///
    /// The POST waits up to `waitTimeoutSeconds` (default 30) on the server; Databricks accepts 0
    /// (answer at once) or 5 to 50, so other values are moved into that range. A statement still
    /// PENDING or RUNNING is then polled
    /// (`GET /api/2.0/sql/statements/{id}`) 0.5 s, 1 s, 2 s, then every 5 s apart until it reaches
    /// a terminal state or `pollBudgetSeconds` pass.
    /// - Throws: ``WorkspaceError/statementFailed(_:)`` with the warehouse's own error when the
    ///   statement ends FAILED, CANCELED or CLOSED (SQL errors arrive as HTTP 200 with state FAILED).
    public func executeStatement(
        warehouseID: String, statement: String, waitTimeoutSeconds: Int = 30, pollBudgetSeconds: Double = 600
    ) async throws(WorkspaceError) -> StatementResult
    {
        let request = try WorkspaceRequest.json(
            .post, "/api/2.0/sql/statements",
            body: StatementWire.Request(
                warehouse_id: warehouseID, statement: statement, wait_timeout: Self.waitTimeout(seconds: waitTimeoutSeconds)),
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

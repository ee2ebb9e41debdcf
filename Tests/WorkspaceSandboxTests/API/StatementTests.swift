import Foundation
import Testing
@testable import WorkspaceSandbox

struct StatementTests {
    let client = APITestClient { $0.statementMilliseconds = 40 }
    let catalog = "`\(SeedState.catalogName)`"

    private func submit(_ sql: String, wait: String = "0s", extra: [String: Any] = [:]) -> APITestResponse {
        var body: [String: Any] = ["warehouse_id": SeedState.warehouseID, "statement": sql, "wait_timeout": wait]
        body.merge(extra) { $1 }
        return client.post("/api/2.0/sql/statements", body)
    }

    /// Polls until a terminal state, as a client does after `0s`.
    private func run(_ sql: String) -> APITestResponse {
        let first = submit(sql)
        let id = first.string["statement_id"]!
        for _ in 0..<200 {
            let polled = client.get("/api/2.0/sql/statements/\(id)")
            let state = (polled["status"] as? [String: Any])?["state"] as? String
            if state != "PENDING" && state != "RUNNING" { return polled }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("statement never finished")
        return first
    }

    private func state(_ response: APITestResponse) -> String? {
        (response["status"] as? [String: Any])?["state"] as? String
    }

    private func error(_ response: APITestResponse) -> [String: String] {
        ((response["status"] as? [String: Any])?["error"] as? [String: String]) ?? [:]
    }

    @Test func zeroWaitIsPendingThenPollingSucceeds() {
        let first = submit("GRANT USE CATALOG ON CATALOG \(catalog) TO `workshop-users`")
        #expect(first.status == 200)
        #expect(state(first) == "PENDING")
        let done = run("SHOW GRANTS ON CATALOG \(catalog)")
        #expect(state(done) == "SUCCEEDED")
        let rows = (done["result"] as? [String: Any])?["data_array"] as? [[String]]
        #expect(rows?.contains(["workshop-users", "USE CATALOG", "CATALOG", SeedState.catalogName]) == true)
        let manifest = done["manifest"] as? [String: Any]
        let columns = (manifest?["schema"] as? [String: Any])?["columns"] as? [[String: Any]]
        #expect(columns?.compactMap { $0["name"] as? String } == ["Principal", "ActionType", "ObjectType", "ObjectKey"])
    }

    @Test func waitingReturnsTheTerminalStateAndAppliesTheGrant() {
        let response = submit("GRANT USE CONNECTION ON CONNECTION neo4j_mcp TO `workshop-users`", wait: "5s")
        #expect(state(response) == "SUCCEEDED")
        #expect(response.mutated)
        let rest = client.get("/api/2.1/unity-catalog/permissions/connection/neo4j_mcp")
        let assignments = rest["privilege_assignments"] as? [[String: Any]]
        #expect(assignments?.first?["principal"] as? String == "workshop-users")
        #expect(assignments?.first?["privileges"] as? [String] == ["USE_CONNECTION"])
    }

    @Test func unquotedEmailIsAParseError() {
        let response = run("GRANT USE CATALOG ON CATALOG \(catalog) TO alf@melmak.et")
        #expect(response.status == 200)
        #expect(state(response) == "FAILED")
        #expect(error(response)["error_code"] == "BAD_REQUEST")
        #expect(error(response)["message"]?.contains("[PARSE_SYNTAX_ERROR] Syntax error at or near '@'") == true)
    }

    @Test func unquotedHyphenatedCatalogIsAParseError() {
        let response = run("GRANT USE CATALOG ON CATALOG aws-databricks-neo4j-lab TO `account users`")
        #expect(error(response)["message"]?.contains("at or near '-'") == true)
    }

    @Test func doubledBacktickIsOneBacktick() {
        let parsed = GrantStatement.parse("REVOKE SELECT, USE SCHEMA ON SCHEMA `a``b`.`c` FROM `x``y`;")
        #expect(parsed == .success(.revoke(privileges: ["SELECT", "USE SCHEMA"],
                                           on: .init(kind: .schema, parts: ["a`b", "c"]), from: "x`y")))
    }

    @Test func workspaceLocalGroupIsUnknownToUnityCatalog() {
        _ = client.post("\(Paths.scim)/Groups", ["displayName": "My Group"])
        let response = run("GRANT USE CATALOG ON CATALOG \(catalog) TO `My Group`")
        #expect(state(response) == "FAILED")
        #expect(error(response)["message"]?.contains("Could not find principal with name My Group") == true)
        let users = run("GRANT USE CATALOG ON CATALOG \(catalog) TO `users`")
        #expect(state(users) == "FAILED")
    }

    @Test func unknownSecurablesFail() {
        #expect(error(run("GRANT USE CATALOG ON CATALOG nope TO `account users`"))["error_code"] == "NOT_FOUND")
        #expect(state(run("SHOW GRANTS ON SCHEMA \(catalog).nope")) == "FAILED")
        #expect(state(run("SHOW GRANTS ON CONNECTION nope")) == "FAILED")
        #expect(state(run("SHOW GRANTS ON TABLE x")) == "FAILED")
    }

    @Test func revokeAndShowGrantsForOnePrincipal() {
        let email = "willie@tanner.com"
        _ = client.post("\(Paths.scim)/Users", ["userName": email])
        #expect(state(run("GRANT USE CATALOG, BROWSE ON CATALOG \(catalog) TO `\(email)`")) == "SUCCEEDED")
        #expect(state(run("REVOKE BROWSE ON CATALOG \(catalog) FROM `\(email.uppercased())`")) == "SUCCEEDED")
        let shown = run("SHOW GRANTS `\(email)` ON CATALOG \(catalog)")
        let rows = (shown["result"] as? [String: Any])?["data_array"] as? [[String]]
        #expect(rows == [[email, "USE CATALOG", "CATALOG", SeedState.catalogName]])
    }

    @Test func requestCatalogQualifiesOnePartSchemaNames() {
        let response = submit("GRANT USE SCHEMA ON SCHEMA default TO `workshop-users`", wait: "5s",
                              extra: ["catalog": SeedState.catalogName])
        #expect(state(response) == "SUCCEEDED")
        let grants = client.state.grants["schema/\(SeedState.catalogName).default"]
        #expect(grants == [GrantEntry(principal: "workshop-users", privileges: ["USE_SCHEMA"])])
        #expect(state(run("SHOW GRANTS ON SCHEMA default")) == "FAILED")
    }

    @Test func requestValidationIsNon200() {
        #expect(submit("SHOW GRANTS ON CATALOG x", wait: "3s").status == 400)
        #expect(submit("SHOW GRANTS ON CATALOG x", wait: "51s").status == 400)
        #expect(submit("SHOW GRANTS ON CATALOG x", wait: "10").status == 400)
        #expect(submit("SHOW GRANTS ON CATALOG x", extra: ["on_wait_timeout": "STOP"]).status == 400)
        #expect(submit("SHOW GRANTS ON CATALOG x", extra: ["warehouse_id": "nope"]).status == 404)
        #expect(client.get("/api/2.0/sql/statements/nope").status == 404)
    }

    @Test func cancelAndOnWaitTimeoutCancel() {
        let slow = APITestClient { $0.statementMilliseconds = 6_000 }
        let body: [String: Any] = ["warehouse_id": SeedState.warehouseID, "statement": "SHOW GRANTS ON CATALOG \(catalog)",
                                   "wait_timeout": "0s"]
        let id = slow.post("/api/2.0/sql/statements", body).string["statement_id"]!
        let cancel = slow.post("/api/2.0/sql/statements/\(id)/cancel", [String: Any]())
        #expect(cancel.status == 200)
        #expect(cancel.mutated)
        #expect(state(slow.get("/api/2.0/sql/statements/\(id)")) == "CANCELED")
        var timed = body
        timed["wait_timeout"] = "5s"
        timed["on_wait_timeout"] = "CANCEL"
        let started = Date()
        #expect(state(slow.post("/api/2.0/sql/statements", timed)) == "CANCELED")
        #expect(Date().timeIntervalSince(started) < 5.9)
    }
}

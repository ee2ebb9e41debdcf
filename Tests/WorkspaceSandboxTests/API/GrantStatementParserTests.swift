import Testing
@testable import WorkspaceSandbox

struct GrantStatementParserTests {
    @Test func keywordsAreCaseInsensitiveAndPrivilegesKeepTheirWords() {
        let parsed = GrantStatement.parse("grant use catalog, all privileges on catalog `aws-databricks-neo4j-lab` to `alf@melmak.et`")
        #expect(parsed == .success(.grant(privileges: ["USE CATALOG", "ALL PRIVILEGES"],
                                          on: .init(kind: .catalog, parts: ["aws-databricks-neo4j-lab"]),
                                          to: "alf@melmak.et")))
    }

    @Test func showGrantsWithAndWithoutPrincipal() {
        #expect(GrantStatement.parse("SHOW GRANTS ON CONNECTION neo4j_mcp")
            == .success(.showGrants(principal: nil, on: .init(kind: .connection, parts: ["neo4j_mcp"]))))
        #expect(GrantStatement.parse("SHOW GRANTS `a b` ON DATABASE c.s;")
            == .success(.showGrants(principal: "a b", on: .init(kind: .schema, parts: ["c", "s"]))))
    }

    @Test(arguments: [
        ("GRANT USE CATALOG ON CATALOG c TO", SQLParseError(near: nil, position: 33)),
        ("GRANT USE CATALOG ON CATALOG c TO `unterminated", SQLParseError(near: "`", position: 34)),
        ("GRANT ON CATALOG c TO x", SQLParseError(near: "ON", position: 6)),
        ("GRANT SELECT ON TABLE t TO x", SQLParseError(near: "TABLE", position: 16)),
        ("GRANT SELECT ON CATALOG c TO x y", SQLParseError(near: "y", position: 31)),
        ("SELECT 1", SQLParseError(near: "SELECT", position: 0)),
    ])
    func syntaxErrorsNameTheToken(_ sql: String, _ expected: SQLParseError) {
        #expect(GrantStatement.parse(sql) == .failure(expected))
    }

    @Test func parseErrorMessageIsDatabricksShaped() {
        let message = SQLParseError(near: "@", position: 38).message
        #expect(message == "[PARSE_SYNTAX_ERROR] Syntax error at or near '@'. SQLSTATE: 42601 (line 1, pos 38)")
    }
}

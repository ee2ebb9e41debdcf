import Testing

@testable import RollcallKit

struct UserAgentTests {
    @Test func followsTheSDKKeyValueStyle() {
        #expect(
            UserAgent.make(version: "0.1.0", authType: "pat", swiftVersion: "6.3", os: "linux")
                == "rollcall/0.1.0 swift/6.3 os/linux auth/pat")
    }

    @Test func replacesCharactersOutsideTheAllowedSet() {
        #expect(UserAgent.make(version: "1.0 beta/2", authType: "pat", swiftVersion: "6.3", os: "linux")
            == "rollcall/1.0-beta-2 swift/6.3 os/linux auth/pat")
    }

    @Test func describesThisBuild() {
        let agent = UserAgent.make(version: "0.1.0", authType: "pat")
        #expect(agent.hasPrefix("rollcall/0.1.0 swift/6."))
        #expect(agent.hasSuffix(" auth/pat"))
        #expect(agent.contains(" os/linux ") || agent.contains(" os/darwin "))
    }
}

struct SCIMFilterTests {
    @Test func escapesQuotesAndBackslashes() {
        #expect(SCIMFilter.equals("userName", #"a"b\c@x.com"#) == #"userName eq "a\"b\\c@x.com""#)
        #expect(SCIMFilter.quoted("tab\there") == #""tabhere""#)
    }

    @Test func joinsWithOr() {
        #expect(SCIMFilter.anyOf("userName", ["a@x", "b@x"]) == #"userName eq "a@x" or userName eq "b@x""#)
    }

    @Test func batchesFiftyAtATimeWithoutDuplicates() {
        let names = (0..<120).map { "u\($0)@x" } + ["u0@x"]
        let batches = SCIMFilter.batches(names)
        #expect(batches.map(\.count) == [50, 50, 20])
        #expect(batches.flatMap { $0 } == (0..<120).map { "u\($0)@x" })
        #expect(SCIMFilter.batches([]).isEmpty)
    }

    @Test func queryEncodingKeepsPlusAndQuotesLiteral() {
        let query = URLEncoding.query([("filter", #"userName eq "a+b@x.com""#)])
        #expect(query == "filter=userName%20eq%20%22a%2Bb%40x.com%22")
        #expect(URLEncoding.pathSegment("a/b c") == "a%2Fb%20c")
    }
}

struct SQLQuotingTests {
    @Test(arguments: [
        ("grp", "`grp`"), ("a`b", "`a``b`"), ("``", "``````"), ("x@y.com", "`x@y.com`"),
        ("drop table; --", "`drop table; --`"),
    ])
    func quotesIdentifiersWithBackticksDoubled(name: String, quoted: String) throws {
        #expect(try SQLQuoting.identifier(name) == quoted)
    }

    @Test func refusesEmptyNamesAndControlCharacters() {
        #expect(throws: WorkspaceError.self) { try SQLQuoting.identifier("") }
        #expect(throws: WorkspaceError.self) { try SQLQuoting.identifier("a\nb") }
    }

    @Test func normalizesPrivilegesAndRefusesAnythingElse() throws {
        #expect(try SQLQuoting.privilege("use_catalog") == "USE CATALOG")
        #expect(try SQLQuoting.privilege(" Read  Volume ") == "READ VOLUME")
        #expect(throws: WorkspaceError.self) { try SQLQuoting.privilege("SELECT; DROP") }
        #expect(throws: WorkspaceError.self) { try SQLQuoting.privilege("`x`") }
    }

    @Test func buildsGrantRevokeAndShowGrants() throws {
        #expect(
            try GrantStatements.grant(["USE CATALOG", "select"], on: .catalog, name: "aws-databricks-neo4j-lab", to: "team `a`")
                == "GRANT USE CATALOG, SELECT ON CATALOG `aws-databricks-neo4j-lab` TO `team ``a```")
        #expect(
            try GrantStatements.revoke(["USE_SCHEMA"], on: .schema, name: "main.default", from: "g")
                == "REVOKE USE SCHEMA ON SCHEMA `main`.`default` FROM `g`")
        #expect(try GrantStatements.showGrants(on: .connection, name: "neo4j_mcp") == "SHOW GRANTS ON CONNECTION `neo4j_mcp`")
        #expect(
            try GrantStatements.showGrants(on: .catalog, name: "c.d", principal: "p")
                == "SHOW GRANTS `p` ON CATALOG `c.d`")
        #expect(throws: WorkspaceError.self) { try GrantStatements.grant([], on: .catalog, name: "c", to: "g") }
    }

    @Test func unityCatalogPrivilegeSpellings() {
        #expect(UnityCatalogPrivilege.restSpelling("use catalog") == "USE_CATALOG")
        #expect(UnityCatalogPrivilege.sqlSpelling("READ_VOLUME") == "READ VOLUME")
    }
}

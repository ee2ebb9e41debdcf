import Foundation
import Testing
@testable import WorkspaceSandbox

/// The userName index behind SCIM user lists must select exactly the users a scan of every user's
/// rendered attributes selects, for every operator and joiner, case-insensitively.
struct UserIndexTests {
    private static let names = [
        "ann@x.com", "bob@x.com", "bea@y.org", "carl.o@x.com", "dora@z.net", "eve@y.org", "Finn@X.com",
    ]

    /// A workspace client (OAuth configured, so account tokens can be had) with a few users.
    private func populatedClient() -> APITestClient {
        let client = APITestClient(OAuthTestSupport.configure)
        for (number, name) in Self.names.enumerated() {
            var body: [String: Any] = ["userName": name, "active": number != 3]
            if number.isMultiple(of: 2) { body["displayName"] = "Person \(number) \(name.prefix(3).uppercased())" }
            #expect(client.post("\(Paths.scim)/Users", body).status == 201)
        }
        // An account user outside the workspace: account lists see it, workspace lists must not.
        #expect(accountClient(client).post("\(Paths.account)/scim/v2/Users", ["userName": "outside@x.com"]).status == 201)
        return client
    }

    private func accountClient(_ workspace: APITestClient) -> APITestClient {
        var client = workspace
        client.token = OAuthTestSupport.token(workspace, path: OAuthTestSupport.accountTokenPath).string["access_token"]
        return client
    }

    static let filters = [
        #"userName eq "ANN@X.COM""#, #"userName eq "finn@x.com""#, #"USERNAME Eq "Bob@X.Com""#,
        #"userName ne "ann@x.com""#, #"userName co "@X.""#, #"userName sw "B""#, #"displayName co "person""#,
        #"displayName sw "PERSON 2""#, #"active eq false"#, #"active eq "TRUE""#, #"id sw "1000000000000""#,
        #"userName co "@x." and userName ne "ann@x.com""#, #"userName eq "ann@x.com" or userName eq "bea@y.org""#,
        #"userName eq "ann@x.com" or userName eq "nobody@x.com" or userName eq "EVE@y.org""#,
        #"userName eq "ann@x.com" and active eq false or userName eq "dora@z.net""#,
        #"userName eq "ann@x.com" or displayName co "person""#, #"userName eq "outside@x.com""#,
        #"userName sw "a" and userName eq "ann@x.com" or userName eq "bob@x.com" and active eq true"#,
    ]

    /// What the list would select by rendering every user and filtering its attributes.
    private func scanned(_ filter: String, _ state: WorkspaceState, workspaceOnly: Bool) throws -> [String] {
        let parsed = try SCIMFilter(parsing: filter, attributes: WorkspaceEngine.userFilterAttributes)
        return state.users.filter { (!workspaceOnly || state.isInWorkspace($0.id)) && parsed.matches($0.filterAttributes) }
            .map(\.userName)
    }

    @Test(arguments: filters)
    func workspaceListSelectsWhatAScanSelects(_ filter: String) throws {
        let client = populatedClient()
        let response = client.get("\(Paths.scim)/Users?filter=\(Paths.query(filter))")
        #expect(response.status == 200)
        let expected = try scanned(filter, client.state, workspaceOnly: true)
        #expect(response.resourceValues("userName") == expected)
        #expect(response["totalResults"] as? Int == expected.count)
    }

    @Test(arguments: filters)
    func accountListSelectsWhatAScanSelects(_ filter: String) throws {
        let client = populatedClient()
        let account = accountClient(client)
        let response = account.get("\(Paths.account)/scim/v2/Users?filter=\(Paths.query(filter))")
        #expect(response.status == 200)
        #expect(response.resourceValues("userName") == (try scanned(filter, client.state, workspaceOnly: false)))
    }

    @Test func fiftyNameLookupPagesAndProjects() {
        let client = APITestClient()
        for number in 1...120 { _ = client.post("\(Paths.scim)/Users", ["userName": "learner\(number)@example.com"]) }
        let wanted = (1...50).map { "LEARNER\($0 * 2)@Example.com" }
        let filter = wanted.map { "userName eq \"\($0)\"" }.joined(separator: " or ")
        let page = client.get("\(Paths.scim)/Users?filter=\(Paths.query(filter))&attributes=id,userName&startIndex=41&count=20")
        #expect(page["totalResults"] as? Int == 50)
        #expect(page["itemsPerPage"] as? Int == 10)
        #expect(page.resourceValues("userName") == (41...50).map { "learner\($0 * 2)@example.com" })
        #expect(page.resources.allSatisfy { Set($0.keys) == ["id", "userName", "schemas"] })
    }

    /// ASCII filters take a byte tokenizer, others the Character one; both read the same filter.
    @Test func filterTokenizersAgree() throws {
        typealias Comparison = SCIMFilter.Comparison
        let attributes = WorkspaceEngine.userFilterAttributes
        let ascii = try SCIMFilter(parsing: "userName eq \"A\\\"b\"\tOR\r\ndisplayName co x and active eq true",
                                   attributes: attributes)
        #expect(ascii.alternatives == [
            [Comparison(attribute: "userName", op: .eq, value: "a\"b")],
            [Comparison(attribute: "displayName", op: .co, value: "x"), Comparison(attribute: "active", op: .eq, value: "true")],
        ])
        let unicode = try SCIMFilter(parsing: "displayName eq \"Zoë \\\" Ü\"\u{00A0}or userName sw b", attributes: attributes)
        #expect(unicode.alternatives == [
            [Comparison(attribute: "displayName", op: .eq, value: "zoë \" ü")],
            [Comparison(attribute: "userName", op: .sw, value: "b")],
        ])
        #expect(throws: SCIMFilter.ParseError.unsupportedOperator("(")) {
            try SCIMFilter(parsing: "(userName eq \"a\")", attributes: attributes)
        }
        #expect(throws: SCIMFilter.ParseError.malformed) { try SCIMFilter(parsing: "userName eq \"a", attributes: attributes) }
    }

    @Test func tableKeepsItsIndexThroughEdits() throws {
        func user(_ id: String, _ name: String) -> UserRecord {
            UserRecord(id: id, userName: name, displayName: nil, givenName: nil, familyName: nil, active: true,
                       entitlements: [], externalId: nil)
        }
        var table: UserTable = [user("1", "a@x"), user("2", "b@x")]
        table.append(user("3", "c@x"))
        #expect(table.position(userName: "c@x") == 2)
        table.remove(at: 0)
        #expect(table.position(id: "1") == nil)
        #expect(table.position(id: "3") == 1)
        #expect(table.position(userName: "b@x") == 0)
        table[0].displayName = "B"
        #expect(table.position(userName: "b@x") == 0)
        table[0] = user("9", "z@x")
        #expect(table.position(userName: "b@x") == nil)
        #expect(table.position(id: "9") == 0)
        let encoded = try JSONEncoder().encode(table)
        #expect(try JSONDecoder().decode([UserRecord].self, from: encoded) == Array(table))
        let decoded = try JSONDecoder().decode(UserTable.self, from: encoded)
        #expect(decoded == table)
        #expect(decoded.position(userName: "c@x") == 1)
    }
}

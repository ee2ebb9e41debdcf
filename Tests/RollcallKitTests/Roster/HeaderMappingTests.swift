import Testing

@testable import RollcallKit

struct HeaderMappingTests {
    @Test(arguments: [
        ("email", RosterColumn.email), ("Email Address", .email), ("E-mail", .email), ("Work Email", .email),
        ("userName", .email), ("  EMAIL_ADDRESS ", .email), ("Full Name", .name), ("Display Name", .name),
        ("First Name", .firstName), ("last_name", .lastName), ("Team", .group), ("Cohort", .group),
        ("cluster", .clusterLevel), ("Cluster Level", .clusterLevel), ("warehouse", .warehouseLevel),
        ("SQL-Warehouse", .warehouseLevel), ("directory_level", .directoryLevel), ("endpoint_level", .endpointLevel),
    ])
    func mapsAliases(header: String, column: RosterColumn) {
        #expect(RosterColumn(header: header) == column)
    }

    @Test(arguments: ["Ticket Type", "Order #", "", "emails", "Dietary needs"])
    func ignoresUnknownColumns(header: String) {
        #expect(RosterColumn(header: header) == nil)
    }

    @Test func twoEmailColumnsIsAnErrorNamingBoth() {
        let (_, problems) = RosterHeader.map(["Email", "Name", "Email Address"])
        #expect(problems == [.repeated(column: .email, first: "Email", second: "Email Address")])
        #expect(problems[0].isError)
        #expect(problems[0].message.contains("'Email'") && problems[0].message.contains("'Email Address'"))
    }

    @Test func missingEmailListsTheHeadersFound() {
        let (_, problems) = RosterHeader.map(["Name", "Team", "Ticket"])
        #expect(problems.count == 1)
        #expect(problems[0].isError)
        #expect(problems[0].message.contains("'Name', 'Team', 'Ticket'"))
    }

    @Test func repeatedOtherColumnWarnsAndKeepsTheFirst() {
        let (header, problems) = RosterHeader.map(["email", "Team", "Group"])
        #expect(header.indices[.group] == 1)
        #expect(problems.map(\.isError) == [false])
    }
}

struct EmailCellTests {
    @Test(arguments: [
        ("ada@example.org", "ada@example.org"), ("  Ada@Example.ORG ", "ada@example.org"),
        ("\u{00A0}ada@example.org\u{00A0}", "ada@example.org"), ("Ada Lovelace <Ada@Example.org>", "ada@example.org"),
        ("mailto:ada@example.org", "ada@example.org"), ("MAILTO:Ada@example.org", "ada@example.org"),
        ("\"Lovelace, Ada\" <ada@example.org>", "ada@example.org"), ("o'brien@example.ie", "o'brien@example.ie"),
        ("\u{FEFF}ada@example.org", "ada@example.org"), ("ÉLODIE@exemple.fr", "élodie@exemple.fr"),
    ])
    func cleans(input: String, expected: String) {
        #expect(EmailCell.clean(input) == .valid(expected))
    }

    @Test(arguments: [
        ("ada.example.org", "no '@'"), ("ada@example", "has no '.'"), ("ada@@example.org", "more than one '@'"),
        ("@example.org", "nothing comes before"), ("ada lovelace@example.org", "space"),
        ("ada@example..org", "empty part"), ("\"ada\"@example.org", "quote"), ("ada@exa<mple.org", "angle bracket"),
        ("ada@example.org, bob@example.org", "one address per row"), ("ada\u{7}@example.org", "control"),
        (String(repeating: "a", count: 250) + "@example.org", "longer than 254"), ("ada@.org", "empty part"),
    ])
    func rejectsMalformed(input: String, reason: String) {
        guard case .malformed(_, let actual) = EmailCell.clean(input) else {
            Issue.record("'\(input)' was accepted")
            return
        }
        #expect(actual.contains(reason))
    }

    @Test(arguments: ["", "   ", "\u{00A0}"])
    func emptyCell(input: String) {
        #expect(EmailCell.clean(input) == .empty)
    }
}

struct LevelCellTests {
    @Test(arguments: [
        ("CAN_ATTACH_TO", LevelCell.level(.canAttachTo)), ("can attach to", .level(.canAttachTo)),
        ("Can Attach To", .level(.canAttachTo)), ("", .useDefault), ("  ", .useDefault), ("none", .noAccess),
        ("None", .noAccess), ("no access", .noAccess),
    ])
    func readsCells(text: String, expected: LevelCell) {
        #expect(LevelCell(text: text) == expected)
    }

    @Test func otherResourcesLevelIsNamedInTheMessage() {
        let message = LevelCell.problem(level: .canUse, kind: .cluster, column: "cluster_level")
        #expect(message?.contains("SQL warehouse level") == true)
        #expect(message?.contains("CAN_ATTACH_TO, CAN_RESTART, CAN_MANAGE") == true)
    }
}

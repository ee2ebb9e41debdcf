import Testing

@testable import RollcallKit

/// One roster and the problems it must produce: (line, fragment of the message).
struct ValidationCase: CustomTestStringConvertible, Sendable {
    let name: String
    let csv: String
    var workshop = WorkshopConfig.default
    var errors: [(Int, String)] = []
    var warnings: [(Int, String)] = []
    var testDescription: String { name }
}

struct RosterValidationTests {
    static let header = "email,name,group,cluster_level,warehouse_level\n"

    static let cases: [ValidationCase] = [
        ValidationCase(name: "clean roster", csv: header + "a@x.org,A,g1,,\nb@x.org,B,g1,,\n"),
        ValidationCase(
            name: "cluster level from the warehouse list", csv: header + "a@x.org,A,g,CAN_USE,\n",
            errors: [(2, "'CAN_USE' is not a cluster level")]),
        ValidationCase(
            name: "IS_OWNER for a group", csv: header + "a@x.org,A,g,,IS_OWNER\n",
            errors: [(2, "IS_OWNER cannot be given to a group")]),
        ValidationCase(
            name: "unknown level word", csv: header + "a@x.org,A,g,can fly,\n",
            errors: [(2, "'CAN_FLY' is not a cluster level")]),
        ValidationCase(
            name: "one group, two cluster levels",
            csv: header + "a@x.org,A,g,CAN_MANAGE,\nb@x.org,B,g,CAN_RESTART,\n",
            errors: [(3, "group 'g' gets cluster level CAN_RESTART here but CAN_MANAGE on line 2")]),
        ValidationCase(
            name: "explicit level against the default of another row",
            csv: header + "a@x.org,A,g,,\nb@x.org,B,g,can manage,\n",
            errors: [(3, "CAN_MANAGE here but CAN_ATTACH_TO on line 2")]),
        ValidationCase(
            name: "none against a level", csv: header + "a@x.org,A,g,,none\nb@x.org,B,g,,CAN_USE\n",
            errors: [(3, "SQL warehouse level CAN_USE here but no access on line 2")]),
        ValidationCase(
            name: "duplicate with another group", csv: header + "a@x.org,A,g1,,\nA@X.org,A,g2,,\n",
            errors: [(3, "'a@x.org' is already on line 2 with different values (group 'g2' here, 'g1' there)")]),
        ValidationCase(
            name: "duplicate with another name", csv: header + "a@x.org,A,g1,,\na@x.org,Ann,g1,,\n",
            errors: [(3, "already on line 2 with different values (name)")]),
        ValidationCase(
            name: "identical duplicate merged", csv: header + "a@x.org,A,g1,,\n\" A@x.org \",A,g1,CAN_ATTACH_TO,\n",
            warnings: [(3, "repeats line 2 with the same values; merged")]),
        ValidationCase(
            name: "malformed and empty emails", csv: header + "a.x.org,A,g,,\n,B,g,,\n",
            errors: [(2, "malformed email 'a.x.org'"), (3, "the email cell is empty")]),
        ValidationCase(
            name: "errors sorted by line across kinds",
            csv: header + "bad,A,g,,\nb@x.org,B,g,CAN_USE,\nc@x.org,C,g,,\nc@x.org,D,g,,\n",
            errors: [(2, "malformed"), (3, "not a cluster level"), (5, "already on line 4")]),
        ValidationCase(
            name: "group name with a control character", csv: header + "a@x.org,A,\"g\u{7}1\",,\n",
            errors: [(2, "contains a control character (U+7)")]),
        ValidationCase(
            name: "group name with a line break", csv: header + "a@x.org,A,\"team\nred\",,\n",
            errors: [(2, "contains a control character (U+A)")]),
        ValidationCase(
            name: "directory level without a directory", csv: "email,directory_level\na@x.org,CAN_READ\n",
            errors: [(2, "the workshop has no directory")]),
        ValidationCase(
            name: "directory level with a directory", csv: "email,directory_level\na@x.org,CAN_READ\n",
            workshop: WorkshopConfig(directory: WorkshopResource(name: "/Shared/w", defaultLevel: nil))),
        ValidationCase(
            name: "control characters in a name are not errors", csv: header + "a@x.org,A\u{0}B,g,,\n"),
        ValidationCase(
            name: "stray quote warns", csv: header + "a@x.org,A \"Ace\" B,g,,\n",
            warnings: [(2, "quote (\") inside an unquoted field")]),
        ValidationCase(
            name: "unterminated quote", csv: header + "a@x.org,A,g,,\n\"b@x.org,B,g,,\n",
            errors: [(3, "a quoted field opens here and never closes")]),
        ValidationCase(name: "missing email column", csv: "name,team\nA,g\n", errors: [(1, "no email column")]),
        ValidationCase(name: "empty file", csv: "", errors: [(0, "the roster is empty")]),
        ValidationCase(
            name: "header without rows", csv: header + "\n,,\n", warnings: [(0, "header but no participant rows")]),
    ]

    @Test(arguments: cases)
    func reportsProblems(_ test: ValidationCase) {
        let report = RosterLoader.load(bytes: Array(test.csv.utf8), file: "roster.csv", workshop: test.workshop)
        #expect(report.errors.count == test.errors.count, "\(report.errors)")
        for (diagnostic, (line, fragment)) in zip(report.errors, test.errors) {
            #expect(diagnostic.line == line)
            #expect(diagnostic.message.contains(fragment), "\(diagnostic.message)")
            #expect(diagnostic.severity == .error && diagnostic.file == "roster.csv")
        }
        #expect(report.warnings.count == test.warnings.count, "\(report.warnings)")
        for (diagnostic, (line, fragment)) in zip(report.warnings, test.warnings) {
            #expect(diagnostic.line == line)
            #expect(diagnostic.message.contains(fragment), "\(diagnostic.message)")
        }
        #expect(report.isValid == test.errors.isEmpty)
        #expect((report.roster == nil) == !test.errors.isEmpty)
    }

    @Test func invalidUTF8IsAnErrorNamingTheLineAndTheFix() {
        let bytes =
            Array((Self.header + "a@x.org,A,g,,\n").utf8) + Array("b@x.org,B".utf8) + [0xE9] + Array(",g,,\n".utf8)
        let report = RosterLoader.load(bytes: bytes, file: "roster.csv")
        #expect(report.errors.map(\.line) == [3])
        #expect(report.errors.first?.message.contains("save the roster as \"CSV UTF-8\"") == true)
    }

    @Test func effectiveParticipantsApplyDefaultsAndMergeDuplicates() throws {
        let csv =
            "E-mail,First Name,Last Name,Team,Cluster,Warehouse\r\n"
            + "Ada <ADA@x.org>,Ada,Lovelace,,,\r\n"
            + "mailto:bob@x.org,Bob,,instructors,can restart,none\r\n"
            + "ada@x.org,Ada,Lovelace,,,\r\n"
        let report = RosterLoader.load(bytes: Array(csv.utf8), file: "r.csv")
        let roster = try #require(report.roster)
        #expect(report.rows == 3)
        #expect(
            roster.participants == [
                Participant(
                    line: 2, email: "ada@x.org", name: "Ada Lovelace", group: "workshop-users",
                    levels: [.cluster: .canAttachTo, .warehouse: .canUse]),
                Participant(
                    line: 3, email: "bob@x.org", name: "Bob", group: "instructors", levels: [.cluster: .canRestart]),
            ])
        #expect(roster.warnings.map(\.line) == [4])
        #expect(report.groups.map(\.name) == ["workshop-users", "instructors"])
        #expect(report.groups.map(\.participantCount) == [1, 1])
    }

    @Test func summaryModeKeepsCountsButNoParticipants() {
        let csv = Self.header + "a@x.org,A,g,,\nb@x.org,B,g,,\n"
        let report = RosterLoader.load(bytes: Array(csv.utf8), file: "r.csv", keepParticipants: false)
        #expect(report.participants.isEmpty)
        #expect(report.participantCount == 2)
        #expect(
            report.groups == [
                GroupSummary(
                    name: "g", participantCount: 2, levels: LevelSet(cluster: .canAttachTo, warehouse: .canUse),
                    firstLine: 2)
            ])
    }

    @Test func workshopDefaultGroupAndLevelsApply() throws {
        let workshop = WorkshopConfig(
            defaultGroup: "students", cluster: WorkshopResource(name: "c", defaultLevel: .canRestart), warehouse: nil)
        let report = RosterLoader.load(bytes: Array("email\na@x.org\n".utf8), file: "r.csv", workshop: workshop)
        let participant = try #require(report.roster?.participants.first)
        #expect(participant.group == "students")
        #expect(participant.levels == [.cluster: .canRestart])
    }

    @Test func throwingEntryPointCarriesEveryDiagnostic() {
        let path = FileManagerHelper.temporaryFile(contents: Array((Self.header + "x,A,g,,\ny,B,g,,\n").utf8))
        #expect(throws: RosterError.self) { try RosterLoader.roster(path: path) }
        do {
            _ = try RosterLoader.roster(path: path)
        } catch {
            #expect(error.diagnostics.map(\.line) == [2, 3])
            #expect(error.description.contains("\(path):2: error: malformed email 'x'"))
        }
    }

    @Test func semicolonRosterWithDelimiterOverride() throws {
        let csv = "email;name\na@x.org;A, B\n"
        let sniffed = RosterLoader.load(bytes: Array(csv.utf8), file: "r.csv")
        #expect(sniffed.roster?.participants.first?.name == "A, B")
        let forced = RosterLoader.load(bytes: Array(csv.utf8), file: "r.csv", delimiter: UInt8(ascii: ","))
        #expect(!forced.isValid)
    }
}

import Foundation
import RollcallKit
import Testing

struct RetrySelectionTests {
    static let header = ResultsCSV.columns.joined(separator: ",")

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("earlier-\(UUID().uuidString).csv").path
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func participant(_ line: Int, _ email: String) -> Participant {
        Participant(line: line, email: email, name: nil, group: "g", levels: [:])
    }

    @Test func selectsFailedRowsAndKeepsOkRowsCellForCell() throws {
        let path = try Self.write(
            Self.header + "\r\n"
                + "2,a@x.org,'=Sum(1),g,11,created,added,granted,-,-,-,-,ok,\r\n"
                + "3,b@x.org,\"Hopper, Grace\",g,,failed,skipped,skipped,-,-,-,-,failed,\"boom, \"\"quoted\"\"\"\r\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let earlier = try EarlierResults.load(path: path)
        #expect(earlier.rows.map(\.failed) == [false, true])
        #expect(earlier.rows[0].cells[2] == "=Sum(1)")
        #expect(earlier.rows[1].cells[13] == "boom, \"quoted\"")

        let selection = try RetrySelection(
            roster: Roster(participants: [Self.participant(2, "a@x.org"), Self.participant(3, "b@x.org")]),
            rosterPath: "roster.csv", earlier: earlier)
        #expect(selection.retried.participants.map(\.email) == ["b@x.org"])
        #expect(selection.keptCount == 1)

        let retried = RowResult(
            participant: Self.participant(3, "b@x.org"), userID: "12", user: .created, membership: .added,
            access: [:], grants: .notApplicable, errors: [])
        let text = String(decoding: selection.render([retried]), as: UTF8.self)
        #expect(text == "\u{FEFF}" + Self.header + "\r\n"
            + "2,a@x.org,'=Sum(1),g,11,created,added,granted,-,-,-,-,ok,\r\n"
            + "3,b@x.org,,g,12,created,added,-,-,-,-,-,ok,\r\n")
    }

    @Test func aChangedRosterNamesEveryDifferingLine() throws {
        let path = try Self.write(Self.header + "\r\n2,a@x.org,,g,,failed,skipped,-,-,-,-,-,failed,x\r\n4,c@x.org,,g,,created,added,-,-,-,-,-,ok,\r\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let roster = Roster(participants: [Self.participant(2, "z@x.org"), Self.participant(3, "b@x.org")])
        #expect {
            try RetrySelection(roster: roster, rosterPath: "roster.csv", earlier: try EarlierResults.load(path: path))
        } throws: { error in
            guard case .rosterChanged(_, "roster.csv", let differences) = error as? RetryFailedError else { return false }
            return differences == [
                "line 2: the results have a@x.org, the roster has z@x.org",
                "line 3: b@x.org is in the roster but not in the results",
                "line 4: c@x.org is in the results but not in the roster",
            ]
        }
    }

    @Test func aFileThatIsNotImportResultsSaysWhichColumnIsMissing() throws {
        let path = try Self.write("line,email,group,user_id,membership,user,status,error\r\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: RetryFailedError.notResults(
            path: path, line: 1, reason: "the header has no 'name' column; expected \(ResultsCSV.columns.joined(separator: ","))")
        ) { try EarlierResults.load(path: path) }
    }
}

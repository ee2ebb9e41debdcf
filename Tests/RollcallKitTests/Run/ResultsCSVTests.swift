import Testing
import RollcallKit

struct ResultsCSVTests {
    static func row(email: String, name: String?, errors: [String] = []) -> RowResult {
        RowResult(
            participant: Participant(line: 7, email: email, name: name, group: "g", levels: [:]),
            userID: "42", user: .created, membership: .added,
            access: [.cluster: .granted, .warehouse: .unchanged, .directory: .notApplicable, .servingEndpoint: .notApplicable],
            grants: .granted, errors: errors)
    }

    @Test func startsWithBOMAndHeaderAndUsesCRLF() {
        let bytes = ResultsCSV.render([Self.row(email: "a@b.org", name: "Ann")])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "line,email,name,group,user_id,user,membership,cluster,warehouse,directory,endpoints,grants,status,error\r\n"
            + "7,a@b.org,Ann,g,42,created,added,granted,unchanged,-,-,granted,ok,\r\n")
    }

    @Test(arguments: [
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1", "'+1"), ("-2", "'-2"), ("@SUM", "'@SUM"),
        ("\tx", "'\tx"), ("Smith, Ann", "\"Smith, Ann\""), ("two\nlines", "\"two\nlines\""), ("plain", "plain"),
    ])
    func guardsFormulasAndQuotes(name: String, expected: String) {
        let text = String(decoding: ResultsCSV.render([Self.row(email: "a@b.org", name: name)]), as: UTF8.self)
        #expect(text.contains(",a@b.org,\(expected),g,"))
    }

    @Test func failedRowCarriesItsErrors() {
        let text = String(decoding: ResultsCSV.render([Self.row(email: "a@b.org", name: nil, errors: ["boom", "bang"])]), as: UTF8.self)
        #expect(text.hasSuffix(",failed,boom; bang\r\n"))
    }
}

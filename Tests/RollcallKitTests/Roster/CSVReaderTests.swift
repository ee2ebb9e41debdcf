import Testing

@testable import RollcallKit

/// One reader case: input text and the records (line, fields) it must produce.
struct ReaderCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: [UInt8]
    let expected: [CSVRecord]
    var testDescription: String { name }

    init(_ name: String, _ input: String, _ expected: [(Int, [String])]) {
        self.init(name, Array(input.utf8), expected)
    }

    init(_ name: String, _ input: [UInt8], _ expected: [(Int, [String])]) {
        self.name = name
        self.input = input
        self.expected = expected.map { CSVRecord(line: $0.0, fields: $0.1) }
    }
}

struct CSVReaderTests {
    static let cases: [ReaderCase] = [
        ReaderCase("plain LF", "a,b\n1,2\n", [(1, ["a", "b"]), (2, ["1", "2"])]),
        ReaderCase("CRLF", "a,b\r\n1,2\r\n", [(1, ["a", "b"]), (2, ["1", "2"])]),
        ReaderCase("lone CR", "a,b\r1,2\r3,4", [(1, ["a", "b"]), (2, ["1", "2"]), (3, ["3", "4"])]),
        ReaderCase("mixed endings", "a\r\nb\nc\rd", [(1, ["a"]), (2, ["b"]), (3, ["c"]), (4, ["d"])]),
        ReaderCase("no final line break", "a,b\n1,2", [(1, ["a", "b"]), (2, ["1", "2"])]),
        ReaderCase("UTF-8 BOM dropped", [0xEF, 0xBB, 0xBF] + Array("email\nx\n".utf8), [(1, ["email"]), (2, ["x"])]),
        ReaderCase("quoted delimiter", "a,\"b,c\",d\n", [(1, ["a", "b,c", "d"])]),
        ReaderCase("doubled quotes", "\"say \"\"hi\"\"\",x\n", [(1, ["say \"hi\"", "x"])]),
        ReaderCase(
            "quoted line breaks keep bytes and count lines", "h\n\"l1\r\nl2\nl3\",x\nnext\n",
            [(1, ["h"]), (2, ["l1\r\nl2\nl3", "x"]), (5, ["next"])]),
        ReaderCase("empty quoted field", "\"\",a\n", [(1, ["", "a"])]),
        ReaderCase("trailing empty columns dropped", "a,b,,,\n1,,\n", [(1, ["a", "b"]), (2, ["1"])]),
        ReaderCase("inner empty columns kept", "a,,c\n", [(1, ["a", "", "c"])]),
        ReaderCase("blank lines skipped, numbers kept", "a\n\n\r\nb\n", [(1, ["a"]), (4, ["b"])]),
        ReaderCase("all-empty rows skipped", "a,b\n,,\n , \n\"\",\"\"\nc,d\n", [(1, ["a", "b"]), (5, ["c", "d"])]),
        ReaderCase("semicolon sniffed", "a;b;c,d\n1;2;3,4\n", [(1, ["a", "b", "c,d"]), (2, ["1", "2", "3,4"])]),
        ReaderCase("tie goes to comma", "a;b,c\n", [(1, ["a;b", "c"])]),
        ReaderCase("tab sniffed", "a\tb\n1\t2\n", [(1, ["a", "b"]), (2, ["1", "2"])]),
        ReaderCase(
            "sniffing ignores quoted delimiters", "\"a;b;c\",d\n1,2\n", [(1, ["a;b;c", "d"]), (2, ["1", "2"])]),
        ReaderCase("Excel sep= line", "sep=;\r\na;b\r\n1,5;2\r\n", [(2, ["a", "b"]), (3, ["1,5", "2"])]),
        ReaderCase("header only", "email\n", [(1, ["email"])]),
        ReaderCase("empty input", "", []),
        ReaderCase("spaces kept inside fields", " a , b \n", [(1, [" a ", " b "])]),
        ReaderCase(
            "UTF-16 LE with BOM", [0xFF, 0xFE] + utf16("e\tn\r\nä@x.org\tZoë\r\n", bigEndian: false),
            [(1, ["e", "n"]), (2, ["ä@x.org", "Zoë"])]),
        ReaderCase(
            "UTF-16 BE with BOM and a surrogate pair", [0xFE, 0xFF] + utf16("a,b\n😀,c\n", bigEndian: true),
            [(1, ["a", "b"]), (2, ["😀", "c"])]),
    ]

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    /// Every case must read the same whatever the chunk boundaries, including one byte at a time.
    @Test(arguments: cases, [1, 2, 7, 1 << 20])
    func readsRecords(_ test: ReaderCase, chunkSize: Int) throws {
        let (records, _) = try CSVReader(chunkSize: chunkSize).records(bytes: test.input)
        #expect(records == test.expected)
    }

    @Test(arguments: [(",", "a;b,c"), (";", "a;b,c"), ("\t", "x\ty")])
    func delimiterOverrideWins(delimiter: String, header: String) throws {
        let byte = Array(delimiter.utf8)[0]
        let (records, summary) = try CSVReader(delimiter: byte).records(bytes: Array("\(header)\n".utf8))
        #expect(summary.delimiter == byte)
        #expect(records[0].fields == header.split(separator: Character(delimiter)).map(String.init))
    }

    @Test(arguments: [("a\n\"open,b\nc\nd\n", 2), ("\"x\n\ny", 1), ("a\r\nb\r\n\"", 3)])
    func unterminatedQuoteNamesTheLineWhereItOpened(input: String, line: Int) {
        #expect(throws: CSVError.unterminatedQuote(line: line)) {
            try CSVReader(chunkSize: 3).records(bytes: Array(input.utf8))
        }
    }

    @Test(arguments: [("a\nab\"c,d\n", 2, ["ab\"c", "d"]), ("a\n\"ab\"c,d\n", 2, ["abc", "d"])])
    func strayQuoteIsKeptWithAWarning(input: String, line: Int, fields: [String]) throws {
        let (records, summary) = try CSVReader().records(bytes: Array(input.utf8))
        #expect(records[1].fields == fields)
        #expect(summary.warnings == [CSVWarning(line: line, kind: .strayQuote)])
    }

    @Test func invalidUTF8IsFlaggedOnItsRecordOnly() throws {
        var validity: [Int: Bool] = [:]
        _ = try CSVReader().read(bytes: Array("a\n".utf8) + [0x62, 0xFF, 0x0A] + Array("é\n".utf8)) {
            validity[$0.line] = $0.isValidUTF8
        }
        #expect(validity == [1: true, 2: false, 3: true])
    }

    /// A multi-byte character split across two fields is invalid in each, though the bytes join up.
    @Test func utf8IsValidatedPerField() throws {
        var valid = true
        _ = try CSVReader().read(bytes: [0xC3, UInt8(ascii: ","), 0xA9, 0x0A]) { valid = $0.isValidUTF8 }
        #expect(!valid)
    }

    @Test func readsAFileInChunks() throws {
        let path = FileManagerHelper.temporaryFile(contents: Array("email,name\r\n\"a@b.org\",\"A, B\"\r\n".utf8))
        var records: [CSVRecord] = []
        let summary = try CSVReader(chunkSize: 5).read(path: path) {
            records.append(CSVRecord(line: $0.line, fields: $0.strings))
        }
        #expect(
            records == [
                CSVRecord(line: 1, fields: ["email", "name"]), CSVRecord(line: 2, fields: ["a@b.org", "A, B"]),
            ])
        #expect(summary.delimiter == UInt8(ascii: ","))
    }

    @Test func missingFileIsUnreadable() {
        #expect {
            try CSVReader().read(path: "/nonexistent/roster.csv") { _ in }
        } throws: { error in
            guard case .unreadable(let path, _) = error as? CSVError else { return false }
            return path == "/nonexistent/roster.csv"
        }
    }
}

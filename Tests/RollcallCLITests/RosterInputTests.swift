import Foundation
import Testing

@testable import RollcallCLI

/// The shared first step of the roster commands, as import and offboard will call it.
struct RosterInputTests {
    static func file(_ name: String, _ contents: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    @Test func validInputLoadsAndPrintsOnlyWarnings() throws {
        let roster = try Self.file("roster.csv", "email,group\na@x.org,red\na@x.org,red\n")
        let (console, recorder) = Console.recording()
        let loaded = try #require(RosterInput.load(roster: roster, workshop: nil, delimiter: nil, console: console))
        #expect(loaded.roster.participants.map(\.email) == ["a@x.org"])
        #expect(loaded.workshop == .default)
        #expect(recorder.stderr == "\(roster):3: warning: 'a@x.org' repeats line 2 with the same values; merged into line 2\n")
    }

    @Test func invalidConfigStopsBeforeTheRosterAndPrintsTheKeyPath() throws {
        let roster = try Self.file("roster.csv", "email\na@x.org\n")
        let workshop = try Self.file("workshop.json", #"{"clustr": {}}"#)
        let (console, recorder) = Console.recording()
        #expect(RosterInput.load(roster: roster, workshop: workshop, delimiter: nil, console: console) == nil)
        #expect(recorder.stderr.hasPrefix("\(workshop): error: clustr: unknown key; did you mean 'cluster'?"))
        #expect(recorder.stderr.hasSuffix("\(roster): 1 error; nothing was changed\n"))
    }
}

import Foundation
import Testing

/// `import --retry-failed`: a folder path typed wrong in the workshop config fails the rows of the
/// one group that asks for folder access; after fixing the config only those rows run again.
@Suite(.serialized) struct RetryFailedEndToEndTests {
    static func workshop(folder: String) -> String {
        #"{"directory": {"path": "\#(folder)", "defaultLevel": null}, "unityCatalog": {"grants": []}}"#
    }

    /// 12 rows; team-b (every third row) asks for the folder.
    static func roster() -> String {
        var text = "email,name,group,directory_level\r\n"
        for index in 0..<12 {
            text += index % 3 == 0
                ? "r\(index)@example.org,=Row \(index),team-b,CAN_READ\r\n" : "r\(index)@example.org,Row \(index),workshop-users,\r\n"
        }
        return text
    }

    @Test func onlyTheFailedRowsRunAgainAndOkRowsKeepTheirEarlierOutcome() async throws {
        let workspace = try SandboxWorkspace()
        try workspace.directory.write("roster.csv", Self.roster())
        try workspace.directory.write("typo.json", Self.workshop(folder: "/Shared/worksop"))
        try workspace.directory.write("fixed.json", Self.workshop(folder: "/Shared/workshop"))

        let first = try workspace.run(["import", "roster.csv", "--workshop", "typo.json", "--results", "first.csv", "--quiet"])
        #expect(first.exitCode == 1)
        let earlier = try ResultsFile(path: workspace.path("first.csv"))
        let failed = earlier.emails { $0["status"] == "failed" }
        #expect(failed == Set(stride(from: 0, to: 12, by: 3).map { "r\($0)@example.org" }))
        #expect(earlier.rows.first { $0["email"] == "r0@example.org" }?["error"]?.contains("/Shared/worksop") == true)

        workspace.sandbox.resetStats()
        let retry = try workspace.run([
            "import", "roster.csv", "--workshop", "fixed.json", "--results", "second.csv", "--retry-failed", "first.csv",
        ])
        #expect(retry.exitCode == 0, "\(retry.stderr)")
        #expect(retry.stderr.contains("retrying 4 failed row(s) of first.csv; 8 ok row(s) keep their earlier outcome"))
        let stats = workspace.sandbox.stats()
        #expect(stats.count("POST /api/2.0/preview/scim/v2/Users") == 0)
        #expect(stats.count("PATCH /api/2.0/permissions/directories/{id}") == 1)
        #expect(stats.writes == 1, "\(stats.byRoute)")

        let merged = try ResultsFile(path: workspace.path("second.csv"))
        #expect(merged.rows.count == 12)
        #expect(merged.rows.allSatisfy { $0["status"] == "ok" })
        for (old, new) in zip(earlier.rows, merged.rows) {
            #expect(old["line"] == new["line"] && old["email"] == new["email"])
            if old["status"] == "ok" {
                #expect(old == new)  // kept cell for cell, including `created`
                #expect(new["user"] == "created")
            } else {
                #expect(new["user"] == "existing" && new["directory"] == "granted")
            }
        }
        // The formula guard was undone on reading and applied again on writing, not doubled.
        let text = try String(contentsOfFile: workspace.path("second.csv"), encoding: .utf8)
        #expect(text.contains(",'=Row 0,"))
        #expect(!text.contains("''=Row"))
        let levels = try await workspace.fixture.groupLevels("directories", "3141592653589793")
        #expect(levels["team-b"] == "CAN_READ")

        let nothing = try workspace.run([
            "import", "roster.csv", "--workshop", "fixed.json", "--results", "third.csv", "--retry-failed", "second.csv",
        ])
        #expect(nothing.exitCode == 0)
        #expect(nothing.stdout.contains("nothing to retry"))
    }

    @Test func aRosterChangedSinceTheResultsIsRejectedBeforeAnyRequest() async throws {
        let workspace = try SandboxWorkspace()
        try workspace.directory.write("roster.csv", Self.roster())
        try workspace.directory.write("typo.json", Self.workshop(folder: "/Shared/worksop"))
        #expect(try workspace.run(["import", "roster.csv", "--workshop", "typo.json", "--results", "first.csv", "--quiet"]).exitCode == 1)

        var changed = Self.roster().replacingOccurrences(of: "r3@example.org", with: "someone@example.org")
        changed += "late@example.org,Late,workshop-users,\r\n"
        try workspace.directory.write("roster.csv", changed)
        workspace.sandbox.resetStats()
        let result = try workspace.run(["import", "roster.csv", "--workshop", "typo.json", "--retry-failed", "first.csv"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("roster.csv has changed since first.csv was written"))
        #expect(result.stderr.contains("line 5: the results have r3@example.org, the roster has someone@example.org"))
        #expect(result.stderr.contains("line 14: late@example.org is in the roster but not in the results"))
        #expect(workspace.sandbox.stats().total == 0)
    }
}

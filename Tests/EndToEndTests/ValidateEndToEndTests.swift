import Foundation
import Testing

/// The built binary on real files: exit codes, stdout, stderr lines.
struct ValidateEndToEndTests {
    static let header = "email,name,group,cluster_level,warehouse_level\r\n"

    @Test func validRosterPrintsASummaryAndExits0() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            "roster.csv",
            Self.header + "a@x.org,A,red,,\r\nb@x.org,\"B, b\",red,,\r\nc@x.org,C,blue,CAN_RESTART,CAN_MONITOR\r\n")
        // An account id keeps the offline workspace-local warning (AccountGroupEndToEndTests) out of stderr.
        let result = try RollcallProcess.run(["validate", path], environment: ["DATABRICKS_ACCOUNT_ID": "a-1"])
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("valid, 3 participants in 2 groups (3 rows)"))
        #expect(result.stdout.contains("red   2 participants; cluster CAN_ATTACH_TO, SQL warehouse CAN_USE"))
        #expect(result.stdout.contains("blue  1 participant; cluster CAN_RESTART, SQL warehouse CAN_MONITOR"))
    }

    @Test func invalidRosterWritesFileLineErrorsToStderrAndExits2() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "roster.csv",
            Self.header + "a@x.org,A,red,,\r\nnot-an-email,B,red,,\r\nc@x.org,C,red,CAN_USE,\r\na@x.org,A,red,,\r\n")
        let result = try RollcallProcess.run(["validate", "roster.csv"], currentDirectory: directory.url)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderrLines
        #expect(lines.count == 4, "\(lines)")
        #expect(lines[0].hasPrefix("roster.csv:3: error: malformed email 'not-an-email'"))
        #expect(lines[1].hasPrefix("roster.csv:4: error: cluster_level: 'CAN_USE' is not a cluster level"))
        #expect(lines[2].hasPrefix("roster.csv:5: warning: 'a@x.org' repeats line 2"))
        #expect(lines[3] == "roster.csv: 2 errors; nothing was changed")
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            "roster.csv", Self.header + "A <a@x.org>,A,,,\r\n\r\nb@x.org,,red,none,\r\nb@x.org,,red,none,\r\n")
        let result = try RollcallProcess.run(["validate", path, "--json"])
        #expect(result.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["valid", "rows", "participants", "errors", "warnings"])
        #expect(json["valid"] as? Bool == true)
        #expect(json["rows"] as? Int == 3)
        let participants = try #require(json["participants"] as? [[String: Any]])
        #expect(participants.count == 2)
        #expect(participants[0]["line"] as? Int == 2)
        #expect(participants[0]["email"] as? String == "a@x.org")
        #expect(participants[0]["group"] as? String == "workshop-users")
        #expect(participants[0]["cluster_level"] as? String == "CAN_ATTACH_TO")
        #expect(participants[0]["directory_level"] is NSNull)
        #expect(participants[1]["name"] is NSNull)
        #expect(participants[1]["cluster_level"] is NSNull)
        #expect(participants[1]["warehouse_level"] as? String == "CAN_USE")
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.first?["line"] as? Int == 5)
        #expect((json["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonReportListsErrorsAndExits2() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("roster.csv", "name,team\nA,red\n")
        let result = try RollcallProcess.run(["validate", "--json", path])
        #expect(result.exitCode == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(errors.first?["line"] as? Int == 1)
        #expect(
            (errors.first?["message"] as? String)?.contains("no email column; the header has 'name', 'team'") == true)
    }

    @Test func workshopConfigErrorsNameTheKeyPathAndExit2() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let roster = try directory.write("roster.csv", "email\na@x.org\n")
        let workshop = try directory.write(
            "workshop.json", #"{"unityCatalog": {"grants": [{"securable": "catalog", "name": "c", "privilege": []}]}}"#)
        let result = try RollcallProcess.run(["validate", roster, "--workshop", workshop])
        #expect(result.exitCode == 2)
        #expect(
            result.stderrLines.contains(
                "\(workshop): error: unityCatalog.grants[0].privilege: unknown key; did you mean 'privileges'? (known: securable, name, privileges)"
            ))
    }

    @Test func semicolonRosterWithWorkshopDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let roster = try directory.write(
            "roster.csv", [0xEF, 0xBB, 0xBF] + Array("sep=;\nE-mail;Team;directory_level\na@x.org;red;can edit\n".utf8))
        let workshop = try directory.write(
            "workshop.json", #"{"directory": {"path": "/Shared/lab", "defaultLevel": "CAN_READ"}}"#)
        let result = try RollcallProcess.run(["validate", roster, "--workshop=\(workshop)", "--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""line": 3, "email": "a@x.org""#))
        #expect(result.stdout.contains(#""directory_level": "CAN_EDIT""#))
    }

    @Test func missingRosterFileIsReportedAndExits2() throws {
        let result = try RollcallProcess.run(["validate", "/nonexistent/roster.csv"])
        #expect(result.exitCode == 2)
        #expect(
            result.stderrLines.first?.hasPrefix("/nonexistent/roster.csv: error: cannot read '/nonexistent/roster.csv'")
                == true)
    }

    /// Far more output than a pipe buffer holds: the helper must not deadlock.
    @Test func largeJSONOutputIsReadCompletely() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = (0..<5000).map { "user\($0)@example.org,User \($0),team-\($0 % 7),," }.joined(separator: "\n")
        let path = try directory.write("roster.csv", Self.header + rows + "\n")
        let result = try RollcallProcess.run(["validate", path, "--json"])
        #expect(result.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["participants"] as? [Any])?.count == 5000)
    }
}

struct CommandLineEndToEndTests {
    @Test(arguments: [("roster", "roster.csv"), ("workshop", "workshop.json")])
    func templatePrintsTheFileByteForByte(kind: String, file: String) throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let expected = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
        let result = try RollcallProcess.run(["template", kind])
        #expect(result.exitCode == 0)
        #expect(result.stdout == expected)
    }

    @Test func templateRosterValidates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let template = try RollcallProcess.run(["template", "roster"]).stdout
        let path = try directory.write("roster.csv", template)
        #expect(try RollcallProcess.run(["validate", path]).exitCode == 0)
    }

    @Test func usageErrorExits2WithSuggestion() throws {
        let result = try RollcallProcess.run(["validate", "r.csv", "--jsn"])
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderrLines == [
                "Error: unknown option '--jsn' for 'rollcall validate'; did you mean '--json'?",
                "Run 'rollcall validate --help' for usage.",
            ])
    }

    @Test func versionAndHelp() throws {
        let version = try RollcallProcess.run(["--version"])
        #expect(version.exitCode == 0 && version.stdout.hasPrefix("rollcall "))
        let help = try RollcallProcess.run(["--help"])
        #expect(help.exitCode == 0 && help.stdout.contains("COMMANDS:"))
        let commandHelp = try RollcallProcess.run(["import", "--help"])
        #expect(commandHelp.exitCode == 0 && commandHelp.stdout.contains("--retry-failed RESULTS"))
    }

    @Test func offboardOfAMissingRosterExits2NamingTheFile() throws {
        let result = try RollcallProcess.run(["offboard", "no-such-roster.csv", "--dry-run"])
        #expect(result.exitCode == 2)
        #expect(result.stderrLines.first?.hasPrefix("no-such-roster.csv: error: cannot read") == true)
    }

    @Test func importOfAMissingRosterExits2BeforeAnyNetwork() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try RollcallProcess.run(
            ["import", "roster.csv", "--dry-run"], environment: ["HOME": directory.url.path],
            currentDirectory: directory.url)
        #expect(result.exitCode == 2)
        #expect(result.stderrLines == [
            "roster.csv: error: cannot read 'roster.csv': No such file or directory",
            "roster.csv: 1 error; nothing was changed",
        ])
    }

    @Test func helperPassesEnvironmentAndWorkingDirectoryAndTimesOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("roster.csv", "email\na@x.org\n")
        let result = try RollcallProcess.run(
            ["validate", "roster.csv"], environment: ["LANG": "C"], currentDirectory: directory.url)
        #expect(result.exitCode == 0)
        #expect(!result.timedOut && !result.signaled)
    }
}

/// The helper's controls for long-running children (the sandbox, Ctrl-C tests): a roster that is a
/// FIFO nobody writes to keeps `validate` blocked in `open`, standing in for a server.
struct ProcessHelperTests {
    static func blockedValidate(timeout: TimeInterval) throws -> (RunningRollcall, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let fifo = directory.url.appendingPathComponent("roster.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        return (try RollcallProcess.start(["validate", fifo], timeout: timeout), directory)
    }

    @Test func sendsSignals() throws {
        let (child, directory) = try Self.blockedValidate(timeout: 30)
        defer { directory.remove() }
        Thread.sleep(forTimeInterval: 0.2)
        child.send(signal: SIGTERM)
        let result = child.wait()
        #expect(result.signaled && result.exitCode == SIGTERM)
        #expect(!result.timedOut)
    }

    @Test func killsAChildThatOutlivesItsTimeout() throws {
        let (child, directory) = try Self.blockedValidate(timeout: 0.5)
        defer { directory.remove() }
        let result = child.wait()
        #expect(result.timedOut && result.signaled)
    }
}

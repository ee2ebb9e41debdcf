import Foundation
import Testing
import WorkspaceSandbox

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C, SIGTERM and `kill -9` in the middle of a slow run (80 ms per request, one at a time:
/// SCIM writes are no longer paced before a throttle, so width alone would finish 40 rows in
/// a fraction of a second): in-flight requests finish, every user that exists is in the
/// results, and a re-run converges.
@Suite(.serialized) struct InterruptEndToEndTests {
    static let rows = 40

    /// Waits until the results file reports at least `count` rows with `column` = `value`.
    static func waitForResults(_ path: String, column: String, value: String, count: Int = 3) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let file = try? ResultsFile(path: path), file.rows.filter({ $0[column] == value }).count >= count { return }
            usleep(50_000)
        }
        Issue.record("results never showed \(count) rows with \(column)=\(value)")
    }

    static func slowWorkspace() throws -> SandboxWorkspace {
        let workspace = try SandboxWorkspace { $0.latencyMilliseconds = 80 }
        try workspace.directory.write("roster.csv", makeRoster(count: rows, groups: ["workshop-users"]))
        return workspace
    }

    var rosterEmails: Set<String> { Set((0..<Self.rows).map { "p\($0)@example.org" }) }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalMidImportFinishesInFlightWorkReportsEveryUserAndExits130(_ signal: Int32) async throws {
        let workspace = try Self.slowWorkspace()
        let running = try workspace.start(["import", "roster.csv", "--results", "results.csv", "--concurrency", "1"])
        try Self.waitForResults(workspace.path("results.csv"), column: "user", value: "created")
        running.send(signal: signal)
        let result = running.wait()
        #expect(result.exitCode == 130, "\(result.stderr)")
        #expect(!result.signaled)
        #expect(result.stderr.contains("interrupted: finishing requests in flight"))
        #expect(result.stdout.contains("interrupted: unfinished rows are marked skipped"))

        let results = try ResultsFile(path: workspace.path("results.csv"))
        #expect(results.rows.count == Self.rows)
        let reported = results.emails { $0["user"] == "created" || $0["user"] == "existing" }
        let existing = try await workspace.userNames().intersection(rosterEmails)
        #expect(reported == existing, "created but not reported: \(existing.subtracting(reported))")
        #expect(existing.count < Self.rows, "the run finished before the signal; nothing was interrupted")
        #expect(results.rows.contains { $0["error"]?.contains("interrupted") == true })

        let rerun = try workspace.run(["import", "roster.csv", "--results", "rerun.csv", "--quiet"])
        #expect(rerun.exitCode == 0, "\(rerun.stderr)")
        #expect(try await workspace.userNames().isSuperset(of: rosterEmails))
        let after = try ResultsFile(path: workspace.path("rerun.csv"))
        #expect(after.rows.allSatisfy { $0["status"] == "ok" })
        #expect(after.emails { $0["user"] == "existing" } == existing)
    }

    @Test func aSecondCtrlCExitsAtOnceLeavingTheLastResultsFile() async throws {
        let workspace = try Self.slowWorkspace()
        let running = try workspace.start(["import", "roster.csv", "--results", "results.csv", "--concurrency", "1"])
        try Self.waitForResults(workspace.path("results.csv"), column: "user", value: "created")
        running.send(signal: SIGINT)
        usleep(20_000)
        running.send(signal: SIGINT)
        let result = running.wait()
        #expect(result.exitCode == 130)
        let results = try ResultsFile(path: workspace.path("results.csv"))
        #expect(results.rows.count == Self.rows)
        #expect(results.header.first == "line")
    }

    @Test func killDashNineLeavesAParsableResultsFileAndAReRunConverges() async throws {
        let workspace = try Self.slowWorkspace()
        let running = try workspace.start(["import", "roster.csv", "--results", "results.csv", "--concurrency", "1"])
        try Self.waitForResults(workspace.path("results.csv"), column: "user", value: "created")
        running.send(signal: SIGKILL)
        let result = running.wait()
        #expect(result.signaled)

        let results = try ResultsFile(path: workspace.path("results.csv"))
        #expect(results.header.count == 14)
        #expect(results.rows.count == Self.rows)
        // At most a second behind: whatever it reports created does exist.
        let reported = results.emails { $0["user"] == "created" }
        #expect(!reported.isEmpty)
        #expect(try await workspace.userNames().isSuperset(of: reported))

        let rerun = try workspace.run(["import", "roster.csv", "--results", "rerun.csv", "--quiet"])
        #expect(rerun.exitCode == 0, "\(rerun.stderr)")
        #expect(try await workspace.userNames().isSuperset(of: rosterEmails))
        #expect(try ResultsFile(path: workspace.path("rerun.csv")).rows.allSatisfy { $0["status"] == "ok" })
    }

    @Test func ctrlCMidOffboardReportsEveryRemovedUserAndAReRunFinishes() async throws {
        let workspace = try Self.slowWorkspace()
        #expect(try workspace.run(["import", "roster.csv", "--results", "import.csv", "--quiet"]).exitCode == 0)
        let running = try workspace.start(["offboard", "roster.csv", "--results", "offboard.csv", "--concurrency", "1"])
        try Self.waitForResults(workspace.path("offboard.csv"), column: "user", value: "removed")
        running.send(signal: SIGINT)
        let result = running.wait()
        #expect(result.exitCode == 130, "\(result.stderr)")

        let results = try ResultsFile(path: workspace.path("offboard.csv"))
        let gone = rosterEmails.subtracting(try await workspace.userNames())
        #expect(results.emails { $0["user"] == "removed" } == gone)
        #expect(gone.count < Self.rows, "the offboard finished before the signal")
        #expect(results.emails { $0["status"] == "skipped" } == rosterEmails.subtracting(gone))

        let rerun = try workspace.run(["offboard", "roster.csv", "--results", "rerun.csv", "--quiet"])
        #expect(rerun.exitCode == 0, "\(rerun.stderr)")
        #expect(try await workspace.userNames().isDisjoint(with: rosterEmails))
    }
}

import Foundation
import Testing
import WorkspaceSandbox

/// `rollcall import` as a user runs it: the built binary against a sandbox workspace on loopback,
/// with outcomes checked through the sandbox's own Databricks API and request counts through its
/// stats.
@Suite struct ImportEndToEndTests {
    /// A workshop with all four kinds of resource, SQL grants (the seed's way).
    static let workshop = """
        {
          "cluster":   { "name": "Small Spark 4.0",   "defaultLevel": "CAN_ATTACH_TO" },
          "warehouse": { "name": "Starter Warehouse", "defaultLevel": "CAN_USE" },
          "directory": { "path": "/Shared/workshop",  "defaultLevel": "CAN_READ" },
          "servingEndpoints": { "names": ["databricks-meta-llama-3-3-70b-instruct"], "defaultLevel": "CAN_QUERY" },
          "unityCatalog": { "grantsVia": "sql" }
        }
        """

    /// `count` rows: the first `teamB` in group `team-b` with higher levels, the rest in the default group.
    static func roster(count: Int, teamB: Int, domain: String = "example.org") -> String {
        var lines = ["Email Address,First Name,Last Name,Team,cluster,warehouse,directory_level,endpoint_level"]
        for index in 0..<count {
            if index < teamB {
                lines.append("Member\(index)@\(domain),Ada,Lovelace \(index),team-b,can restart,CAN_MONITOR,CAN_RUN,CAN_MANAGE")
            } else {
                lines.append("member\(index)@\(domain),\"Hopper, Grace\",\(index),,,,,")
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    struct Run {
        var result: RollcallProcess.Result
        var results: String
        var resultsName: String
    }

    /// Runs `rollcall import` on `roster` and returns the process result and the results CSV text.
    static func runImport(
        _ fixture: SandboxFixture, in directory: TemporaryDirectory, roster: String, workshop: String = workshop,
        extra: [String] = [], environment: [String: String] = [:]
    ) throws -> Run {
        let rosterPath = try directory.write("roster.csv", roster)
        let workshopPath = try directory.write("workshop.json", workshop)
        let resultsName = "results-\(UUID().uuidString.prefix(6)).csv"
        let resultsPath = directory.url.appendingPathComponent(resultsName).path
        let result = try RollcallProcess.run(
            ["import", rosterPath, "--workshop", workshopPath, "--results", resultsPath] + extra,
            environment: fixture.environment(home: directory.url, extra: environment), currentDirectory: directory.url,
            timeout: 240)
        let results = (try? String(contentsOfFile: resultsPath, encoding: .utf8)) ?? ""
        #expect(!result.stdout.contains(fixture.token) && !result.stderr.contains(fixture.token) && !results.contains(fixture.token))
        return Run(result: result, results: results, resultsName: resultsName)
    }

    /// Results CSV rows (header dropped), RFC 4180 quoting undone.
    static func rows(_ csv: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var iterator = Array(csv.unicodeScalars.drop { $0 == "\u{FEFF}" }).makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(cell)
                cell = ""
            } else if scalar == "\r" {
                continue
            } else if scalar == "\n" {
                record.append(cell)
                records.append(record)
                record = []
                cell = ""
            } else {
                cell.unicodeScalars.append(scalar)
            }
        }
        return Array(records.dropFirst())
    }

    @Test func freshImportGrantsEverythingWithMinimalRequestsAndReRunChangesNothing() async throws {
        let fixture = try SandboxFixture { $0.accountGroups = ["team-b"] }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }

        let first = try Self.runImport(fixture, in: directory, roster: Self.roster(count: 150, teamB: 50))
        #expect(first.result.exitCode == 0, "\(first.result.stderr)")
        // Counted before the checks below add their own reads.
        let stats = fixture.sandbox.stats()

        // Every user exists, lower-cased, and is a member of its group.
        let users = try await fixture.users()
        let emails = (0..<150).map { "member\($0)@example.org" }
        #expect(emails.allSatisfy { users[$0] != nil })
        let defaultGroup = try #require(try await fixture.group("workshop-users"))
        let teamB = try #require(try await fixture.group("team-b"))
        #expect(defaultGroup.members == Set(emails[50...].compactMap { users[$0] }))
        #expect(teamB.members == Set(emails[..<50].compactMap { users[$0] }))
        for group in [defaultGroup, teamB] {
            #expect(group.entitlements.isSuperset(of: ["workspace-access", "databricks-sql-access"]))
        }
        // The built-in group is locked down.
        let usersGroup = try #require(try await fixture.group("users"))
        #expect(usersGroup.entitlements.isDisjoint(with: ["allow-cluster-create", "allow-instance-pool-create"]))
        // ACLs at each group's level on all four resources.
        #expect(try await fixture.groupLevels("clusters", SeedState.clusterID) == [
            "workshop-users": "CAN_ATTACH_TO", "team-b": "CAN_RESTART",
        ])
        #expect(try await fixture.groupLevels("warehouses", SeedState.warehouseID) == [
            "workshop-users": "CAN_USE", "team-b": "CAN_MONITOR",
        ])
        #expect(try await fixture.groupLevels("directories", String(SeedState.directoryObjectID)) == [
            "workshop-users": "CAN_READ", "team-b": "CAN_RUN",
        ])
        #expect(try await fixture.groupLevels("serving-endpoints", SeedState.servingEndpointID) == [
            "workshop-users": "CAN_QUERY", "team-b": "CAN_MANAGE",
        ])
        // Unity Catalog grants for both groups.
        let catalog = try await fixture.grants("catalog", SeedState.catalogName)
        let connection = try await fixture.grants("connection", SeedState.connectionName)
        for group in ["workshop-users", "team-b"] {
            #expect(catalog[group] == ["USE_CATALOG", "USE_SCHEMA", "SELECT", "READ_VOLUME", "BROWSE"])
            #expect(connection[group] == ["USE_CONNECTION"])
        }

        // Requests: one POST per user, one PATCH per group chunk (+ entitlements, lockdown), one
        // PATCH per resource, one GRANT per group and securable, a handful of reads.
        #expect(stats.count("POST /api/2.0/preview/scim/v2/Users") == 150)
        #expect(stats.count("POST /api/2.0/preview/scim/v2/Groups") == 0)
        #expect(stats.count("PATCH /api/2.0/preview/scim/v2/Groups/{id}") == 5)
        for type in ["clusters", "warehouses", "directories", "serving-endpoints"] {
            #expect(stats.count("PATCH /api/2.0/permissions/\(type)/{id}") == 1, "\(type)")
        }
        #expect(stats.count("POST /api/2.0/sql/statements") == 2 + 4)
        #expect(stats.reads <= 13, "\(stats.byRoute)")
        #expect(stats.throttled == 0 && stats.faults == 0)

        // The results CSV: one ok row per roster row, in roster order, starting at line 2.
        let rows = Self.rows(first.results)
        #expect(rows.count == 150)
        #expect(rows.map(\.[0]) == (2...151).map(String.init))
        #expect(rows.allSatisfy { $0[5] == "created" && $0[6] == "added" && $0[12] == "ok" })
        #expect(rows[0][7...11] == ["granted", "granted", "granted", "granted", "granted"])

        // A second run: nothing to change, every row unchanged.
        fixture.sandbox.resetStats()
        #expect(stats.mutations > 0)
        let second = try Self.runImport(fixture, in: directory, roster: Self.roster(count: 150, teamB: 50))
        #expect(second.result.exitCode == 0, "\(second.result.stderr)")
        let again = fixture.sandbox.stats()
        #expect(again.mutations == 0)
        // The only non-GETs are the two SHOW GRANTS statements the SQL path reads grants with.
        #expect(again.writes == 2 && again.count("POST /api/2.0/sql/statements") == 2)
        #expect(again.reads <= 150 / 50 + 2 + 4 + 5, "\(again.byRoute)")
        let secondRows = Self.rows(second.results)
        #expect(secondRows.allSatisfy {
            $0[5] == "existing" && $0[6] == "already" && $0[7...11].allSatisfy { $0 == "unchanged" } && $0[12] == "ok"
        })
    }

    @Test func dryRunPrintsThePlanAndWritesNothing() async throws {
        let fixture = try SandboxFixture()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runImport(fixture, in: directory, roster: Self.roster(count: 20, teamB: 5), extra: ["--dry-run"])
        #expect(run.result.exitCode == 0, "\(run.result.stderr)")
        #expect(run.result.stdout.contains("create 20 user(s)"))
        #expect(run.result.stdout.contains("create group 'team-b'"))
        // team-b would be workspace-local: the plan warns before anything runs.
        #expect(run.result.stdout.contains("Unity Catalog only grants to account groups"))
        let stats = fixture.sandbox.stats()
        #expect(stats.mutations == 0)
        #expect(stats.byRoute.keys.allSatisfy { $0.hasPrefix("GET ") || $0 == "POST /api/2.0/sql/statements" })
        #expect(run.results.isEmpty)
    }

    @Test func aHigherLevelIsNeverDowngraded() async throws {
        let fixture = try SandboxFixture()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try await fixture.send(
            "PATCH", "api/2.0/permissions/clusters/\(SeedState.clusterID)",
            body: ["access_control_list": [["group_name": "workshop-users", "permission_level": "CAN_MANAGE"]]])
        fixture.sandbox.resetStats()
        let run = try Self.runImport(fixture, in: directory, roster: Self.roster(count: 5, teamB: 0))
        #expect(run.result.exitCode == 0, "\(run.result.stderr)")
        #expect(try await fixture.groupLevels("clusters", SeedState.clusterID)["workshop-users"] == "CAN_MANAGE")
        #expect(try await fixture.groupLevels("warehouses", SeedState.warehouseID)["workshop-users"] == "CAN_USE")
        #expect(fixture.sandbox.stats().count("PATCH /api/2.0/permissions/clusters/{id}") == 0)
        #expect(Self.rows(run.results).allSatisfy { $0[7] == "unchanged" && $0[8] == "granted" })
    }

    @Test func rowsTheWorkspaceRejectsFailAloneWithTheAPIsMessage() async throws {
        // team-b is created as a workspace-local group: Unity Catalog refuses grants to it.
        let fixture = try SandboxFixture()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runImport(fixture, in: directory, roster: Self.roster(count: 12, teamB: 3))
        #expect(run.result.exitCode == 1)
        let rows = Self.rows(run.results)
        #expect(rows.count == 12)
        for row in rows[..<3] {
            #expect(row[12] == "failed" && row[11] == "failed" && row[5] == "created" && row[6] == "added")
            #expect(row.joined(separator: ",").contains("Could not find principal with name team-b"))
            #expect(row.joined(separator: ",").contains("create 'team-b' as an account group"))
        }
        #expect(rows[3...].allSatisfy { $0[12] == "ok" && $0[11] == "granted" })
        #expect(run.result.stdout.contains("9 ok, 3 failed of 12"))
    }

    @Test func rateLimitsUnavailabilityAndDroppedConnectionsEndWithEveryRowOkAndNoDuplicate() async throws {
        let fixture = try SandboxFixture {
            $0.accountGroups = ["team-b"]
            $0.rateLimits = .realistic
            $0.errorRate = 0.1
            $0.dropRate = 0.05
            $0.seed = 7
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runImport(fixture, in: directory, roster: Self.roster(count: 40, teamB: 10))
        #expect(run.result.exitCode == 0, "\(run.result.stderr)\n\(run.results)")
        let stats = fixture.sandbox.stats()
        #expect(stats.faults > 0)
        let state = try await fixture.get("sandbox/state")
        let userNames = (state["users"] as? [[String: Any]] ?? []).compactMap { $0["userName"] as? String }
        #expect(userNames.count == 41 && Set(userNames).count == 41)
        #expect(try await fixture.group("team-b")?.members.count == 10)
        #expect(Self.rows(run.results).allSatisfy { $0[12] == "ok" })
    }

    @Test func statementsStillRunningAfterTheWaitArePolledToCompletion() async throws {
        let fixture = try SandboxFixture { $0.statementMilliseconds = 1200 }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runImport(
            fixture, in: directory, roster: Self.roster(count: 3, teamB: 0),
            environment: ["ROLLCALL_SQL_WAIT_TIMEOUT": "0"])
        #expect(run.result.exitCode == 0, "\(run.result.stderr)")
        #expect(fixture.sandbox.stats().count("GET /api/2.0/sql/statements/{statement_id}") > 0, "\(fixture.sandbox.stats().byRoute)")
        #expect(try await fixture.grants("connection", SeedState.connectionName)["workshop-users"] == ["USE_CONNECTION"])
    }

    @Test func theResultsCSVIsExcelSafe() async throws {
        let fixture = try SandboxFixture()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let roster = "email,name\r\na@example.org,=HYPERLINK(\"http://x\")\r\nb@example.org,+1 555\r\nc@example.org,\"Doe, Jane\"\r\nd@example.org,@SUM(A1)\r\n"
        let run = try Self.runImport(fixture, in: directory, roster: roster)
        #expect(run.result.exitCode == 0, "\(run.result.stderr)")
        let bytes = try Data(contentsOf: directory.url.appendingPathComponent(run.resultsName))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(run.results.hasSuffix("\r\n"))
        #expect(run.results.contains("line,email,name,group,user_id,user,membership,cluster,warehouse,directory,endpoints,grants,status,error\r\n"))
        #expect(run.results.contains(",a@example.org,\"'=HYPERLINK(\"\"http://x\"\")\",workshop-users,"))
        #expect(run.results.contains(",b@example.org,'+1 555,"))
        #expect(run.results.contains(",c@example.org,\"Doe, Jane\","))
        #expect(run.results.contains(",d@example.org,'@SUM(A1),"))
        #expect(!run.results.contains("\n\n") && run.results.components(separatedBy: "\r\n").count == 6)
    }

    @Test func aWrongTokenExitsThreeWithoutShowingIt() async throws {
        let fixture = try SandboxFixture()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let wrong = "dapi-not-the-right-one-0123456789"
        let run = try Self.runImport(
            fixture, in: directory, roster: Self.roster(count: 2, teamB: 0), environment: ["DATABRICKS_TOKEN": wrong])
        #expect(run.result.exitCode == 3)
        #expect(run.result.stderr.contains(fixture.url.host ?? "127.0.0.1"))
        #expect(!run.result.stderr.contains(wrong) && !run.result.stdout.contains(wrong))
        #expect(fixture.sandbox.stats().mutations == 0)
    }

    @Test func aMissingResourceFailsTheRowsThatNeedItAndTheRestOfTheRunGoesOn() async throws {
        let fixture = try SandboxFixture()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workshop = """
            { "cluster": { "name": "No Such Cluster", "defaultLevel": "CAN_ATTACH_TO" } }
            """
        let run = try Self.runImport(
            fixture, in: directory, roster: Self.roster(count: 4, teamB: 0), workshop: workshop, extra: ["--json"])
        #expect(run.result.exitCode == 1)
        #expect(run.result.stderr.contains("cluster 'No Such Cluster' was not found in the workspace"))
        let rows = Self.rows(run.results)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy {
            $0[5] == "created" && $0[6] == "added" && $0[7] == "failed" && $0[8] == "granted" && $0[12] == "failed"
                && $0[13].contains("No Such Cluster")
        })
        // --json: the summary as one JSON object on stdout.
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(run.result.stdout.utf8)) as? [String: Any])
        #expect(summary["rows"] as? Int == 4)
        #expect(summary["rows_failed"] as? Int == 4)
        #expect(summary["users_created"] as? Int == 4)
        #expect(summary["throttled"] as? Int == 0)
        #expect((summary["results"] as? String)?.hasSuffix(run.resultsName) == true)
    }

    @Test func progressGoesToStderrAsPlainLinesWhenNotOnATerminal() async throws {
        let fixture = try SandboxFixture()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try Self.runImport(fixture, in: directory, roster: Self.roster(count: 6, teamB: 0))
        #expect(run.result.exitCode == 0)
        #expect(run.result.stderrLines.contains { $0.hasPrefix("done ") && $0.contains("retries 0") })
        #expect(!run.result.stderr.contains("\u{1B}["))
        #expect(run.result.stdout.contains("rows         6 ok, 0 failed of 6"))
        let quiet = try Self.runImport(fixture, in: directory, roster: Self.roster(count: 6, teamB: 0), extra: ["--quiet"])
        #expect(quiet.result.exitCode == 0)
        #expect(quiet.result.stderr.isEmpty)
    }
}

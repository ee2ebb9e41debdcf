import Testing
import WorkspaceSandbox

@testable import RollcallCLI

/// Builds expected option values in one expression for the tables.
func with<Value>(_ value: Value, _ change: (inout Value) -> Void) -> Value {
    var copy = value
    change(&copy)
    return copy
}

struct CommandLineParserTests {
    static let parsed: [([String], Command)] = [
        ([], .help(command: nil)),
        (["--help"], .help(command: nil)),
        (["help", "import"], .help(command: "import")),
        (["--version"], .version),
        (["validate", "r.csv"], .validate(ValidateOptions(roster: "r.csv"))),
        (
            ["validate", "--json", "r.csv", "--workshop=w.json", "--delimiter", ";"],
            .validate(
                with(ValidateOptions(roster: "r.csv")) {
                    $0.json = true
                    $0.workshop = "w.json"
                    $0.delimiter = 0x3B
                })
        ),
        (
            ["validate", "r.csv", "--delimiter=tab"],
            .validate(with(ValidateOptions(roster: "r.csv")) { $0.delimiter = 9 })
        ),
        (["validate", "--", "--odd-name.csv"], .validate(ValidateOptions(roster: "--odd-name.csv"))),
        (["validate", "r.csv", "--help"], .help(command: "validate")),
        (
            [
                "import", "r.csv", "--workshop", "w.json", "--results", "out.csv", "--dry-run", "--concurrency", "4",
                "--rate-limit=12.5", "--retry-failed", "prev.csv", "--profile", "lab", "--host",
                "https://x.cloud.databricks.com",
                "--account-id", "acc", "--workspace-id", "42", "--quiet", "--json", "--delimiter", ",",
            ],
            .importRoster(
                with(ImportOptions(roster: "r.csv")) {
                    $0.workshop = "w.json"
                    $0.results = "out.csv"
                    $0.dryRun = true
                    $0.concurrency = 4
                    $0.rateLimit = 12.5
                    $0.retryFailed = "prev.csv"
                    $0.verbosity = .quiet
                    $0.json = true
                    $0.delimiter = 0x2C
                    $0.connection = ConnectionOptions(
                        profile: "lab", host: "https://x.cloud.databricks.com", accountID: "acc", workspaceID: 42)
                })
        ),
        (["import", "r.csv"], .importRoster(with(ImportOptions(roster: "r.csv")) { $0.concurrency = 16 })),
        (
            ["import", "--verbose", "r.csv"],
            .importRoster(with(ImportOptions(roster: "r.csv")) { $0.verbosity = .verbose })
        ),
        (
            [
                "offboard", "r.csv", "--delete-groups", "--include-admins", "--dry-run", "--concurrency=2", "--profile",
                "p",
            ],
            .offboard(
                with(OffboardOptions(roster: "r.csv")) {
                    $0.deleteGroups = true
                    $0.includeAdmins = true
                    $0.dryRun = true
                    $0.concurrency = 2
                    $0.connection.profile = "p"
                })
        ),
        (["auth", "check"], .authCheck(AuthCheckOptions())),
        (["auth", "check", "--profile=lab"], .authCheck(with(AuthCheckOptions()) { $0.connection.profile = "lab" })),
        (["auth", "--help"], .help(command: "auth check")),
        (["demo"], .demo),
        (["template", "roster"], .template(.roster)),
        (["template", "Workshop"], .template(.workshop)),
        (["sandbox"], .sandbox(SandboxConfiguration())),
        (
            [
                "sandbox", "--port", "8080", "--token", "t", "--account-id", "a", "--workspace-id", "7", "--client-id",
                "c",
                "--client-secret", "s", "--oauth-ttl-s", "60", "--latency-ms", "5", "--rate-limits", "realistic",
                "--error-rate", "0.1", "--drop-rate=0.01", "--stale-reads-ms", "200", "--seed", "9", "--statement-ms",
                "10",
                "--state", "s.json",
            ],
            .sandbox(
                with(SandboxConfiguration()) {
                    $0.port = 8080
                    $0.token = "t"
                    $0.accountID = "a"
                    $0.workspaceID = 7
                    $0.clientID = "c"
                    $0.clientSecret = "s"
                    $0.oauthTTLSeconds = 60
                    $0.latencyMilliseconds = 5
                    $0.rateLimits = .realistic
                    $0.errorRate = 0.1
                    $0.dropRate = 0.01
                    $0.staleReadsMilliseconds = 200
                    $0.seed = 9
                    $0.statementMilliseconds = 10
                    $0.stateFile = "s.json"
                })
        ),
    ]

    @Test(arguments: parsed)
    func parses(arguments: [String], expected: Command) throws {
        #expect(try CommandLineParser.parse(arguments) == expected)
    }

    static let rejected: [([String], String, String?)] = [
        (["validate"], "missing ROSTER", "validate"),
        (["validate", "a.csv", "b.csv"], "unexpected argument 'b.csv'", "validate"),
        (
            ["import", "r.csv", "--dryrun"],
            "unknown option '--dryrun' for 'rollcall import'; did you mean '--dry-run'?", "import"
        ),
        (["validate", "r.csv", "--jsn"], "did you mean '--json'?", "validate"),
        (["import", "r.csv", "--concurrency"], "--concurrency needs a value", "import"),
        (["import", "r.csv", "--concurrency", "--dry-run"], "--concurrency needs a value", "import"),
        (
            ["import", "r.csv", "--concurrency", "0"], "--concurrency expects a whole number from 1 to 256, got '0'",
            "import"
        ),
        (["import", "r.csv", "--rate-limit", "fast"], "--rate-limit expects a positive number", "import"),
        (["import", "r.csv", "--quiet", "--verbose"], "--quiet and --verbose cannot be combined", "import"),
        (["import", "r.csv", "--dry-run=yes"], "--dry-run takes no value", "import"),
        (["validate", "r.csv", "--delimiter", "ab"], "--delimiter expects one character", "validate"),
        (["sandbox", "--rate-limits", "realstic"], "did you mean 'realistic'?", "sandbox"),
        (["sandbox", "--error-rate", "2"], "--error-rate expects a share from 0 to 1", "sandbox"),
        (["sandbox", "--port", "70000"], "--port expects a whole number from 0 to 65535", "sandbox"),
        (
            ["template", "rooster"], "template expects one of roster, workshop, got 'rooster'; did you mean 'roster'?",
            "template"
        ),
        (["template"], "missing roster|workshop", "template"),
        (["imprt", "r.csv"], "unknown command 'imprt'; did you mean 'import'?", nil),
        (["--verison"], "unknown option '--verison'; did you mean '--version'?", nil),
        (["auth"], "needs a subcommand: check", "auth check"),
        (["auth", "login"], "unknown subcommand 'auth login'", "auth check"),
        (["demo", "extra"], "unexpected argument 'extra'", "demo"),
    ]

    @Test(arguments: rejected)
    func rejects(arguments: [String], message: String, command: String?) {
        #expect {
            try CommandLineParser.parse(arguments)
        } throws: { error in
            guard let usage = error as? UsageError else { return false }
            return usage.message.contains(message) && usage.command == command
        }
    }

    @Test(arguments: ["import", "validate", "offboard", "sandbox", "demo", "auth check", "template"])
    func everyCommandHasHelpListingItsOptions(command: String) {
        let help = CommandLineParser.help(for: command)
        #expect(help.contains("USAGE: rollcall \(command)"))
        #expect(help.contains("--help"))
        #expect(CommandLineParser.help(for: nil).contains("  \(command) "))
    }

    @Test func importHelpListsEveryFlag() {
        let help = CommandLineParser.help(for: "import")
        for flag in [
            "--workshop FILE", "--results FILE", "--dry-run", "--concurrency N", "--rate-limit RPS",
            "--retry-failed RESULTS",
            "--profile NAME", "--host URL", "--account-id ID", "--workspace-id N", "--quiet", "--verbose", "--json",
            "--delimiter C",
        ] {
            #expect(help.contains(flag), "\(flag)")
        }
    }
}

struct RunnerTests {
    @Test func usageErrorPrintsErrorAndHintAndExits2() async {
        let (console, recorder) = Console.recording()
        let code = await RollcallMain.run(["validate"], console: console)
        #expect(code == 2)
        #expect(recorder.stderr.hasPrefix("Error: missing ROSTER"))
        #expect(recorder.stderr.contains("Run 'rollcall validate --help' for usage."))
        #expect(recorder.stdout.isEmpty)
    }

    @Test(arguments: [["import"], ["offboard"]])
    func rosterCommandsWithAMissingRosterExit2BeforeAnyRequest(arguments: [String]) async {
        let (console, recorder) = Console.recording()
        #expect(await RollcallMain.run(arguments + ["no-such-roster.csv"], console: console) == 2)
        #expect(recorder.stderr.hasPrefix("no-such-roster.csv: error: cannot read 'no-such-roster.csv'"))
    }

    @Test func versionAndHelpGoToStdout() async {
        let (console, recorder) = Console.recording()
        #expect(await RollcallMain.run(["--version"], console: console) == 0)
        #expect(await RollcallMain.run(["validate", "--help"], console: console) == 0)
        #expect(recorder.stdout.hasPrefix("rollcall \(RollcallVersion.current)\n"))
        #expect(recorder.stdout.contains("USAGE: rollcall validate ROSTER [options]"))
        #expect(recorder.stderr.isEmpty)
    }

    @Test func jsonEscapesWhatJSONRequires() {
        #expect(JSONText.quoted("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }
}

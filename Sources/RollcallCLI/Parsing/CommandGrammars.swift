import RollcallKit
import WorkspaceSandbox

/// Options shared by the commands that read a roster or talk to a workspace, defined once.
enum SharedOptions {
    static func workshop<O>(_ keyPath: any WritableKeyPath<O, String?> & Sendable) -> OptionSpec<O> {
        OptionSpec("--workshop", "FILE", "Workshop config (JSON); defaults apply without it.") {
            options, value throws(UsageError) in
            options[keyPath: keyPath] = try ValueParser.nonEmpty(value, option: "--workshop")
        }
    }

    static func delimiter<O>(_ keyPath: any WritableKeyPath<O, UInt8?> & Sendable) -> OptionSpec<O> {
        OptionSpec("--delimiter", "C", "CSV delimiter (',' ';' 'tab'); sniffed from the header by default.") {
            options, value throws(UsageError) in options[keyPath: keyPath] = try ValueParser.delimiter(value)
        }
    }

    static func json<O>(_ keyPath: any WritableKeyPath<O, Bool> & Sendable) -> OptionSpec<O> {
        OptionSpec("--json", "Print a machine-readable report on stdout.") { $0[keyPath: keyPath] = true }
    }

    static func concurrency<O>(_ keyPath: any WritableKeyPath<O, Int> & Sendable, default value: Int = 16)
        -> OptionSpec<O>
    {
        OptionSpec("--concurrency", "N", "Requests in flight at once (default \(value)).") {
            options, value throws(UsageError) in
            options[keyPath: keyPath] = try ValueParser.integer(value, option: "--concurrency", in: 1...256)
        }
    }

    static func results<O>(_ keyPath: any WritableKeyPath<O, String?> & Sendable) -> OptionSpec<O> {
        OptionSpec("--results", "FILE", "Where to write the results CSV.") { options, value throws(UsageError) in
            options[keyPath: keyPath] = try ValueParser.nonEmpty(value, option: "--results")
        }
    }

    static func dryRun<O>(_ keyPath: any WritableKeyPath<O, Bool> & Sendable) -> OptionSpec<O> {
        OptionSpec("--dry-run", "Print the plan and change nothing.") { $0[keyPath: keyPath] = true }
    }

    /// `--quiet` and `--verbose` contradict each other, so giving both is an error, not "last wins".
    static func verbosity<O>(_ keyPath: any WritableKeyPath<O, Verbosity> & Sendable) -> [OptionSpec<O>] {
        [
            OptionSpec(
                "--quiet", "Print only errors and the final summary.",
                checked: { (options: inout O) throws(UsageError) in
                    guard options[keyPath: keyPath] != .verbose else { throw conflict }
                    options[keyPath: keyPath] = .quiet
                }),
            OptionSpec(
                "--verbose", "Print every request's outcome.",
                checked: { (options: inout O) throws(UsageError) in
                    guard options[keyPath: keyPath] != .quiet else { throw conflict }
                    options[keyPath: keyPath] = .verbose
                }),
        ]
    }

    private static let conflict = UsageError("--quiet and --verbose cannot be combined; pick one")

    static func connection<O>(_ keyPath: any WritableKeyPath<O, ConnectionOptions> & Sendable, account: Bool)
        -> [OptionSpec<O>]
    {
        var specs = [
            OptionSpec<O>("--profile", "NAME", "Profile in ~/.databrickscfg.") { options, value throws(UsageError) in
                options[keyPath: keyPath].profile = try ValueParser.nonEmpty(value, option: "--profile")
            },
            OptionSpec<O>("--host", "URL", "Workspace URL (overrides DATABRICKS_HOST and the profile).") {
                options, value throws(UsageError) in
                options[keyPath: keyPath].host = try ValueParser.nonEmpty(value, option: "--host")
            },
        ]
        if account {
            specs += [
                OptionSpec<O>("--account-id", "ID", "Databricks account ID, for account-level groups.") {
                    options, value throws(UsageError) in
                    options[keyPath: keyPath].accountID = try ValueParser.nonEmpty(value, option: "--account-id")
                },
                OptionSpec<O>("--workspace-id", "N", "Workspace ID, to assign account groups to it.") {
                    options, value throws(UsageError) in
                    options[keyPath: keyPath].workspaceID = try ValueParser.int64(value, option: "--workspace-id")
                },
            ]
        }
        return specs
    }

    static func roster<O>(_ keyPath: any WritableKeyPath<O, String> & Sendable)
        -> @Sendable (inout O, Int, String) throws(UsageError) -> Void
    {
        { options, _, value throws(UsageError) in
            options[keyPath: keyPath] = try ValueParser.nonEmpty(value, option: "ROSTER")
        }
    }
}

enum ImportGrammar {
    static let spec = CommandSpec<ImportOptions>(
        name: "import",
        summary: "Create users and groups and grant access for every roster row.",
        positionals: ["ROSTER"],
        options: [
            SharedOptions.workshop(\.workshop), SharedOptions.results(\.results), SharedOptions.dryRun(\.dryRun),
            SharedOptions.concurrency(\.concurrency, default: ImportOptions.defaultConcurrency),
            OptionSpec("--rate-limit", "RPS", "Cap requests per second across all workers.") {
                options, value throws(UsageError) in
                options.rateLimit = try ValueParser.positive(value, option: "--rate-limit")
            },
            OptionSpec("--retry-failed", "RESULTS", "Re-run only the failed rows of a previous results CSV.") {
                options, value throws(UsageError) in
                options.retryFailed = try ValueParser.nonEmpty(value, option: "--retry-failed")
            },
        ] + SharedOptions.connection(\.connection, account: true) + SharedOptions.verbosity(\.verbosity) + [
            SharedOptions.json(\.json), SharedOptions.delimiter(\.delimiter),
        ],
        positional: SharedOptions.roster(\.roster))
}

enum ValidateGrammar {
    static let spec = CommandSpec<ValidateOptions>(
        name: "validate",
        summary: "Check a roster and workshop config offline; report every problem with its line.",
        positionals: ["ROSTER"],
        options: [
            SharedOptions.workshop(\.workshop), SharedOptions.delimiter(\.delimiter), SharedOptions.json(\.json),
        ],
        positional: SharedOptions.roster(\.roster))
}

enum OffboardGrammar {
    static let spec = CommandSpec<OffboardOptions>(
        name: "offboard",
        summary: "Remove the roster's users from their groups and delete them.",
        positionals: ["ROSTER"],
        options: [
            SharedOptions.workshop(\.workshop), SharedOptions.results(\.results), SharedOptions.dryRun(\.dryRun),
            OptionSpec("--delete-groups", "Also revoke the groups' access and delete the groups.") {
                $0.deleteGroups = true
            },
            OptionSpec("--include-admins", "Also remove roster users who are workspace admins.") {
                $0.includeAdmins = true
            },
            SharedOptions.concurrency(\.concurrency),
        ] + SharedOptions.connection(\.connection, account: true) + SharedOptions.verbosity(\.verbosity) + [
            SharedOptions.json(\.json), SharedOptions.delimiter(\.delimiter),
        ],
        positional: SharedOptions.roster(\.roster))
}

enum AuthGrammar {
    static let spec = CommandSpec<AuthCheckOptions>(
        name: "auth check",
        summary: "Check that the credentials reach the workspace and say who they belong to.",
        positionals: [],
        options: SharedOptions.connection(\.connection, account: true),
        positional: { _, _, _ in })
}

enum DemoGrammar {
    static let spec = CommandSpec<Void>(
        name: "demo",
        summary: "Start a sandbox in-process and import templates/roster.csv into it.",
        positionals: [], options: [], positional: { _, _, _ in })
}

enum TemplateGrammar {
    static let spec = CommandSpec<TemplateKind>(
        name: "template",
        summary: "Print a template (roster or workshop) to stdout.",
        positionals: ["roster|workshop"], options: [],
        positional: { kind, _, value throws(UsageError) in
            kind = try ValueParser.oneOf(value, option: "template", as: TemplateKind.self)
        })
}

enum SandboxGrammar {
    typealias Spec = OptionSpec<SandboxConfiguration>

    static let spec = CommandSpec<SandboxConfiguration>(
        name: "sandbox",
        summary: "Run a local Databricks-compatible API server in the foreground.",
        positionals: [],
        options: [
            Spec("--port", "N", "Port on 127.0.0.1 (0 picks a free one).") { config, value throws(UsageError) in
                config.port = try ValueParser.integer(value, option: "--port", in: 0...65535)
            },
            Spec("--token", "T", "Personal access token the sandbox accepts.") { config, value throws(UsageError) in
                config.token = try ValueParser.nonEmpty(value, option: "--token")
            },
            Spec("--account-id", "ID", "Account ID the sandbox reports.") { config, value throws(UsageError) in
                config.accountID = try ValueParser.nonEmpty(value, option: "--account-id")
            },
            Spec("--workspace-id", "N", "Workspace ID the sandbox reports.") { config, value throws(UsageError) in
                config.workspaceID = try ValueParser.int64(value, option: "--workspace-id")
            },
            Spec("--client-id", "ID", "OAuth M2M client ID of a service principal.") {
                config, value throws(UsageError) in
                config.clientID = try ValueParser.nonEmpty(value, option: "--client-id")
            },
            Spec("--client-secret", "S", "OAuth M2M client secret.") { config, value throws(UsageError) in
                config.clientSecret = try ValueParser.nonEmpty(value, option: "--client-secret")
            },
            Spec("--member-token", "T", "Token of a seeded non-admin user (403 on admin-only SCIM).") {
                config, value throws(UsageError) in
                config.memberToken = try ValueParser.nonEmpty(value, option: "--member-token")
            },
            Spec("--oauth-ttl-s", "N", "Lifetime of issued OAuth tokens in seconds.") {
                config, value throws(UsageError) in
                config.oauthTTLSeconds = try ValueParser.integer(value, option: "--oauth-ttl-s", in: 1...86_400)
            },
            Spec("--latency-ms", "N", "Delay added to every API request.") { config, value throws(UsageError) in
                config.latencyMilliseconds = try ValueParser.integer(value, option: "--latency-ms", in: 0...60_000)
            },
            Spec("--rate-limits", "off|realistic", "Databricks' per-API rate limits, or none.") {
                config, value throws(UsageError) in
                config.rateLimits = try ValueParser.oneOf(
                    value, option: "--rate-limits", as: SandboxConfiguration.RateLimitMode.self)
            },
            Spec("--error-rate", "P", "Share of requests answered 503 (0 to 1).") { config, value throws(UsageError) in
                config.errorRate = try ValueParser.probability(value, option: "--error-rate")
            },
            Spec("--drop-rate", "P", "Share of connections dropped without an answer (0 to 1).") {
                config, value throws(UsageError) in
                config.dropRate = try ValueParser.probability(value, option: "--drop-rate")
            },
            Spec("--stale-reads-ms", "N", "Reads may lag writes by this long.") { config, value throws(UsageError) in
                config.staleReadsMilliseconds = try ValueParser.integer(
                    value, option: "--stale-reads-ms", in: 0...600_000)
            },
            Spec("--seed", "N", "Seed of the random faults.") { config, value throws(UsageError) in
                config.seed = try ValueParser.uint64(value, option: "--seed")
            },
            Spec("--statement-ms", "N", "How long a SQL statement runs.") { config, value throws(UsageError) in
                config.statementMilliseconds = try ValueParser.integer(value, option: "--statement-ms", in: 0...600_000)
            },
            Spec("--account-groups", "NAMES", "Comma-separated account groups assigned to the workspace at start.") {
                config, value throws(UsageError) in
                config.accountGroups = try ValueParser.nonEmpty(value, option: "--account-groups")
                    .split(separator: ",").map { String($0) }
            },
            Spec("--state", "FILE", "Load state from FILE at start and save it on stop.") {
                config, value throws(UsageError) in
                config.stateFile = try ValueParser.nonEmpty(value, option: "--state")
            },
        ],
        positional: { _, _, _ in })
}

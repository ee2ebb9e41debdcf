import RollcallKit
import WorkspaceSandbox

/// The pure function from arguments to a ``Command``: no I/O, so every case is table-tested.
public enum CommandLineParser {
    /// The command words, in the order help lists them.
    static let commands: [(name: String, summary: String)] = [
        ("import", ImportGrammar.spec.summary),
        ("validate", ValidateGrammar.spec.summary),
        ("offboard", OffboardGrammar.spec.summary),
        ("sandbox", SandboxGrammar.spec.summary),
        ("demo", DemoGrammar.spec.summary),
        ("auth check", AuthGrammar.spec.summary),
        ("template", TemplateGrammar.spec.summary),
    ]

    /// Parses the arguments after the program name.
    /// - Throws: ``UsageError`` for anything that cannot run; the caller prints it and exits 2.
    public static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        guard let first = arguments.first else { return .help(command: nil) }
        let rest = arguments.dropFirst()
        switch first {
        case "--help", "-h", "help":
            return .help(command: rest.first.map { $0 == "auth" ? "auth check" : $0 }.flatMap(knownCommand))
        case "--version", "-V", "version":
            return .version
        case "import":
            return try ImportGrammar.spec.parse(rest, into: ImportOptions(roster: "")).map(Command.importRoster)
                ?? .help(command: first)
        case "validate":
            return try ValidateGrammar.spec.parse(rest, into: ValidateOptions(roster: "")).map(Command.validate)
                ?? .help(command: first)
        case "offboard":
            return try OffboardGrammar.spec.parse(rest, into: OffboardOptions(roster: "")).map(Command.offboard)
                ?? .help(command: first)
        case "sandbox":
            return try SandboxGrammar.spec.parse(rest, into: SandboxConfiguration()).map(Command.sandbox)
                ?? .help(command: first)
        case "demo":
            return try DemoGrammar.spec.parse(rest, into: ()).map { .demo } ?? .help(command: first)
        case "template":
            return try TemplateGrammar.spec.parse(rest, into: .roster).map(Command.template) ?? .help(command: first)
        case "auth":
            guard let sub = rest.first, !sub.hasPrefix("-") else {
                if rest.first == "--help" || rest.first == "-h" { return .help(command: "auth check") }
                throw UsageError("'rollcall auth' needs a subcommand: check", command: "auth check")
            }
            guard sub == "check" else {
                throw UsageError("unknown subcommand 'auth \(sub)'; did you mean 'auth check'?", command: "auth check")
            }
            return try AuthGrammar.spec.parse(rest.dropFirst(), into: AuthCheckOptions()).map(Command.authCheck)
                ?? .help(command: "auth check")
        default:
            if first.hasPrefix("-") {
                let hint = Suggestion.closest(to: first, among: ["--help", "--version"])
                throw UsageError("unknown option '\(first)'" + (hint.map { "; did you mean '\($0)'?" } ?? ""))
            }
            let names = commands.map(\.name) + ["auth"]
            let hint = Suggestion.closest(to: first, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw UsageError("unknown command '\(first)'\(hint)")
        }
    }

    private static func knownCommand(_ name: String) -> String? {
        commands.contains { $0.name == name } ? name : nil
    }

    /// The text `rollcall --help` or `rollcall COMMAND --help` prints.
    public static func help(for command: String?) -> String {
        switch command {
        case "import": return ImportGrammar.spec.help
        case "validate": return ValidateGrammar.spec.help
        case "offboard": return OffboardGrammar.spec.help
        case "sandbox": return SandboxGrammar.spec.help
        case "demo": return DemoGrammar.spec.help
        case "auth check": return AuthGrammar.spec.help
        case "template": return TemplateGrammar.spec.help
        default:
            let width = (commands.map(\.name.count).max() ?? 0) + 2
            let lines = commands.map {
                "  " + $0.name + String(repeating: " ", count: width - $0.name.count) + $0.summary
            }
            return """
                Rollcall onboards Databricks workshop participants from a CSV roster.

                USAGE: rollcall COMMAND [options]

                COMMANDS:
                \(lines.joined(separator: "\n"))

                  --help     Show help (also: rollcall COMMAND --help).
                  --version  Show the version.

                Exit codes: 0 ok, 1 some rows failed, 2 usage error or invalid roster/config,
                3 cannot authenticate or reach the workspace.

                """
        }
    }
}

/// The command line end to end: parse, run, map the outcome to an exit code.
/// `main.swift` calls ``run(_:console:)`` and exits with its result.
public enum RollcallMain {
    /// Runs one invocation. `arguments` exclude the program name.
    public static func run(_ arguments: [String], console: Console = .standard) async -> Int32 {
        let command: Command
        do {
            command = try CommandLineParser.parse(arguments)
        } catch {
            console.err("Error: \(error.message)\n\(error.helpHint)\n")
            return ExitStatus.invalidInput.rawValue
        }
        return await run(command, console: console).rawValue
    }

    /// Runs a parsed command. Each command's runner lives in `Commands/`.
    public static func run(_ command: Command, console: Console) async -> ExitStatus {
        switch command {
        case .help(let name):
            console.out(CommandLineParser.help(for: name))
            return .success
        case .version:
            console.out("rollcall \(RollcallVersion.current)\n")
            return .success
        case .validate(let options):
            return ValidateCommand.run(options, console: console)
        case .template(let kind):
            return TemplateCommand.run(kind, console: console)
        case .importRoster(let options):
            return await ImportCommand.run(options, console: console)
        case .offboard(let options):
            return await OffboardCommand.run(options, console: console)
        case .sandbox(let configuration):
            return await SandboxCommand.run(configuration, console: console)
        case .demo:
            return await DemoCommand.run(console: console)
        case .authCheck(let options):
            return await AuthCheckCommand.run(options, console: console)
        }
    }
}

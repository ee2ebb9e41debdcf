/// `rollcall auth check`: placeholder until its issue lands; replace the body of `run`.
enum AuthCheckCommand {
    static func run(_ options: AuthCheckOptions, console: Console) async -> ExitStatus {
        NotAvailable.report("auth check", console: console)
    }
}

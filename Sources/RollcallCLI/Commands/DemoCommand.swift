/// `rollcall demo`: placeholder until its issue lands; replace the body of `run`.
enum DemoCommand {
    static func run(console: Console) async -> ExitStatus {
        NotAvailable.report("demo", console: console)
    }
}

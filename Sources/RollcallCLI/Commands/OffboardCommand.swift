/// `rollcall offboard`: placeholder until its issue lands; replace the body of `run`.
enum OffboardCommand {
    static func run(_ options: OffboardOptions, console: Console) async -> ExitStatus {
        NotAvailable.report("offboard", console: console)
    }
}

/// `rollcall import`: placeholder until its issue lands; replace the body of `run`.
enum ImportCommand {
    static func run(_ options: ImportOptions, console: Console) async -> ExitStatus {
        NotAvailable.report("import", console: console)
    }
}

import WorkspaceSandbox

/// `rollcall sandbox`: placeholder until its issue lands; replace the body of `run`.
enum SandboxCommand {
    static func run(_ configuration: SandboxConfiguration, console: Console) async -> ExitStatus {
        NotAvailable.report("sandbox", console: console)
    }
}

import Foundation
import WorkspaceSandbox

/// `rollcall sandbox`: a local Databricks workspace in the foreground until Ctrl-C, printing what a
/// client needs (host and the sandbox's own token) in the `.env` form the client reads.
enum SandboxCommand {
    static func run(_ configuration: SandboxConfiguration, console: Console) async -> ExitStatus {
        let api = WorkspaceAPI(configuration: configuration)
        let sandbox = Sandbox(configuration: configuration, api: api)
        let url: URL
        do {
            url = try sandbox.start()
        } catch {
            console.err("rollcall sandbox: \(error)\n")
            return .unreachable
        }
        var lines = [
            "Sandbox workspace listening on \(url.absoluteString)",
            "DATABRICKS_HOST=\(url.absoluteString)",
            "DATABRICKS_TOKEN=\(configuration.token)",
        ]
        if let clientID = configuration.clientID {
            lines.append("DATABRICKS_CLIENT_ID=\(clientID)")
            lines.append("DATABRICKS_ACCOUNT_ID=\(configuration.accountID)")
        }
        lines.append("Counters: \(url.absoluteString)/sandbox/stats  State: \(url.absoluteString)/sandbox/state")
        lines.append("Press Ctrl-C to stop.")
        console.out(lines.joined(separator: "\n") + "\n")

        let stopped = AsyncStream<Int32>.makeStream()
        let watcher = SignalWatcher(onFirst: { stopped.continuation.yield($0) })
        for await _ in stopped.stream { break }
        watcher.cancel()
        sandbox.stop()
        if let path = configuration.stateFile {
            do {
                try api.save(to: path)
                console.err("state saved to \(path)\n")
            } catch {
                console.err("rollcall sandbox: cannot save state to \(path): \(error)\n")
                return .rowsFailed
            }
        }
        console.err("sandbox stopped\n")
        return .success
    }
}

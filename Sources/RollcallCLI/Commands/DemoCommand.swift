import Foundation
import RollcallKit
import WorkspaceSandbox

/// `rollcall demo`: the whole job on a fresh machine with nothing configured. Starts a sandbox
/// workspace in-process, imports the template roster into it, then imports again to show that a
/// second run has nothing left to change.
///
/// Rollcall authenticates as the sandbox's OAuth service principal with the sandbox's account id,
/// so a roster group the workspace lacks is created as an account group and assigned to the
/// workspace: Unity Catalog grants only reach account groups.
enum DemoCommand {
    static func run(console: Console) async -> ExitStatus {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rollcall-demo-\(ProcessInfo.processInfo.processIdentifier)")
        let rosterPath = directory.appendingPathComponent("roster.csv").path
        let workshopPath = directory.appendingPathComponent("workshop.json").path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(RollcallTemplates.roster.utf8).write(to: URL(fileURLWithPath: rosterPath))
            try Data(RollcallTemplates.workshop.utf8).write(to: URL(fileURLWithPath: workshopPath))
        } catch {
            console.err("rollcall demo: cannot write the demo files in \(directory.path): \(error.localizedDescription)\n")
            return .invalidInput
        }

        var configuration = SandboxConfiguration()
        configuration.clientID = "rollcall-demo-client"
        configuration.clientSecret = "demo-secret-\(UUID().uuidString)"
        let sandbox = Sandbox(configuration: configuration)
        let url: URL
        do {
            url = try sandbox.start()
        } catch {
            console.err("rollcall demo: cannot start the sandbox: \(error)\n")
            return .unreachable
        }
        defer { sandbox.stop() }
        console.out("""
            Sandbox workspace at \(url.absoluteString) (account \(configuration.accountID), OAuth M2M client \(configuration.clientID ?? ""))
            Roster: \(rosterPath)

            == First import
            """ + "\n")

        var options = ImportOptions(roster: rosterPath)
        options.workshop = workshopPath
        options.connection.host = url.absoluteString
        let environment = [
            "DATABRICKS_CLIENT_ID": configuration.clientID ?? "", "DATABRICKS_CLIENT_SECRET": configuration.clientSecret ?? "",
            "DATABRICKS_ACCOUNT_ID": configuration.accountID,
        ]
        options.results = directory.appendingPathComponent("results-first.csv").path
        let first = await ImportCommand.run(
            options, console: console, environment: environment, workingDirectory: directory.path)
        guard first == .success else { return first }
        let before = sandbox.stats()

        console.out("\n== Second import of the same roster\n")
        options.results = directory.appendingPathComponent("results-second.csv").path
        let second = await ImportCommand.run(
            options, console: console, environment: environment, workingDirectory: directory.path)
        let after = sandbox.stats()
        let changes = after.mutations - before.mutations
        console.out(
            "\nSecond import: \(changes) state-changing request\(changes == 1 ? "" : "s"), "
                + "\(after.total - before.total) requests in all, every one a read.\n")
        return second
    }
}

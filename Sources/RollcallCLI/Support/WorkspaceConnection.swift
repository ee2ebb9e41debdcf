import Foundation
import RollcallKit

/// Step 2 of every command that talks to a workspace: resolve credentials, build one client for the
/// run, and make one cheap request (`/Me`) so that a bad token, a wrong host or missing admin rights
/// stop the run with exit 3 before any roster row is touched.
struct WorkspaceConnection {
    var client: WorkspaceClient
    var identity: WorkspaceIdentity

    /// Prints the reason and returns nil (exit 3) when the workspace cannot be used.
    static func open(
        _ options: ConnectionOptions, concurrency: Int, rateLimit: Double?, console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) async -> WorkspaceConnection? {
        let credentials: WorkspaceCredentials
        do {
            credentials = try CredentialResolver.resolve(
                CredentialInputs(hostFlag: options.host, environment: environment, workingDirectory: workingDirectory))
        } catch {
            console.err("error: \(error)\n")
            return nil
        }
        var pacing = PacingConfiguration()
        pacing.globalRequestsPerSecond = rateLimit
        let client = WorkspaceClient.live(
            credentials: credentials,
            configuration: WorkspaceClientConfiguration(version: RollcallVersion.current, pacing: pacing),
            concurrency: concurrency)
        do {
            let identity = try await client.currentIdentity()
            guard identity.isWorkspaceAdmin else {
                console.err(
                    "error: \(identity.user.userName) is not a workspace admin on \(credentials.host.name); "
                        + "Rollcall needs an admin token to create users and groups and to change permissions\n")
                client.close()
                return nil
            }
            return WorkspaceConnection(client: client, identity: identity)
        } catch {
            console.err("error: \(error)\n")
            client.close()
            return nil
        }
    }
}

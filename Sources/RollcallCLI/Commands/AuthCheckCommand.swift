import Foundation
import RollcallKit

/// `rollcall auth check`: which credentials were found and where from, who they are, whether they
/// are a workspace admin, and whether account access works. Exit 0 when everything an import needs
/// works (workspace admin, and the account when one is configured), 3 otherwise.
///
/// Never prints a secret: only where each one came from.
enum AuthCheckCommand {
    static func run(
        _ options: AuthCheckOptions, console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) async -> ExitStatus {
        let credentials: WorkspaceCredentials
        do {
            credentials = try WorkspaceConnection.resolve(
                options.connection, environment: environment, workingDirectory: workingDirectory)
        } catch {
            console.err("error: \(error)\n")
            return .unreachable
        }
        for line in describe(credentials) { console.out(line + "\n") }

        var healthy = true
        let client = WorkspaceConnection.makeClient(credentials, concurrency: 2, rateLimit: nil)
        defer { client.close() }
        do {
            let identity = try await client.currentIdentity()
            console.out(field("identity", "\(identity.user.userName) (id \(identity.user.id))"))
            if identity.isWorkspaceAdmin {
                console.out(field("admin", "yes, member of 'admins'"))
            } else {
                healthy = false
                console.out(field("admin", "no: Rollcall needs a workspace admin to create users and groups"))
            }
        } catch {
            console.out(field("identity", "failed"))
            console.err("error: workspace: \(error)\n")
            return .unreachable
        }
        let workspaceID = options.connection.workspaceID.map(String.init) ?? client.workspaceID
        console.out(field("workspace id", workspaceID ?? "not reported (pass --workspace-id)"))

        guard credentials.account != nil else {
            console.out(field("account", "not configured: missing roster groups would be workspace-local"))
            return healthy ? .success : .unreachable
        }
        do throws(AccountAccessError) {
            let account = try AccountClient(credentials: credentials, sharing: client)
            do {
                let count = try await account.countGroups()
                console.out(field("account access", "ok (\(count) account group\(count == 1 ? "" : "s"))"))
            } catch {
                healthy = false
                console.out(field("account access", "failed"))
                console.err("error: account: \(error)\n")
            }
        } catch {
            healthy = false
            console.out(field("account access", "failed"))
            console.err("error: \(error)\n")
        }
        if workspaceID == nil { healthy = false }
        return healthy ? .success : .unreachable
    }

    /// The resolved settings and where each came from.
    static func describe(_ credentials: WorkspaceCredentials) -> [String] {
        var lines = [field("workspace", "\(credentials.host) (from \(credentials.hostSource))", newline: false)]
        if let profile = credentials.profile { lines.append(field("profile", profile, newline: false)) }
        switch credentials.method {
        case .personalAccessToken(_, let source):
            lines.append(field("auth", "personal access token (pat) from \(source)", newline: false))
        case .oauthM2M(let client):
            lines.append(
                field(
                    "auth", "OAuth machine-to-machine (oauth-m2m), client_id \(client.clientID) from "
                        + "\(client.clientIDSource), client_secret from \(client.secretSource)", newline: false))
        }
        if let account = credentials.account {
            lines.append(
                field(
                    "account", "\(account.accountID) (from \(account.accountIDSource)) at \(account.host) "
                        + "(\(account.hostSource))", newline: false))
        }
        return lines
    }

    private static func field(_ name: String, _ value: String, newline: Bool = true) -> String {
        let padded = (name + ":").padding(toLength: 16, withPad: " ", startingAt: 0)
        return padded + value + (newline ? "\n" : "")
    }
}

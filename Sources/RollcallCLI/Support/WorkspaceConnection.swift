import Foundation
import RollcallKit

/// Step 2 of every command that talks to a workspace: resolve credentials, build one client for the
/// run, and make one cheap request (`/Me`) so that a bad token, a wrong host or missing admin rights
/// stop the run with exit 3 before any roster row is touched. With an account configured it also
/// builds the account client that makes missing groups account groups.
struct WorkspaceConnection {
    var client: WorkspaceClient
    var identity: WorkspaceIdentity
    var credentials: WorkspaceCredentials
    /// Set when an account is configured.
    var account: AccountGroupWriter?

    /// Prints the reason and returns nil (exit 3) when the workspace cannot be used.
    static func open(
        _ options: ConnectionOptions, concurrency: Int, rateLimit: Double?, console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) async -> WorkspaceConnection? {
        let credentials: WorkspaceCredentials
        do {
            credentials = try resolve(options, environment: environment, workingDirectory: workingDirectory)
        } catch {
            console.err("error: \(error)\n")
            return nil
        }
        let client = makeClient(credentials, concurrency: concurrency, rateLimit: rateLimit)
        do {
            let identity = try await client.currentIdentity()
            guard identity.isWorkspaceAdmin else {
                console.err(
                    "error: \(identity.user.userName) is not a workspace admin on \(credentials.host.name); "
                        + "Rollcall needs an admin to create users and groups and to change permissions\n")
                client.close()
                return nil
            }
            var connection = WorkspaceConnection(client: client, identity: identity, credentials: credentials)
            if credentials.account != nil {
                do throws(AccountSetupError) {
                    connection.account = try makeAccountWriter(
                        credentials, client: client,
                        workspaceID: options.workspaceID.map(String.init) ?? client.workspaceID)
                } catch {
                    console.err("error: \(error)\n")
                    client.close()
                    return nil
                }
            }
            return connection
        } catch {
            console.err("error: \(error)\n")
            client.close()
            return nil
        }
    }

    static func resolve(
        _ options: ConnectionOptions, environment: [String: String], workingDirectory: String
    ) throws(CredentialsError) -> WorkspaceCredentials {
        try CredentialResolver.resolve(
            CredentialInputs(
                hostFlag: options.host, accountIDFlag: options.accountID, profileFlag: options.profile,
                environment: environment, workingDirectory: workingDirectory))
    }

    static func makeClient(_ credentials: WorkspaceCredentials, concurrency: Int, rateLimit: Double?) -> WorkspaceClient {
        WorkspaceClient.live(
            credentials: credentials, configuration: configuration(rateLimit: rateLimit), concurrency: concurrency)
    }

    static func configuration(rateLimit: Double?) -> WorkspaceClientConfiguration {
        var pacing = PacingConfiguration()
        pacing.globalRequestsPerSecond = rateLimit
        return WorkspaceClientConfiguration(version: RollcallVersion.current, pacing: pacing)
    }

    /// The account writer: an account client sharing `client`'s transport, pacers and counters,
    /// and a workspace id to assign groups to.
    static func makeAccountWriter(
        _ credentials: WorkspaceCredentials, client: WorkspaceClient, workspaceID: String?
    ) throws(AccountSetupError) -> AccountGroupWriter {
        guard let workspaceID else { throw .noWorkspaceID }
        do throws(AccountAccessError) {
            return AccountGroupWriter(
                account: try AccountClient(credentials: credentials, sharing: client), workspaceID: workspaceID)
        } catch {
            throw .access(error)
        }
    }
}

/// Why account-level calls cannot be made although an account id is configured.
enum AccountSetupError: Error, CustomStringConvertible {
    case access(AccountAccessError)
    case noWorkspaceID

    var description: String {
        switch self {
        case .access(let error): error.description
        case .noWorkspaceID: "the workspace did not report its id (X-Databricks-Org-Id); pass --workspace-id"
        }
    }
}

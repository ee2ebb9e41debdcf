import Foundation
import RollcallKit
import WorkspaceSandbox

/// A sandbox on an ephemeral loopback port and a client over a real `URLSessionTransport` to it.
/// Stops the sandbox and closes the session when the test lets go of it.
final class SandboxHarness: Sendable {
    let sandbox: Sandbox
    let client: WorkspaceClient
    static let token = "dapi-harness-token-0123456789abcdef"

    init(
        pacing: PacingConfiguration = .unpaced, retry: RetryPolicy = RetryPolicy(budgetSeconds: 30),
        token: String = SandboxHarness.token, timeoutSeconds: Int = 10,
        _ configure: (inout SandboxConfiguration) -> Void = { _ in }
    ) throws {
        var configuration = SandboxConfiguration()
        configuration.token = Self.token
        configuration.statementMilliseconds = 20
        configure(&configuration)
        sandbox = Sandbox(configuration: configuration, api: WorkspaceAPI(configuration: configuration))
        let url = try sandbox.start()
        let credentials = WorkspaceCredentials(
            host: try WorkspaceHost(url.absoluteString), hostSource: .flag("--host"), token: AccessToken(token),
            tokenSource: .environment("DATABRICKS_TOKEN"))
        client = WorkspaceClient(
            credentials: credentials,
            transport: URLSessionTransport(configuration: .init(maximumConnectionsPerHost: 16, timeoutSeconds: timeoutSeconds)),
            configuration: WorkspaceClientConfiguration(version: "0.0.0-test", retry: retry, pacing: pacing))
    }

    deinit {
        client.close()
        sandbox.stop()
    }
}

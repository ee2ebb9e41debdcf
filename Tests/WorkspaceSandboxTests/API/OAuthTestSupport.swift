import Foundation
@testable import WorkspaceSandbox

/// An OAuth client of a sandbox with M2M credentials.
enum OAuthTestSupport {
    static let clientID = "7a1c5e0f-0000-4000-8000-00000000c11e"
    static let clientSecret = "dose-sandbox-secret"

    static func configure(_ configuration: inout SandboxConfiguration) {
        configuration.clientID = clientID
        configuration.clientSecret = clientSecret
    }

    static func basic(_ id: String = clientID, _ secret: String = clientSecret) -> String {
        "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
    }

    /// Requests a token from `path` (workspace or account token endpoint).
    static func token(_ client: APITestClient, path: String, form: String = "grant_type=client_credentials&scope=all-apis",
                      authorization: String = basic()) -> APITestResponse {
        client.call("POST", path, body: Array(form.utf8),
                    headers: ["authorization": authorization, "content-type": "application/x-www-form-urlencoded"])
    }

    static var accountTokenPath: String { "/oidc/accounts/\(SandboxConfiguration().accountID)/v1/token" }
}

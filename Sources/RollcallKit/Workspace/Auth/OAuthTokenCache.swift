import Foundation

/// OAuth M2M access tokens for one endpoint, cached in memory and refreshed before they expire.
///
/// An actor so that a hundred concurrent requests needing a token cause one token request
/// (single flight): the first caller starts the refresh, the others await the same task. A token
/// is replaced `refreshMargin` before it expires, so requests already in flight with the old one
/// still arrive while it is valid; a 401 drops the token that failed (and only that one) so the
/// next caller fetches a fresh one.
public actor OAuthTokenCache {
    public let endpoint: OAuthTokenEndpoint
    public let client: OAuthClient
    /// Every token obtained, for redaction.
    public nonisolated let learned: LearnedSecrets
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Double
    private var current: CachedToken?
    private var refreshing: Task<CachedToken, any Error>?
    /// Token requests made, for tests and `auth check`.
    public private(set) var fetches = 0

    struct CachedToken: Sendable {
        var token: AccessToken
        var refreshAt: Double
    }

    public init(
        endpoint: OAuthTokenEndpoint, client: OAuthClient, transport: any HTTPTransport,
        learned: LearnedSecrets = LearnedSecrets(),
        now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.endpoint = endpoint
        self.client = client
        self.learned = learned
        self.transport = transport
        self.now = now
        learned.learn(client.secret.secret)
    }

    /// A valid token, fetching one when there is none or the current one is about to expire.
    public func token() async throws(WorkspaceError) -> AccessToken {
        if let current, now() < current.refreshAt { return current.token }
        return try await refresh()
    }

    /// Forgets `failed` after a 401, unless a newer token already replaced it.
    public func invalidate(_ failed: AccessToken) {
        if current?.token == failed { current = nil }
    }

    private func refresh() async throws(WorkspaceError) -> AccessToken {
        let task: Task<CachedToken, any Error>
        if let refreshing {
            task = refreshing
        } else {
            task = Task { try await self.fetch() }
            refreshing = task
        }
        do {
            let fresh = try await task.value
            refreshing = nil
            current = fresh
            return fresh.token
        } catch {
            refreshing = nil
            if let error = error as? WorkspaceError { throw error }
            throw .authentication(host: endpoint.hostName, detail: "\(error)")
        }
    }

    /// One client-credentials grant: form body, HTTP Basic, `scope=all-apis`. Retries a throttled
    /// or unavailable endpoint twice (the token endpoint throttles too, databricks-api.md §6).
    private func fetch() async throws(WorkspaceError) -> CachedToken {
        fetches += 1
        let basic = Data("\(client.clientID):\(client.secret.secret)".utf8).base64EncodedString()
        let request = HTTPRequest(
            method: .post, url: endpoint.url,
            headers: [
                "Authorization": "Basic \(basic)", "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            ],
            body: Data("grant_type=client_credentials&scope=all-apis".utf8))
        let redactor = SecretRedactor(secrets: [client.secret.secret, basic], learned: learned)
        var attempt = 0
        while true {
            attempt += 1
            let started = now()
            let response: HTTPResponse
            do throws(TransportError) {
                response = try await transport.send(request)
            } catch {
                if attempt < 3 && error.isRetryable { continue }
                throw .authentication(
                    host: endpoint.hostName, detail: redactor.redact("token endpoint unreachable: \(error)"))
            }
            if (response.status == 429 || response.status == 503) && attempt < 3 {
                try? await Task.sleep(nanoseconds: UInt64(attempt) * 500_000_000)
                continue
            }
            guard response.isSuccess else {
                throw .authentication(
                    host: endpoint.hostName,
                    detail: redactor.redact(OAuthTokenResponse.errorText(response.body, status: response.status)))
            }
            guard let parsed = try? JSONDecoder().decode(OAuthTokenResponse.self, from: response.body),
                !parsed.access_token.isEmpty
            else {
                throw .authentication(
                    host: endpoint.hostName, detail: "the token endpoint answered without access_token/expires_in")
            }
            learned.learn(parsed.access_token)
            let lifetime = Double(max(parsed.expires_in, 1))
            return CachedToken(
                token: AccessToken(parsed.access_token), refreshAt: started + lifetime - min(60, lifetime * 0.2))
        }
    }
}

/// The token endpoint's answer; the SDKs require these three fields (databricks-api.md §7).
struct OAuthTokenResponse: Decodable {
    var access_token: String
    var token_type: String?
    var expires_in: Int

    /// `{"error","error_description"}` in a sentence, or the status when the body is something else.
    static func errorText(_ body: Data, status: Int) -> String {
        struct Failure: Decodable {
            var error: String?
            var error_description: String?
        }
        if let failure = try? JSONDecoder().decode(Failure.self, from: body), let code = failure.error {
            return "token endpoint answered \(status) \(code)"
                + (failure.error_description.map { ": \($0)" } ?? "")
                + (code == "invalid_client" ? " (check client_id and client_secret)" : "")
        }
        return "token endpoint answered HTTP \(status)"
    }
}

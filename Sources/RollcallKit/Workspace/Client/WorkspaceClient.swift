import Foundation

/// Talks to one Databricks workspace: authenticates, paces, retries and counts every request.
///
/// A value type over shared state (the transport, the pacers, the counters), so copies are cheap
/// and every copy paces and counts together. The typed API calls live in extensions by domain
/// (`SCIM/`, `Permissions/`, `Lookups/`, `SQL/`, `UnityCatalog/`).
public struct WorkspaceClient: Sendable {
    public let host: WorkspaceHost
    /// Requests, retries and throttles so far, for progress display.
    public let counters: RequestCounters
    public let configuration: WorkspaceClientConfiguration
    /// The pacers, exposed so progress display can show current rates.
    public let pacing: RequestPacing
    let transport: any HTTPTransport
    let authenticator: any Authenticator
    let redactor: SecretRedactor
    let userAgent: String
    let random: @Sendable () -> Double
    private let observedWorkspaceID = ObservedWorkspaceID()

    /// - Parameters:
    ///   - clock: time for pacing and retry waits; inject a manual clock in tests.
    ///   - random: jitter source in `[0, 1)`.
    public init(
        host: WorkspaceHost, authenticator: any Authenticator, transport: any HTTPTransport,
        configuration: WorkspaceClientConfiguration, clock: any PacingClock = SystemPacingClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.host = host
        self.authenticator = authenticator
        self.transport = transport
        self.configuration = configuration
        self.counters = RequestCounters()
        self.pacing = RequestPacing(configuration: configuration.pacing, clock: clock)
        self.redactor = SecretRedactor(secrets: authenticator.secrets, learned: authenticator.learnedSecrets)
        self.userAgent = UserAgent.make(version: configuration.version, authType: authenticator.authType)
        self.random = random
    }

    /// A client for another host of the same run (the account host): same transport, pacers and
    /// counters, so `--rate-limit` caps both together and the summary counts every request.
    public func sibling(host: WorkspaceHost, authenticator: any Authenticator) -> WorkspaceClient {
        WorkspaceClient(host: host, authenticator: authenticator, sharingWith: self)
    }

    private init(host: WorkspaceHost, authenticator: any Authenticator, sharingWith other: WorkspaceClient) {
        self.host = host
        self.authenticator = authenticator
        self.transport = other.transport
        self.configuration = other.configuration
        self.counters = other.counters
        self.pacing = other.pacing
        self.redactor = SecretRedactor(secrets: authenticator.secrets, learned: authenticator.learnedSecrets)
        self.userAgent = UserAgent.make(version: configuration.version, authType: authenticator.authType)
        self.random = other.random
    }

    /// A client for resolved credentials over the given transport.
    public init(
        credentials: WorkspaceCredentials, transport: any HTTPTransport, configuration: WorkspaceClientConfiguration
    ) {
        self.init(
            host: credentials.host, authenticator: credentials.makeAuthenticator(transport: transport), transport: transport,
            configuration: configuration)
    }

    /// A client over a fresh ``URLSessionTransport`` sized for `concurrency` parallel requests.
    /// Call ``close()`` when the run ends.
    public static func live(
        credentials: WorkspaceCredentials, configuration: WorkspaceClientConfiguration, concurrency: Int,
        timeoutSeconds: Int = 60
    ) -> WorkspaceClient {
        let transport = URLSessionTransport(
            configuration: .init(maximumConnectionsPerHost: max(concurrency, 6), timeoutSeconds: timeoutSeconds))
        return WorkspaceClient(credentials: credentials, transport: transport, configuration: configuration)
    }

    /// Lets in-flight requests finish and releases the transport.
    public func close() { transport.close() }

    /// The workspace id from the `X-Databricks-Org-Id` header, once any response carried it.
    public var workspaceID: String? { observedWorkspaceID.current }

    /// Sends `request` until it succeeds, fails for good, or runs out of retry budget.
    /// Returns only 2xx responses; everything else is thrown as a ``WorkspaceError``.
    /// Errors name the path without its query: a query can hold 50 email addresses, which
    /// belong neither in a results CSV cell nor in logs.
    func send(_ request: WorkspaceRequest) async throws(WorkspaceError) -> HTTPResponse {
        let clock = pacing.clock
        let started = clock.now()
        var retries = 0
        var earlierAttemptMayHaveApplied = false
        var refreshedAfterUnauthorized = false
        let pathAndQuery = request.pathAndQuery
        guard let url = URL(string: host.url.absoluteString + pathAndQuery) else {
            throw .invalidRequest(detail: "cannot build a URL for \(request.method) \(redactor.redact(request.path))")
        }
        while true {
            if Task.isCancelled { throw .cancelled(method: request.method, path: redactor.redact(request.path)) }
            // Headers first: a pacer slot, once taken, must see exactly one answer reported.
            let http = HTTPRequest(
                method: request.method, url: url,
                headers: try await headers(hasBody: request.body != nil), body: request.body)
            let authorization = http.headers["Authorization"] ?? ""
            let sentAt = await pacing.waitForSlot(request.family)
            let isRetry = retries > 0
            counters.record { counts in
                counts.requests += 1
                if isRetry { counts.retries += 1 }
                if request.method != .get { counts.writes += 1 }
            }

            let lastError: WorkspaceError
            var retryAfter: Double?
            switch await attempt(http) {
            case .success(let response):
                observedWorkspaceID.observe(response.headers)
                if response.isSuccess {
                    await pacing.recordSuccess(request.family, sentAt: sentAt)
                    return response
                }
                let body = APIErrorBody.parse(response.body)
                let failure = APIFailure(
                    method: request.method, path: request.path, host: host.name, status: response.status,
                    errorCode: body.errorCode, message: body.message,
                    earlierAttemptMayHaveApplied: earlierAttemptMayHaveApplied, redactor: redactor)
                lastError = .api(failure)
                retryAfter = RetryAfter.seconds(from: response.headers["Retry-After"])
                if failure.isThrottle {
                    counters.record { $0.throttles += 1 }
                    await pacing.recordThrottle(request.family, sentAt: sentAt, retryAfterSeconds: retryAfter)
                } else {
                    await pacing.recordOtherAnswer(request.family)
                }
                // An OAuth token can be revoked or expire early: fetch a new one once and resend.
                if response.status == 401, !refreshedAfterUnauthorized,
                    await authenticator.refreshAfterUnauthorized(authorization)
                {
                    refreshedAfterUnauthorized = true
                    retries += 1
                    continue
                }
                guard failure.isRetryable else { throw lastError }
            case .failure(let failure):
                counters.record { $0.transportFailures += 1 }
                await pacing.recordOtherAnswer(request.family)
                lastError = .transport(
                    method: request.method, path: redactor.redact(request.path), host: host.name, failure: failure)
                guard failure.isRetryable else { throw lastError }
                earlierAttemptMayHaveApplied = true
            }

            retries += 1
            guard
                let delay = configuration.retry.delay(
                    retry: retries, elapsedSeconds: clock.now() - started, retryAfterSeconds: retryAfter,
                    random: random())
            else { throw lastError }
            await clock.sleep(until: clock.now() + delay)
        }
    }

    private func attempt(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
        do throws(TransportError) {
            return .success(try await transport.send(request))
        } catch {
            return .failure(error)
        }
    }

    private func headers(hasBody: Bool) async throws(WorkspaceError) -> HTTPHeaders {
        var headers: HTTPHeaders = [
            "Authorization": try await authenticator.authorizationHeader(),
            "User-Agent": userAgent,
            "Accept": "application/json",
        ]
        if hasBody { headers["Content-Type"] = "application/json" }
        return headers
    }
}

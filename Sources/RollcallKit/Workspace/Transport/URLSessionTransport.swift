import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The live transport: one `URLSession` for the whole run, tuned for swift-corelibs-foundation.
///
/// - Ephemeral configuration, no URL cache (Linux caches 20 MB on disk otherwise: PII and stale
///   reads), no cookies.
/// - `httpMaximumConnectionsPerHost` is at least the run's concurrency; the default of 6 would
///   queue requests inside curl with their timeout already running.
/// - Timeouts are whole seconds because corelibs truncates fractions (0.5 s fires immediately).
///   The timeout is an idle timeout: it restarts whenever data arrives.
/// - Tasks are never cancelled: `URLSessionTask.cancel()` can deadlock or crash on Swift <= 6.3.x
///   (swift-corelibs-foundation #5412). A cancelled Swift task still waits for its transfer.
/// - ``close()`` calls `finishTasksAndInvalidate()`, so in-flight requests finish first.
/// - Over plain HTTP (loopback only), a request with a body asks for `Connection: close`. When a
///   reused keep-alive connection dies under such a request, curl silently re-sends it on a new
///   connection, but corelibs cannot rewind a `Data` body: the headers go out without the body
///   and the request hangs until the timeout (seen on 6.3.1 against the sandbox's dropped
///   connections: 10 s per drop instead of an immediate "empty reply"). A fresh connection per
///   write turns such a drop into an immediate, retryable error. Over HTTPS, Databricks speaks
///   HTTP/2, where a `Connection` header is not allowed, so requests are left as they are.
public final class URLSessionTransport: HTTPTransport {
    /// How the session is tuned.
    public struct Configuration: Sendable, Hashable {
        /// Connections per host; at least the number of concurrent requests.
        public var maximumConnectionsPerHost: Int
        /// Idle timeout per request, in whole seconds (at least 1).
        public var timeoutSeconds: Int

        public init(maximumConnectionsPerHost: Int = 16, timeoutSeconds: Int = 60) {
            self.maximumConnectionsPerHost = max(1, maximumConnectionsPerHost)
            self.timeoutSeconds = max(1, timeoutSeconds)
        }
    }

    public let configuration: Configuration
    private let session: URLSession

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.httpCookieAcceptPolicy = .never
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.urlCredentialStorage = nil
        sessionConfiguration.httpMaximumConnectionsPerHost = configuration.maximumConnectionsPerHost
        sessionConfiguration.timeoutIntervalForRequest = TimeInterval(configuration.timeoutSeconds)
        self.session = URLSession(configuration: sessionConfiguration)
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = TimeInterval(configuration.timeoutSeconds)
        urlRequest.httpShouldHandleCookies = false
        for field in request.headers.fields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        if request.body != nil && request.url.scheme == "http" {
            urlRequest.setValue("close", forHTTPHeaderField: "Connection")
        }

        // A plain continuation without a cancellation handler: cancelling the Swift task must
        // never reach `URLSessionTask.cancel()` (see the type's documentation).
        let outcome: Result<HTTPResponse, TransportError> = await withCheckedContinuation { continuation in
            let task = session.dataTask(with: urlRequest) { data, response, error in
                continuation.resume(returning: Self.outcome(
                    data: data, response: response, error: error, for: request,
                    timeoutSeconds: self.configuration.timeoutSeconds))
            }
            task.resume()
        }
        return try outcome.get()
    }

    public func close() {
        session.finishTasksAndInvalidate()
    }

    private static func outcome(
        data: Data?, response: URLResponse?, error: (any Error)?, for request: HTTPRequest, timeoutSeconds: Int
    ) -> Result<HTTPResponse, TransportError> {
        if let error {
            return .failure(transportError(for: error, host: request.url.host ?? "the server", timeoutSeconds: timeoutSeconds))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(.other(code: 0, detail: "the answer was not HTTP"))
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers[String(describing: name)] = String(describing: value)
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
    }

    /// Maps a URLSession failure onto the cases retries reason about.
    static func transportError(for error: any Error, host: String, timeoutSeconds: Int) -> TransportError {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else {
            return .other(code: nsError.code, detail: nsError.localizedDescription)
        }
        return transportError(
            urlErrorCode: nsError.code, host: host, detail: nsError.localizedDescription, timeoutSeconds: timeoutSeconds)
    }

    static func transportError(urlErrorCode code: Int, host: String, detail: String, timeoutSeconds: Int = 60)
        -> TransportError
    {
        switch code {
        case NSURLErrorTimedOut: .timedOut(seconds: timeoutSeconds)
        case NSURLErrorNetworkConnectionLost: .connectionLost
        case NSURLErrorBadServerResponse, NSURLErrorZeroByteResource: .emptyReply
        case NSURLErrorCannotConnectToHost: .cannotConnect(host: host)
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: .cannotFindHost(host: host)
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
            NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid,
            NSURLErrorServerCertificateHasUnknownRoot:
            .secureConnectionFailed(host: host)
        default: .other(code: code, detail: detail)
        }
    }
}

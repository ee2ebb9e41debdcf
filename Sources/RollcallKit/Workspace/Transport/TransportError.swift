/// Why no HTTP response arrived. Each case says whether the request may have reached the server,
/// which decides whether a retried create can meet a 409 of its own making.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No data within the timeout (URLError -1001).
    case timedOut(seconds: Int)
    /// The connection dropped mid-exchange (URLError -1005, connection reset).
    case connectionLost
    /// The server closed the connection without answering (URLError -1011, curl "Empty reply from server").
    case emptyReply
    /// Nothing listens at the host and port, or it refused (URLError -1004).
    case cannotConnect(host: String)
    /// The host name did not resolve (URLError -1003).
    case cannotFindHost(host: String)
    /// TLS failed (URLError -1200 family).
    case secureConnectionFailed(host: String)
    /// Any other failure; `code` is the URLError code (or 0) and `detail` its text.
    case other(code: Int, detail: String)

    /// Whether sending the same request again may succeed: the failure was on the wire, not in the request.
    /// Refused connections and unknown hosts are not retried: they are configuration problems and
    /// should fail fast (exit 3), not after the whole retry budget.
    public var isRetryable: Bool {
        switch self {
        case .timedOut, .connectionLost, .emptyReply: true
        case .other(let code, _): code == -1  // corelibs reports a short body as -1 "unknown"
        case .cannotConnect, .cannotFindHost, .secureConnectionFailed: false
        }
    }

    public var description: String {
        switch self {
        case .timedOut(let seconds): "no answer within \(seconds) s (timed out)"
        case .connectionLost: "the connection was lost before the answer arrived"
        case .emptyReply: "the server closed the connection without answering"
        case .cannotConnect(let host): "cannot connect to \(host) (nothing is listening, or the connection was refused)"
        case .cannotFindHost(let host): "cannot resolve the host name \(host)"
        case .secureConnectionFailed(let host): "the TLS connection to \(host) failed"
        case .other(let code, let detail): "network error \(code): \(detail)"
        }
    }
}

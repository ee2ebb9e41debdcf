import Foundation

/// Everything that can go wrong talking to a workspace, with messages written for the organizer.
///
/// Every case is built from redacted text, so `description` is safe to print and to put into the
/// results CSV.
public enum WorkspaceError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The workspace answered with an error status.
    case api(APIFailure)
    /// No answer arrived (after retries, where the failure was worth retrying).
    case transport(method: HTTPMethod, path: String, host: String, failure: TransportError)
    /// The answer was 2xx but not in the shape Databricks documents.
    case unexpectedResponse(method: HTTPMethod, path: String, detail: String)
    /// A SQL statement reached FAILED, CANCELED or CLOSED.
    case statementFailed(StatementFailure)
    /// No credentials could be obtained (for example an OAuth token request failed).
    case authentication(host: String, detail: String)
    /// Rollcall refused to build the request, e.g. a name that cannot be quoted safely.
    case invalidRequest(detail: String)
    /// The calling task was cancelled before the request was sent.
    case cancelled(method: HTTPMethod, path: String)

    public var description: String {
        switch self {
        case .api(let failure):
            failure.userDescription
        case .transport(let method, let path, let host, let failure):
            "\(method) \(path) on \(host): \(failure)"
        case .unexpectedResponse(let method, let path, let detail):
            "\(method) \(path) answered in an unexpected shape: \(detail)"
        case .statementFailed(let failure):
            failure.description
        case .authentication(let host, let detail):
            "cannot authenticate to \(host): \(detail)"
        case .invalidRequest(let detail):
            detail
        case .cancelled(let method, let path):
            "\(method) \(path) was not sent: the run is stopping"
        }
    }

    public var errorDescription: String? { description }

    /// The API's own words where there are some (for the results CSV's `error` column).
    public var apiMessage: String {
        switch self {
        case .api(let failure): failure.apiMessage
        case .statementFailed(let failure): failure.message
        default: description
        }
    }

    /// The failure concerns credentials or reachability of the whole workspace (exit code 3),
    /// not one row.
    public var isWorkspaceUnreachable: Bool {
        switch self {
        case .api(let failure): failure.status == 401 || failure.status == 403
        case .authentication: true
        case .transport(_, _, _, let failure):
            switch failure {
            case .cannotConnect, .cannotFindHost, .secureConnectionFailed: true
            default: false
            }
        default: false
        }
    }

    /// The API failure, when the workspace answered with an error status.
    public var apiFailure: APIFailure? {
        if case .api(let failure) = self { return failure }
        return nil
    }
}

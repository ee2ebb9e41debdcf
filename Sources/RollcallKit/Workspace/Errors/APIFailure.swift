/// A workspace answered a request with an error status.
///
/// Every text field is redacted when the failure is built (see ``SecretRedactor``), so printing,
/// logging or writing it to the results CSV cannot leak the token.
public struct APIFailure: Sendable, Hashable {
    public var method: HTTPMethod
    /// Path without the query, e.g. `/api/2.0/preview/scim/v2/Users`.
    public var path: String
    /// The host that answered, e.g. `adb-123.azuredatabricks.net`.
    public var host: String
    public var status: Int
    /// Databricks' `error_code` (`SCIM_409` for SCIM bodies), when the body had one.
    public var errorCode: String?
    /// The API's own message, when the body had one.
    public var message: String?
    /// An earlier attempt of this request failed on the wire after it may have reached the server,
    /// so a 409 or 404 may be the result of that attempt.
    public var earlierAttemptMayHaveApplied: Bool

    public init(
        method: HTTPMethod, path: String, host: String, status: Int, errorCode: String?, message: String?,
        earlierAttemptMayHaveApplied: Bool = false, redactor: SecretRedactor
    ) {
        self.method = method
        self.path = redactor.redact(path)
        self.host = host
        self.status = status
        self.errorCode = errorCode.map(redactor.redact)
        self.message = message.map(redactor.redact)
        self.earlierAttemptMayHaveApplied = earlierAttemptMayHaveApplied
    }

    /// 429, or a `REQUEST_LIMIT_EXCEEDED` however it is sent (SCIM has sent it as a 500).
    public var isThrottle: Bool {
        status == 429 || errorCode == "REQUEST_LIMIT_EXCEEDED"
            || (message?.contains("REQUEST_LIMIT_EXCEEDED") ?? false)
            || (message?.contains("token bucket limit has been exceeded") ?? false)
    }

    /// Throttles and 503 are worth repeating; everything else is the request's own fault.
    public var isRetryable: Bool {
        isThrottle || status == 503
    }

    /// `409` conflicts such as "User with username x already exists."
    public var isAlreadyExists: Bool {
        status == 409 || errorCode == "ALREADY_EXISTS" || errorCode == "RESOURCE_ALREADY_EXISTS"
    }

    /// `404`, or Databricks' not-found codes.
    public var isNotFound: Bool {
        status == 404 || errorCode == "RESOURCE_DOES_NOT_EXIST" || errorCode == "NOT_FOUND"
    }

    /// The API's message, or a short stand-in naming the status.
    public var apiMessage: String {
        if let message, !message.isEmpty { return message }
        return "HTTP \(status)" + (errorCode.map { " \($0)" } ?? "")
    }

    /// Status, code and message in one parenthesis: `(403 PERMISSION_DENIED: Invalid access token.)`.
    var statusSummary: String {
        var summary = "\(status)"
        if let errorCode { summary += " \(errorCode)" }
        if let message, !message.isEmpty { summary += ": \(message)" }
        return summary
    }

    /// Written for the organizer: what was refused, by whom, and what to do about it.
    var userDescription: String {
        switch status {
        case 401:
            return "\(host) refused the credentials (\(statusSummary)). The token is missing, expired or "
                + "revoked: create a new personal access token and set DATABRICKS_TOKEN."
        case 403 where isInvalidToken:
            return "\(host) refused the token (\(statusSummary)). Create a new personal access token "
                + "for this workspace and set DATABRICKS_TOKEN."
        case 403:
            return "\(host) refused \(method) \(path) (\(statusSummary)). The token works, but its user "
                + "lacks the rights: onboarding needs a workspace admin."
        default:
            return "\(method) \(path) failed on \(host) (\(statusSummary))"
        }
    }

    private var isInvalidToken: Bool {
        let text = (message ?? "").lowercased()
        return text.contains("invalid access token") || text.contains("invalid token")
            || text.contains("token is expired") || errorCode == "UNAUTHENTICATED"
    }
}

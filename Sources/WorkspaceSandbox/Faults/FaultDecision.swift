/// What fault injection does with one API request, decided before the API sees it.
enum FaultDecision: Equatable, Sendable {
    case serve
    /// Over the family's rate: 429 with `Retry-After`, or HTTP 500 for the SCIM variant.
    case throttle(APIFamily, retryAfterSeconds: Int, asInternalError: Bool)
    /// 503 `TEMPORARILY_UNAVAILABLE`.
    case unavailable
    /// Close the connection without applying the request.
    case dropBeforeApplying
    /// Apply the request to the API, then close the connection without the answer.
    case dropAfterApplying
}

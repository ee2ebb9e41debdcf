/// The answers of injected faults, in Databricks' error shape.
enum FaultResponses {
    /// 429 with `Retry-After` in whole seconds; the SCIM 500 variant carries no `Retry-After`, like the
    /// real one, so clients must recognise `REQUEST_LIMIT_EXCEEDED` in the body.
    static func throttled(_ family: APIFamily, retryAfterSeconds: Int, asInternalError: Bool) -> SandboxResponse {
        ServerJSON.errorResponse(
            status: asInternalError ? 500 : 429, errorCode: "REQUEST_LIMIT_EXCEEDED",
            message: "\(family.rpcName) RPC token bucket limit has been exceeded.",
            headers: asInternalError ? [] : [("Retry-After", String(retryAfterSeconds))])
    }

    static let unavailable = ServerJSON.errorResponse(
        status: 503, errorCode: "TEMPORARILY_UNAVAILABLE",
        message: "The service is temporarily unavailable. Please retry the request.")
}

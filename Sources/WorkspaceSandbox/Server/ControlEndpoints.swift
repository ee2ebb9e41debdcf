/// `/sandbox/*`: counters and state for tests and benchmarks. Never counted, never faulted, no token.
struct ControlEndpoints: Sendable {
    let api: any SandboxAPI
    let stats: StatsRecorder
    let faults: FaultInjector

    static let prefix = "/sandbox/"

    static func isControlPath(_ path: String) -> Bool {
        path.hasPrefix(prefix) || path == "/sandbox"
    }

    func handle(_ request: SandboxRequest) -> SandboxResponse {
        switch (request.method, request.path) {
        case ("GET", "/sandbox/stats"):
            return ServerJSON.response(json: stats.snapshot().json)
        case ("POST", "/sandbox/stats/reset"):
            // Answers the counters as they were, so a benchmark can read and zero them in one step.
            return ServerJSON.response(json: stats.reset().json)
        case ("GET", "/sandbox/state"):
            return SandboxResponse(status: 200, headers: [("Content-Type", "application/json")], body: api.stateJSON())
        case ("POST", "/sandbox/reset"):
            api.reset()
            faults.reset()
            stats.reset()
            return SandboxResponse(status: 204)
        case (_, "/sandbox/stats"), (_, "/sandbox/state"):
            return methodNotAllowed(allow: "GET")
        case (_, "/sandbox/stats/reset"), (_, "/sandbox/reset"):
            return methodNotAllowed(allow: "POST")
        default:
            return ServerJSON.errorResponse(
                status: 404, errorCode: "ENDPOINT_NOT_FOUND",
                message: "No sandbox endpoint \(request.method) \(request.path); try GET /sandbox/stats, "
                    + "POST /sandbox/stats/reset, GET /sandbox/state or POST /sandbox/reset")
        }
    }

    private func methodNotAllowed(allow: String) -> SandboxResponse {
        var response = ServerJSON.errorResponse(
            status: 405, errorCode: "BAD_REQUEST", message: "Use \(allow) for this sandbox endpoint")
        response.headers.append(("Allow", allow))
        return response
    }
}

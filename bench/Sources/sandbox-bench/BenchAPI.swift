import WorkspaceSandbox

/// A constant-time API so the benchmark measures the server (framing, threads, faults, counters),
/// not an API model. The answer is the size of a small SCIM user.
struct BenchAPI: SandboxAPI {
    static let path = "/api/2.0/preview/scim/v2/Users/4242"
    private static let body = Array(
        #"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"4242","userName":"ada@example.com","displayName":"Ada Lovelace","active":true,"emails":[{"value":"ada@example.com","primary":true}],"entitlements":[]}"#
            .utf8)

    func handle(_ request: SandboxRequest) -> APIResult {
        guard request.method == "GET", request.path == Self.path else {
            return APIResult(response: SandboxResponse(status: 404), route: nil, mutated: false)
        }
        let response = SandboxResponse(status: 200, headers: [("Content-Type", "application/json")], body: Self.body)
        return APIResult(response: response, route: "GET /api/2.0/preview/scim/v2/Users/{id}", mutated: false)
    }

    func stateJSON() -> [UInt8] { Array("{}".utf8) }
    func reset() {}
}

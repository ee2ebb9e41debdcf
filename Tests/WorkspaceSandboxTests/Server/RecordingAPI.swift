import Foundation
@testable import WorkspaceSandbox

/// A tiny `SandboxAPI` for server tests: a counter, an echo and a few fixed answers.
///
/// - `GET /api/test/echo` answers the request (method, path, query, headers, body length) as JSON.
/// - `POST /api/test/counter` increments a counter (a mutation) and answers 201 with its value.
/// - `GET /api/test/counter` reads it.
/// - `DELETE /api/test/counter` answers 204 with no body.
/// - `POST /api/test/body` answers the body's byte count and checksum.
/// - `GET /api/test/big?bytes=N` answers N bytes.
/// - anything else: 404, route nil.
final class RecordingAPI: SandboxAPI {
    private let state = LockedState(Counter())

    struct Counter {
        var value = 0
        var handled = 0
        var resets = 0
        var waiting = 0
    }

    var counter: Int { state.withLock { $0.value } }
    var handled: Int { state.withLock { $0.handled } }
    var resets: Int { state.withLock { $0.resets } }

    func handle(_ request: SandboxRequest) -> APIResult {
        state.withLock { $0.handled += 1 }
        switch (request.method, request.path) {
        case ("GET", "/api/test/echo"):
            let echo = Echo(
                method: request.method, path: request.path, query: request.query.map { [$0.name, $0.value] },
                headers: request.headers, bodyBytes: request.body.count)
            return APIResult(response: json(200, echo), route: "GET /api/test/echo", mutated: false)
        case ("POST", "/api/test/counter"):
            let value = state.withLock { state in
                state.value += 1
                return state.value
            }
            return APIResult(response: json(201, ["value": value]), route: "POST /api/test/counter", mutated: true)
        case ("GET", "/api/test/counter"):
            return APIResult(response: json(200, ["value": counter]), route: "GET /api/test/counter", mutated: false)
        case ("DELETE", "/api/test/counter"):
            state.withLock { $0.value = 0 }
            return APIResult(
                response: SandboxResponse(status: 204, headers: [("Content-Type", "application/json")], body: Array("{}".utf8)),
                route: "DELETE /api/test/counter", mutated: true)
        case ("POST", "/api/test/body"):
            let sum = request.body.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) }
            return APIResult(
                response: json(200, ["bytes": "\(request.body.count)", "checksum": "\(sum)"]),
                route: "POST /api/test/body", mutated: false)
        case ("GET", "/api/test/big"):
            let size = Int(request.queryValue("bytes") ?? "0") ?? 0
            let body = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) }
            return APIResult(response: SandboxResponse(status: 200, body: body), route: "GET /api/test/big", mutated: false)
        case ("GET", "/api/test/barrier"):
            // Answers 200 only once `n` requests are inside the handler at the same time (concurrency proof).
            let target = Int(request.queryValue("n") ?? "1") ?? 1
            state.withLock { $0.waiting += 1 }
            let deadline = Date().addingTimeInterval(10)
            while state.withLock({ $0.waiting }) < target && Date() < deadline { usleep(1_000) }
            let reached = state.withLock { $0.waiting } >= target
            return APIResult(response: json(reached ? 200 : 504, ["reached": reached]), route: "GET /api/test/barrier", mutated: false)
        case ("GET", "/api/test/unauthorized"):
            let response = SandboxResponse(
                status: 401, headers: [("WWW-Authenticate", "Basic realm=\"x\""), ("Content-Type", "application/json")],
                body: Array("{\"error_code\":\"UNAUTHENTICATED\"}".utf8))
            return APIResult(response: response, route: "GET /api/test/unauthorized", mutated: false)
        default:
            return APIResult(
                response: json(404, ["error_code": "ENDPOINT_NOT_FOUND"]), route: nil, mutated: false)
        }
    }

    func stateJSON() -> [UInt8] {
        Array("{\"counter\":\(counter)}".utf8)
    }

    func reset() {
        state.withLock { state in
            state.value = 0
            state.resets += 1
        }
    }

    private func json(_ status: Int, _ value: some Encodable) -> SandboxResponse {
        SandboxResponse(
            status: status, headers: [("Content-Type", "application/json")],
            body: Array((try? JSONEncoder().encode(value)) ?? Data()))
    }
}

struct Echo: Codable, Equatable {
    var method: String
    var path: String
    var query: [[String]]
    var headers: [String: String]
    var bodyBytes: Int
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import WorkspaceSandbox

/// `/sandbox/stats`, `/sandbox/state`, `/sandbox/reset` and the counting rules.
struct StatsAndControlTests {
    @Test func countsServedRequestsByRouteAndNeverCountsItself() async throws {
        try await withServerHarness { harness in
            let session = ServerTestHarness.session()
            let base = harness.url
            for _ in 0..<2 { _ = try await session.send("GET", base.appending(path: "api/test/echo")) }
            for _ in 0..<3 { _ = try await session.send("POST", base.appending(path: "api/test/counter")) }
            _ = try await session.send("DELETE", base.appending(path: "api/test/counter"))
            _ = try await session.send("GET", URL(string: "\(base)/api/no%20such?x=1")!)
            _ = try await session.send("GET", base.appending(path: "sandbox/state"))

            let (status, _, body) = try await session.send("GET", base.appending(path: "sandbox/stats"))
            #expect(status == 200)
            let stats = try JSONDecoder().decode(SandboxStats.self, from: body)
            let expected = SandboxStats(
                total: 7, reads: 3, writes: 4, mutations: 4, throttled: 0, faults: 0,
                byRoute: [
                    "GET /api/test/echo": 2, "POST /api/test/counter": 3, "DELETE /api/test/counter": 1,
                    "GET /api/no%20such": 1,
                ])
            #expect(stats == expected)
            #expect(harness.sandbox.stats() == expected)
            #expect(stats.count("POST /api/test/counter") == 3)
        }
    }

    @Test func statsBodyHasTheDocumentedKeysInOrder() {
        let text = SandboxStats(total: 1, reads: 1, byRoute: ["GET /a\"b": 1]).json
        let keys = ["\"total\"", "\"reads\"", "\"writes\"", "\"mutations\"", "\"throttled\"", "\"faults\"", "\"byRoute\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(text.contains(#""GET /a\"b": 1"#))
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?.keys.sorted() == ["byRoute", "faults", "mutations", "reads", "throttled", "total", "writes"])
    }

    @Test func statsResetAnswersThePreviousCountsAndZeroes() async throws {
        try await withServerHarness { harness in
            let session = ServerTestHarness.session()
            _ = try await session.send("POST", harness.url.appending(path: "api/test/counter"))
            let (_, _, body) = try await session.send("POST", harness.url.appending(path: "sandbox/stats/reset"))
            let previous = try JSONDecoder().decode(SandboxStats.self, from: body)
            #expect(previous.total == 1 && previous.mutations == 1)
            #expect(harness.sandbox.stats() == SandboxStats())
            #expect(harness.api.counter == 1)  // only the counters, not the state
        }
    }

    @Test func stateIsTheAPIsDump() async throws {
        try await withServerHarness { harness in
            let session = ServerTestHarness.session()
            _ = try await session.send("POST", harness.url.appending(path: "api/test/counter"))
            let (status, headers, body) = try await session.send("GET", harness.url.appending(path: "sandbox/state"))
            #expect(status == 200)
            #expect(headers["Content-Type"] as? String == "application/json")
            #expect(String(decoding: body, as: UTF8.self) == #"{"counter":1}"#)
        }
    }

    @Test func resetRestoresStateCountersAndTheFaultSequence() async throws {
        try await withServerHarness({ $0.errorRate = 0.5; $0.seed = 7 }) { harness in
            let client = try RawSocketClient(port: harness.port)
            func run() throws -> [Int] {
                try (0..<20).map { _ in
                    client.write("POST /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n")
                    return try #require(client.readResponse()).status
                }
            }
            let first = try run()
            #expect(Set(first) == [201, 503])
            client.write("POST /sandbox/reset HTTP/1.1\r\nHost: x\r\n\r\n")
            let reset = try #require(client.readResponse())
            #expect(reset.status == 204)
            #expect(harness.api.resets == 1)
            #expect(harness.api.counter == 0)
            #expect(harness.sandbox.stats() == SandboxStats())
            #expect(try run() == first)
        }
    }

    @Test(arguments: [
        ("GET", "/sandbox/nothing", 404, nil),
        ("PUT", "/sandbox/stats", 405, "GET"),
        ("GET", "/sandbox/reset", 405, "POST"),
        ("DELETE", "/sandbox/stats/reset", 405, "POST"),
    ] as [(String, String, Int, String?)])
    func unknownControlRequestsAreErrors(method: String, path: String, status: Int, allow: String?) async throws {
        try await withServerHarness { harness in
            let client = try RawSocketClient(port: harness.port)
            client.write("\(method) \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.status == status)
            #expect(response.header("allow") == allow)
            #expect(harness.sandbox.stats().total == 0)
            #expect(harness.api.handled == 0)
        }
    }
}

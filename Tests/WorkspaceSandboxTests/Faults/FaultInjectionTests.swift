import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import WorkspaceSandbox

/// Each fault flag over real sockets. Randomness is seeded and the rate limiter's clock is frozen,
/// so the tests assert exact counts rather than timings.
struct FaultInjectionTests {
    static let frozen = SandboxClock { 1_000 }

    /// The latency is large so that the control request's bound cannot be mistaken for machine
    /// noise: a control request that carried the latency would take at least 2 s.
    @Test func latencyIsAddedToAPIRequestsOnly() async throws {
        try await withServerHarness({ $0.latencyMilliseconds = 2000 }) { harness in
            let session = ServerTestHarness.session()
            let start = Date()
            _ = try await session.send("GET", harness.url.appending(path: "api/test/counter"))
            #expect(Date().timeIntervalSince(start) >= 1.99)

            let controlStart = Date()
            _ = try await session.send("GET", harness.url.appending(path: "sandbox/stats"))
            #expect(Date().timeIntervalSince(controlStart) < 1.9)
        }
    }

    @Test func errorRateFailsTheSeededShareAndRepeats() async throws {
        var generator = SeededGenerator(seed: 42)
        let expected = (0..<200).map { _ in generator.unit() < 0.25 ? 503 : 200 }
        #expect((30...70).contains(expected.filter { $0 == 503 }.count))

        for _ in 0..<2 {
            try await withServerHarness({ $0.errorRate = 0.25; $0.seed = 42 }) { harness in
                let client = try RawSocketClient(port: harness.port)
                var statuses: [Int] = []
                for _ in 0..<200 {
                    client.write("GET /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n")
                    let response = try #require(client.readResponse())
                    statuses.append(response.status)
                    if response.status == 503 {
                        #expect(response.bodyText.contains(#""error_code":"TEMPORARILY_UNAVAILABLE""#))
                    }
                }
                #expect(statuses == expected)
                let failures = expected.filter { $0 == 503 }.count
                let stats = harness.sandbox.stats()
                #expect(stats.faults == failures)
                #expect(stats.reads == 200 - failures)
                #expect(harness.api.handled == 200 - failures)
            }
        }
    }

    @Test func dropsAlternateBeforeAndAfterApplyingTheRequest() async throws {
        try await withServerHarness({ $0.dropRate = 1 }) { harness in
            let url = harness.url.appending(path: "api/test/counter")
            // A fresh session per request: curl retries a request once on a *reused* connection that dies.
            await #expect(throws: URLError.self) { try await ServerTestHarness.session().send("POST", url) }
            #expect(harness.api.handled == 0)
            #expect(harness.api.counter == 0)

            await #expect(throws: URLError.self) { try await ServerTestHarness.session().send("POST", url) }
            #expect(harness.api.handled == 1)
            #expect(harness.api.counter == 1)  // applied, yet the client only saw a dropped connection

            let raw = try RawSocketClient(port: harness.port)
            raw.write("POST /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(raw.readsEOF())
            #expect(harness.api.counter == 1)

            let stats = harness.sandbox.stats()
            #expect(stats.total == 3)
            #expect(stats.faults == 3)
            #expect(stats.mutations == 1)
            #expect(stats.writes == 0)
            #expect(stats.byRoute.isEmpty)
        }
    }

    @Test func scimThrottlesAre429WithRetryAfterAndEveryTenthIs500() async throws {
        try await withServerHarness({ $0.rateLimits = .realistic }, clock: Self.frozen) { harness in
            let client = try RawSocketClient(port: harness.port)
            var responses: [RawResponse] = []
            for _ in 0..<30 {
                client.write("POST /api/2.0/preview/scim/v2/Users HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
                responses.append(try #require(client.readResponse()))
            }
            let throttles = responses.dropFirst(10)
            #expect(responses.prefix(10).allSatisfy { $0.status == 404 })  // served by the API
            #expect(throttles.map(\.status) == Array(repeating: 429, count: 9) + [500] + Array(repeating: 429, count: 9) + [500])
            for response in throttles {
                #expect(response.bodyText.contains(#""error_code":"REQUEST_LIMIT_EXCEEDED""#))
                #expect(response.header("retry-after") == (response.status == 429 ? "1" : nil))
            }
            let stats = harness.sandbox.stats()
            #expect(stats.throttled == 20)
            #expect(stats.writes == 10)
            #expect(stats.total == 30)
        }
    }

    @Test func nonSCIMThrottlesAreAlways429() async throws {
        try await withServerHarness({ $0.rateLimits = .realistic }, clock: Self.frozen) { harness in
            let client = try RawSocketClient(port: harness.port)
            var statuses: [Int] = []
            for _ in 0..<60 {
                client.write("PATCH /api/2.0/permissions/clusters/c1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                statuses.append(try #require(client.readResponse()).status)
            }
            #expect(statuses.filter { $0 == 404 }.count == 30)
            #expect(statuses.filter { $0 == 429 }.count == 30)
        }
    }

    @Test(arguments: APIFamily.allCases)
    func eachFamilyServesItsBurstThenThrottles(family: APIFamily) async throws {
        let (method, path) = Self.sample[family]!
        #expect(APIFamily.classify(method: method, path: path) == family)
        try await withServerHarness({ $0.rateLimits = .realistic }, clock: Self.frozen) { harness in
            let client = try RawSocketClient(port: harness.port)
            let burst = Int(family.burst)
            var served = 0
            for _ in 0..<(burst + 5) {
                client.write("\(method) \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                let status = try #require(client.readResponse()).status
                if status != 429 && status != 500 { served += 1 }
            }
            #expect(served == burst)
        }
    }

    static let sample: [APIFamily: (String, String)] = [
        .scimReads: ("GET", "/api/2.0/preview/scim/v2/Users"),
        .scimWrites: ("PATCH", "/api/2.0/preview/scim/v2/Groups/123"),
        .permissionsReads: ("GET", "/api/2.0/permissions/clusters/abc"),
        .permissionsWrites: ("PUT", "/api/2.0/permissions/directories/42"),
        .sqlStatements: ("POST", "/api/2.0/sql/statements"),
        .lookups: ("GET", "/api/2.1/clusters/list"),
        .unityCatalog: ("PATCH", "/api/2.1/unity-catalog/permissions/catalog/main"),
        .accountSCIMReads: ("GET", "/api/2.0/accounts/acc-1/scim/v2/Groups"),
        .accountSCIMWrites: ("POST", "/api/2.0/accounts/acc-1/scim/v2/Users"),
        .accountSCIMPatches: ("PATCH", "/api/2.0/accounts/acc-1/scim/v2/Groups/9"),
    ]

    @Test func unlimitedPathsAndControlEndpointsAreNeverThrottledOrFaulted() async throws {
        try await withServerHarness({ $0.rateLimits = .realistic; $0.errorRate = 1 }, clock: Self.frozen) { harness in
            let client = try RawSocketClient(port: harness.port)
            for _ in 0..<30 {
                client.write("POST /oidc/v1/token HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                #expect(client.readResponse()?.status == 503)  // faulted by errorRate, never 429
                client.write("GET /sandbox/stats HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(client.readResponse()?.status == 200)
            }
            let stats = harness.sandbox.stats()
            #expect(stats.throttled == 0)
            #expect(stats.total == 30)
            #expect(stats.faults == 30)
        }
    }

    @Test func bucketsRefillWithTheClock() {
        let now = LockedState(0.0)
        var configuration = SandboxConfiguration()
        configuration.rateLimits = .realistic
        let injector = FaultInjector(configuration: configuration, clock: SandboxClock { now.withLock { $0 } })
        func takeAll() -> Int {
            var served = 0
            while injector.decide(method: "PATCH", path: "/api/2.0/accounts/a/scim/v2/Groups/1") == .serve { served += 1 }
            return served
        }
        #expect(takeAll() == 2)
        now.withLock { $0 += 0.5 }
        #expect(takeAll() == 1)
        now.withLock { $0 += 0.25 }
        #expect(
            injector.decide(method: "PATCH", path: "/api/2.0/accounts/a/scim/v2/Groups/1")
                == .throttle(.accountSCIMPatches, retryAfterSeconds: 1, asInternalError: false))
        now.withLock { $0 += 100 }
        #expect(takeAll() == 2)  // never more than the burst
    }

    @Test func retryAfterRoundsTheWaitUpToWholeSeconds() {
        var bucket = TokenBucket(rate: 0.25, capacity: 1, now: 0)
        #expect(bucket.take(now: 0) == .granted)
        #expect(bucket.take(now: 1) == .denied(waitSeconds: 3))
        var configuration = SandboxConfiguration()
        configuration.rateLimits = .realistic
        let injector = FaultInjector(configuration: configuration, clock: FaultInjectionTests.frozen)
        for _ in 0..<20 { _ = injector.decide(method: "GET", path: "/api/2.0/sql/warehouses") }
        #expect(
            injector.decide(method: "GET", path: "/api/2.0/sql/warehouses")
                == .throttle(.lookups, retryAfterSeconds: 1, asInternalError: false))
    }
}

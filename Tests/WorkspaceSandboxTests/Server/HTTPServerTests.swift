import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import WorkspaceSandbox

/// The HTTP/1.1 layer over real loopback sockets: URLSession where it can, a raw client where it cannot.
struct HTTPServerTests {
    @Test func urlSessionGetsDecodedPathQueryAndHeaders() async throws {
        try await withServerHarness { harness in
            let url = URL(string: "\(harness.url)/api/test/%65cho?a=x+y&b=%2Fc%3D&a=2&flag")!
            let (status, headers, body) = try await ServerTestHarness.session().send(
                "GET", url, headers: ["X-MiXeD-Case": "  value: with colon  "])
            #expect(status == 200)
            #expect(headers["Content-Length"] as? String == "\(body.count)")
            let echo = try JSONDecoder().decode(Echo.self, from: body)
            #expect(echo.path == "/api/test/echo")
            #expect(echo.query == [["a", "x y"], ["b", "/c="], ["a", "2"], ["flag", ""]])
            #expect(echo.headers["x-mixed-case"] == "value: with colon")
            #expect(echo.headers["host"] == "127.0.0.1:\(harness.port)")
        }
    }

    @Test func urlSessionReusesOneKeepAliveConnection() async throws {
        try await withServerHarness { harness in
            let session = ServerTestHarness.session()
            for _ in 0..<20 {
                let (status, _, _) = try await session.send("POST", harness.url.appending(path: "api/test/counter"))
                #expect(status == 201)
            }
            #expect(harness.api.counter == 20)
            #expect(harness.sandbox.server.counters.accepted == 1)
        }
    }

    @Test func contentLengthIsExactAndSingle() async throws {
        try await withServerHarness { harness in
            let client = try RawSocketClient(port: harness.port)
            for size in [0, 1, 65_537, 3_000_000] {
                client.write("GET /api/test/big?bytes=\(size) HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try #require(client.readResponse())
                #expect(response.status == 200)
                #expect(response.headerCount("content-length") == 1)
                #expect(response.header("content-length") == "\(size)")
                #expect(response.body.count == size)
                #expect(response.body.last == (size == 0 ? nil : UInt8((size - 1) % 251)))
                #expect(response.header("date")?.hasSuffix(" GMT") == true)
            }
        }
    }

    @Test func noContentHasNoLengthAndNoBodyAndKeepsTheConnection() async throws {
        try await withServerHarness { harness in
            let client = try RawSocketClient(port: harness.port)
            client.write("DELETE /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\nGET /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n")
            let deleted = try #require(client.readResponse())
            #expect(deleted.status == 204)
            #expect(deleted.header("content-length") == nil)
            #expect(deleted.body.isEmpty)
            // Had the 204 carried the API's "{}", it would be read as the start of the next response.
            let next = try #require(client.readResponse())
            #expect(next.status == 200)
            #expect(next.bodyText == #"{"value":0}"#)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServerHarness { harness in
            let client = try RawSocketClient(port: harness.port)
            let body = String(repeating: "z", count: 1000)
            client.write(
                "POST /api/test/counter HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                    + "POST /api/test/body HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                    + "POST /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n")
            let responses = (0..<4).compactMap { _ in client.readResponse() }
            #expect(responses.map(\.status) == [201, 200, 201, 200])
            #expect(responses[1].bodyText.contains(#""bytes":"1000""#))
            #expect(responses[3].bodyText == #"{"value":2}"#)
        }
    }

    @Test func largeBodyArrivesWhole() async throws {
        try await withServerHarness { harness in
            let body = (0..<5_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let expected = body.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) }
            let (status, _, data) = try await ServerTestHarness.session().send(
                "POST", harness.url.appending(path: "api/test/body"), body: Data(body),
                headers: ["Content-Type": "application/octet-stream"])
            #expect(status == 200)
            let answer = try JSONDecoder().decode([String: String].self, from: data)
            #expect(answer == ["bytes": "5000000", "checksum": "\(expected)"])
        }
    }

    @Test func requestSplitAcrossManySmallWritesIsFramed() async throws {
        try await withServerHarness { harness in
            let client = try RawSocketClient(port: harness.port)
            let body = Array(repeating: UInt8(ascii: "q"), count: 300_000)
            let request = Array("POST /api/test/body HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
            var offset = 0
            var step = 1
            while offset < request.count {
                let end = min(request.count, offset + step)
                client.write(Array(request[offset..<end]))
                offset = end
                step = min(step * 3, 40_000)
            }
            let response = try #require(client.readResponse())
            #expect(response.status == 200)
            #expect(response.bodyText.contains(#""bytes":"300000""#))
        }
    }

    @Test func expectContinueGetsAnInterimAnswerBeforeTheBody() async throws {
        try await withServerHarness { harness in
            let client = try RawSocketClient(port: harness.port)
            client.write("POST /api/test/body HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            #expect(client.readResponse()?.status == 100)
            client.write("abcd")
            let response = try #require(client.readResponse())
            #expect(response.status == 200)
            #expect(response.bodyText.contains(#""bytes":"4""#))
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        let limits = HTTPLimits(maxHeadBytes: 4096, maxBodyBytes: 1024, idleTimeoutSeconds: 1)
        try await withServerHarness(limits: limits) { harness in
            let client = try RawSocketClient(port: harness.port)
            client.write("GET /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            #expect(client.readsEOF())  // after about a second of silence, well within the client's 10 s
            #expect(harness.sandbox.server.counters.open == 0)
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServerHarness { harness in
            let client = try RawSocketClient(port: harness.port)
            client.write("GET /api/test/counter HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try #require(client.readResponse())
            #expect(response.status == 200)
            #expect(response.header("connection") == "close")
            #expect(client.readsEOF())
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
        try await withServerHarness { harness in
            let plain = try RawSocketClient(port: harness.port)
            plain.write("GET /api/test/counter HTTP/1.0\r\n\r\n")
            #expect(plain.readResponse()?.status == 200)
            #expect(plain.readsEOF())

            let kept = try RawSocketClient(port: harness.port)
            kept.write("GET /api/test/counter HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(kept.readResponse()?.header("connection") == "keep-alive")
            kept.write("GET /api/test/counter HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(kept.readResponse()?.status == 200)
        }
    }

    /// A request the server must refuse, named for the test report.
    struct Malformed: CustomTestStringConvertible, Sendable {
        var name: String
        var request: String
        var status: Int
        var testDescription: String { "\(name) -> \(status)" }
    }

    static let malformed = [
        Malformed(name: "garbage request line", request: "GARBAGE\r\n\r\n", status: 400),
        Malformed(name: "HTTP/2.0", request: "GET /x HTTP/2.0\r\n\r\n", status: 505),
        Malformed(name: "header without colon", request: "GET /x HTTP/1.1\r\nNo colon here\r\n\r\n", status: 400),
        Malformed(name: "negative length", request: "POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n", status: 400),
        Malformed(
            name: "conflicting lengths", request: "POST /x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            status: 400),
        Malformed(
            name: "chunked body", request: "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
            status: 411),
        Malformed(name: "body over the cap", request: "POST /x HTTP/1.1\r\nContent-Length: 2000\r\n\r\n", status: 413),
        Malformed(
            name: "head over the cap",
            request: "GET /x HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 5000))\r\n\r\n", status: 431),
        Malformed(
            name: "unterminated head over the cap",
            request: "GET /x HTTP/1.1\r\nX-Endless: \(String(repeating: "a", count: 5000))", status: 431),
    ]

    @Test(arguments: malformed)
    func malformedRequestsAreRejectedAndClosed(_ malformed: Malformed) async throws {
        let small = HTTPLimits(maxHeadBytes: 4096, maxBodyBytes: 1024, idleTimeoutSeconds: 5)
        try await withServerHarness(limits: small) { harness in
            let client = try RawSocketClient(port: harness.port)
            client.write(malformed.request)
            let response = try #require(client.readResponse())
            #expect(response.status == malformed.status)
            #expect(response.header("connection") == "close")
            #expect(response.bodyText.contains("\"error_code\""))
            #expect(client.readsEOF())
            #expect(harness.api.handled == 0)
        }
    }

    @Test func sixtyFourConnectionsAreServedAtOnce() async throws {
        try await withServerHarness { harness in
            // Each request waits in the API until all 64 are inside it: only concurrent service answers 200.
            let clients = try (0..<64).map { _ in try RawSocketClient(port: harness.port) }
            for client in clients { client.write("GET /api/test/barrier?n=64 HTTP/1.1\r\nHost: x\r\n\r\n") }
            let statuses = clients.map { $0.readResponse()?.status }
            #expect(statuses == Array(repeating: 200, count: 64))
            #expect(harness.sandbox.server.counters.open == 64)
            #expect(harness.sandbox.stats().count("GET /api/test/barrier") == 64)
        }
    }

    @Test func connectionsBeyondTheLimitAreAnswered503() async throws {
        let limits = HTTPLimits(maxHeadBytes: 4096, maxBodyBytes: 1024, idleTimeoutSeconds: 5, maxConnections: 2)
        try await withServerHarness(limits: limits) { harness in
            let first = try RawSocketClient(port: harness.port)
            let second = try RawSocketClient(port: harness.port)
            for client in [first, second] {
                client.write("GET /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(client.readResponse()?.status == 200)
            }
            let third = try RawSocketClient(port: harness.port)
            let refused = try #require(third.readResponse())
            #expect(refused.status == 503)
            #expect(refused.header("connection") == "close")
            #expect(third.readsEOF())
            #expect(harness.api.handled == 2)
        }
    }

    @Test func basicChallengeIsNeverSent() async throws {
        try await withServerHarness { harness in
            let (status, headers, _) = try await ServerTestHarness.session().send(
                "GET", harness.url.appending(path: "api/test/unauthorized"))
            #expect(status == 401)
            #expect(headers["Www-Authenticate"] == nil && headers["WWW-Authenticate"] == nil)
        }
    }

    @Test func stopEndsConnectionsJoinsThreadsAndFreesThePort() async throws {
        let sandbox = Sandbox(configuration: SandboxConfiguration(), api: RecordingAPI())
        let url = try sandbox.start()
        #expect(try sandbox.start() == url)
        let idle = try RawSocketClient(port: url.port!)
        idle.write("GET /api/test/counter HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(idle.readResponse()?.status == 200)
        #expect(sandbox.server.counters.threads == 2)

        sandbox.stop()
        #expect(idle.readsEOF())
        #expect(sandbox.server.counters == (accepted: 1, open: 0, threads: 0))
        #expect(sandbox.baseURL == nil)
        #expect(throws: RawSocketClientError.self) { try RawSocketClient(port: url.port!) }
        #expect(throws: SandboxServerError.stopped) { try sandbox.start() }

        var configuration = SandboxConfiguration()
        configuration.port = url.port!
        let again = Sandbox(configuration: configuration, api: RecordingAPI())
        #expect(try again.start() == url)
        again.stop()
    }

    @Test func busyPortIsAnErrorThatSaysSo() throws {
        let first = Sandbox(configuration: SandboxConfiguration(), api: RecordingAPI())
        let url = try first.start()
        defer { first.stop() }
        var configuration = SandboxConfiguration()
        configuration.port = url.port!
        let second = Sandbox(configuration: configuration, api: RecordingAPI())
        let error = #expect(throws: SandboxServerError.self) { try second.start() }
        #expect(error?.description.contains("--port 0") == true)
    }
}

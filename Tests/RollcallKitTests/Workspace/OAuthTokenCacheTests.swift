import Foundation
import Testing

@testable import RollcallKit

/// A token endpoint that counts its calls and hands out numbered tokens.
private actor TokenEndpointStub {
    var calls = 0
    var authorizations: [String] = []
    var bodies: [String] = []

    func answer(_ request: HTTPRequest) async -> HTTPResponse {
        calls += 1
        authorizations.append(request.headers["Authorization"] ?? "")
        bodies.append(String(decoding: request.body ?? Data(), as: UTF8.self))
        try? await Task.sleep(nanoseconds: 20_000_000)
        let body = #"{"access_token":"tok-\#(calls)","token_type":"Bearer","expires_in":100}"#
        return HTTPResponse(status: 200, body: Data(body.utf8))
    }
}

private struct StubTransport: HTTPTransport {
    let stub: TokenEndpointStub
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse { await stub.answer(request) }
}

private final class FakeTime: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0.0
    var now: Double { lock.withLock { value } }
    func advance(_ seconds: Double) { lock.withLock { value += seconds } }
}

struct OAuthTokenCacheTests {
    static let client = OAuthClient(
        clientID: "cid", clientIDSource: .environment("DATABRICKS_CLIENT_ID"), secret: AccessToken("s3cret-value"),
        secretSource: .environment("DATABRICKS_CLIENT_SECRET"))

    @Test func concurrentCallersShareOneFetchAndRefreshHappensBeforeExpiry() async throws {
        let stub = TokenEndpointStub()
        let time = FakeTime()
        let cache = OAuthTokenCache(
            endpoint: .workspace(try WorkspaceHost("http://127.0.0.1:1")), client: Self.client,
            transport: StubTransport(stub: stub), now: { time.now })
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.token().secret } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(tokens == ["tok-1"])
        #expect(await stub.calls == 1)
        #expect(await stub.bodies.first == "grant_type=client_credentials&scope=all-apis")
        let expected = "Basic " + Data("cid:s3cret-value".utf8).base64EncodedString()
        #expect(await stub.authorizations.first == expected)

        time.advance(79)  // expires_in 100: refreshed from 80 s on (20 % margin, at most 60 s)
        #expect(try await cache.token().secret == "tok-1")
        time.advance(2)
        #expect(try await cache.token().secret == "tok-2")
        #expect(cache.learned.all.contains("tok-2"))
    }

    @Test func invalidateDropsOnlyTheTokenThatFailed() async throws {
        let stub = TokenEndpointStub()
        let cache = OAuthTokenCache(
            endpoint: .workspace(try WorkspaceHost("http://127.0.0.1:1")), client: Self.client,
            transport: StubTransport(stub: stub))
        let first = try await cache.token()
        await cache.invalidate(AccessToken("some-older-token"))
        #expect(try await cache.token() == first)
        await cache.invalidate(first)
        #expect(try await cache.token().secret == "tok-2")
    }
}

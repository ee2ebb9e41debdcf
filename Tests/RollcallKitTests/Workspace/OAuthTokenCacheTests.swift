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

/// Hands out `first`, then `second` after an invalidation, counting refreshes.
private actor TwoTokens {
    var invalidated = 0
    var current = "Bearer first"
    func header() -> String { current }
    func refresh(_ failed: String) -> Bool {
        invalidated += 1
        if failed == current { current = "Bearer second" }
        return true
    }
}

private struct TwoTokenAuthenticator: Authenticator {
    let tokens: TwoTokens
    var authType: String { "oauth-m2m" }
    var secrets: [String] { [] }
    func authorizationHeader() async throws(WorkspaceError) -> String { await tokens.header() }
    func refreshAfterUnauthorized(_ header: String) async -> Bool { await tokens.refresh(header) }
}

struct UnauthorizedRefreshTests {
    @Test func a401FetchesAFreshTokenOnceAndResends() async throws {
        let unauthorized = #"{"error_code":"UNAUTHENTICATED","message":"Token is expired."}"#
        let transport = ScriptedTransport([.respond(401, unauthorized), .respond(200, #"{"id":"1","userName":"a@b.c"}"#)])
        let tokens = TwoTokens()
        let client = WorkspaceClient(
            host: try WorkspaceHost("https://adb-1.example.net"), authenticator: TwoTokenAuthenticator(tokens: tokens),
            transport: transport, configuration: WorkspaceClientConfiguration(version: "9.9.9", pacing: .unpaced),
            clock: ManualClock(), random: { 0 })
        let identity = try await client.currentIdentity()
        #expect(identity.user.userName == "a@b.c")
        #expect(transport.requests.map { $0.headers["Authorization"] } == ["Bearer first", "Bearer second"])
        #expect(await tokens.invalidated == 1)
    }

    @Test func aSecond401IsFinal() async throws {
        let unauthorized = #"{"error_code":"UNAUTHENTICATED","message":"Token is expired."}"#
        let transport = ScriptedTransport([.respond(401, unauthorized), .respond(401, unauthorized), .respond(200, "{}")])
        let client = WorkspaceClient(
            host: try WorkspaceHost("https://adb-1.example.net"), authenticator: TwoTokenAuthenticator(tokens: TwoTokens()),
            transport: transport, configuration: WorkspaceClientConfiguration(version: "9.9.9", pacing: .unpaced),
            clock: ManualClock(), random: { 0 })
        await #expect(throws: WorkspaceError.self) { try await client.currentIdentity() }
        #expect(transport.requests.count == 2)
    }
}

import Testing
@testable import WorkspaceSandbox

/// Parsing of request heads and targets, without sockets.
struct HTTPRequestHeadTests {
    private func parse(_ text: String) throws(HTTPRejection) -> HTTPRequestHead {
        try HTTPRequestHead.parse(Array(text.utf8)[...], limits: .standard)
    }

    @Test func splitsHeadersOnTheFirstColonAndLowercasesNames() throws {
        let head = try parse("GET /a HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-Thing:\tv:w \r\nx-thing: last\r\n\r\n")
        #expect(head.headers["host"] == "127.0.0.1:8080")
        #expect(head.headers["x-thing"] == "last")
        #expect(head.contentLength == 0)
    }

    @Test func decodesPathAndQuery() throws {
        let head = try parse("GET /api/caf%C3%A9/a+b/%zz/%4?q=a+b%26c&empty=&flag&=v HTTP/1.1\r\n\r\n")
        #expect(head.rawPath == "/api/caf%C3%A9/a+b/%zz/%4")
        #expect(head.path == "/api/café/a+b/%zz/%4")
        #expect(head.query.map(\.name) == ["q", "empty", "flag", ""])
        #expect(head.query.map(\.value) == ["a b&c", "", "", "v"])
    }

    @Test func acceptsAbsoluteFormTargets() throws {
        #expect(try parse("GET http://127.0.0.1:9/x/y?z=1 HTTP/1.1\r\n\r\n").path == "/x/y")
        #expect(try parse("GET http://127.0.0.1:9 HTTP/1.1\r\n\r\n").path == "/")
    }

    @Test(arguments: [
        ("HTTP/1.1", "", true), ("HTTP/1.1", "close", false), ("HTTP/1.1", "Keep-Alive, Close", false),
        ("HTTP/1.0", "", false), ("HTTP/1.0", "keep-alive", true),
    ])
    func keepAliveFollowsVersionAndConnectionHeader(version: String, connection: String, keepAlive: Bool) throws {
        let header = connection.isEmpty ? "" : "Connection: \(connection)\r\n"
        #expect(try parse("GET / \(version)\r\n\(header)\r\n").keepAlive == keepAlive)
    }

    @Test func expectContinueIsRecognised() throws {
        #expect(try parse("POST / HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n").expectsContinue)
    }
}

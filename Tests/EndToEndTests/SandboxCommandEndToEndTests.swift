import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `rollcall sandbox` as a user runs it: it prints host and token, serves the API, and on Ctrl-C
/// stops cleanly and saves its state, which the next start loads.
struct SandboxCommandEndToEndTests {
    /// A port that was free a moment ago (bind to 0, read it back, close).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// GETs `path` until the server answers (it may still be starting).
    static func get(_ url: URL, token: String?) async throws -> (Int, Data) {
        var request = URLRequest(url: url)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for _ in 0..<100 {
            if let (data, response) = try? await URLSession.shared.data(for: request) {
                return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError.status(0, "nothing answered at \(url)")
    }

    @Test func servesPrintsHostAndTokenAndSavesStateOnCtrlC() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let statePath = directory.url.appendingPathComponent("state.json").path
        let port = try Self.freePort()
        let base = URL(string: "http://127.0.0.1:\(port)")!
        let arguments = ["sandbox", "--port", "\(port)", "--token", "t0ken", "--state", statePath]

        let first = try RollcallProcess.start(arguments, timeout: 60)
        let (status, body) = try await Self.get(base.appendingPathComponent("api/2.0/preview/scim/v2/Me"), token: "t0ken")
        #expect(status == 200 && String(decoding: body, as: UTF8.self).contains("workshop-admin@example.com"))
        var create = URLRequest(url: base.appendingPathComponent("api/2.0/preview/scim/v2/Users"))
        create.httpMethod = "POST"
        create.setValue("Bearer t0ken", forHTTPHeaderField: "Authorization")
        create.setValue("application/scim+json", forHTTPHeaderField: "Content-Type")
        create.httpBody = Data(#"{"userName":"Kept@Example.org"}"#.utf8)
        let (_, created) = try await URLSession.shared.data(for: create)
        #expect((created as? HTTPURLResponse)?.statusCode == 201)
        #expect(try await Self.get(base.appendingPathComponent("api/2.0/preview/scim/v2/Me"), token: "wrong").0 == 403)

        first.send(signal: SIGINT)
        let result = first.wait()
        #expect(result.exitCode == 0 && !result.signaled)
        #expect(result.stdout.contains("DATABRICKS_HOST=http://127.0.0.1:\(port)\n"))
        #expect(result.stdout.contains("DATABRICKS_TOKEN=t0ken\n"))
        #expect(FileManager.default.fileExists(atPath: statePath))

        // The saved state comes back on the next start.
        let second = try RollcallProcess.start(arguments, timeout: 60)
        let (_, found) = try await Self.get(
            URL(string: "\(base.absoluteString)/api/2.0/preview/scim/v2/Users?filter=userName%20eq%20%22kept@example.org%22")!,
            token: "t0ken")
        #expect(String(decoding: found, as: UTF8.self).contains(#""totalResults":1"#))
        second.send(signal: SIGTERM)
        #expect(second.wait().exitCode == 0)
    }
}

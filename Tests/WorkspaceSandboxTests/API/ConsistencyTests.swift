import Foundation
import Testing
@testable import WorkspaceSandbox

/// Atomicity, stale reads, persistence and reset.
struct ConsistencyTests {
    @Test func concurrentDuplicateCreatesYieldOne201() {
        let client = APITestClient()
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 100) { _ in
            statuses.add(client.post("\(Paths.scim)/Users", ["userName": "Same@Example.com"]).status)
        }
        #expect(statuses.values.filter { $0 == 201 }.count == 1)
        #expect(statuses.values.filter { $0 == 409 }.count == 99)
    }

    @Test func staleReadsServeThePreviousVersionWithinTheWindow() {
        let client = APITestClient {
            $0.staleReadsMilliseconds = 400
            $0.seed = 7
        }
        let id = client.post("\(Paths.scim)/Groups", ["displayName": "before"]).string["id"]!
        Thread.sleep(forTimeInterval: 0.45)
        _ = client.patch("\(Paths.scim)/Groups/\(id)", ["Operations": [["op": "replace", "path": "displayName", "value": "after"]]])
        let reads = (0..<40).map { _ in client.get("\(Paths.scim)/Groups/\(id)").string["displayName"] ?? "" }
        #expect(reads.contains("before"))
        #expect(reads.contains("after"))
        Thread.sleep(forTimeInterval: 0.45)
        #expect((0..<20).allSatisfy { _ in client.get("\(Paths.scim)/Groups/\(id)").string["displayName"] == "after" })
    }

    @Test func staleReadOfANewObjectCanBe404() {
        let client = APITestClient { $0.staleReadsMilliseconds = 2_000 }
        let id = client.post("\(Paths.scim)/Users", ["userName": "fresh@x.com"]).string["id"]!
        let statuses = Set((0..<40).map { _ in client.get("\(Paths.scim)/Users/\(id)").status })
        #expect(statuses == [200, 404])
    }

    @Test func staleListsMayMissANewObject() {
        let client = APITestClient { $0.staleReadsMilliseconds = 2_000 }
        _ = client.post("\(Paths.scim)/Users", ["userName": "fresh@x.com"])
        let filter = "\(Paths.scim)/Users?filter=\(Paths.query("userName eq \"fresh@x.com\""))"
        let counts = Set((0..<40).map { _ in client.get(filter)["totalResults"] as? Int ?? -1 })
        #expect(counts == [0, 1])
    }

    @Test func noStaleReadsByDefault() {
        let client = APITestClient()
        let id = client.post("\(Paths.scim)/Users", ["userName": "fresh@x.com"]).string["id"]!
        #expect((0..<20).allSatisfy { _ in client.get("\(Paths.scim)/Users/\(id)").status == 200 })
    }

    @Test func saveAndLoadRoundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = APITestClient { $0.stateFile = path }
        let id = first.post("\(Paths.scim)/Users", ["userName": "kept@x.com"]).string["id"]!
        try first.api.save(to: path)
        let second = APITestClient { $0.stateFile = path }
        #expect(second.get("\(Paths.scim)/Users/\(id)").string["userName"] == "kept@x.com")
        #expect(second.state == first.state)
    }

    @Test func resetRestoresTheSeed() {
        let client = APITestClient()
        let seed = client.state
        _ = client.post("\(Paths.scim)/Users", ["userName": "temp@x.com"])
        #expect(client.state != seed)
        client.api.reset()
        #expect(client.state == seed)
    }

    @Test func stateDumpIsJSONWithTheSeed() {
        let json = (try? JSONSerialization.jsonObject(with: Data(APITestClient().api.stateJSON()))) as? [String: Any]
        let users = json?["users"] as? [[String: Any]]
        #expect(users?.first?["userName"] as? String == SeedState.adminUserName)
        #expect((json?["catalogs"] as? [String]) == [SeedState.catalogName])
    }
}

/// Collects statuses from concurrent calls.
final class Statuses: @unchecked Sendable {
    // @unchecked: `all` is guarded by `lock`.
    private let lock = NSLock()
    private var all: [Int] = []

    func add(_ status: Int) {
        lock.lock()
        all.append(status)
        lock.unlock()
    }

    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return all
    }
}

import Foundation
import RollcallKit
import WorkspaceSandbox

/// A ``SandboxFixture`` with a scratch directory for rosters and results, the `rollcall` runs
/// pointed at it, and the reads and arrangements the offboard, retry and interrupt tests share.
final class SandboxWorkspace {
    let fixture: SandboxFixture
    let directory: TemporaryDirectory

    init(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) throws {
        fixture = try SandboxFixture(configure)
        directory = try TemporaryDirectory()
    }

    deinit { directory.remove() }

    var sandbox: Sandbox { fixture.sandbox }
    var url: URL { fixture.url }
    var token: String { fixture.token }

    func path(_ name: String) -> String { directory.url.appendingPathComponent(name).path }

    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> RollcallProcess.Result {
        try start(arguments, timeout: timeout).wait()
    }

    func start(_ arguments: [String], timeout: TimeInterval = 120) throws -> RunningRollcall {
        try RollcallProcess.start(
            arguments, environment: fixture.environment(home: directory.url), currentDirectory: directory.url,
            timeout: timeout)
    }

    /// Lower-cased user names of every workspace user, as SCIM lists them.
    func userNames() async throws -> Set<String> {
        Set(try await fixture.users().keys.map { $0.lowercased() })
    }

    /// `/sandbox/state` (not counted in the stats).
    func state() async throws -> [String: Any] {
        try await fixture.get("sandbox/state")
    }

    /// Principal names holding an entry in each ACL of the state, per object key (`clusters/ID`).
    func aclPrincipals() async throws -> [String: Set<String>] {
        let acls = try await state()["acls"] as? [String: [[String: Any]]] ?? [:]
        return acls.mapValues { entries in
            Set(entries.compactMap { ($0["principal"] as? [String: Any])?["name"] as? String })
        }
    }

    /// Unity Catalog grantees per securable key (`catalog/NAME`).
    func grantees() async throws -> [String: Set<String>] {
        let grants = try await state()["grants"] as? [String: [[String: Any]]] ?? [:]
        return grants.mapValues { Set($0.compactMap { $0["principal"] as? String }) }
    }

    /// Creates a user directly through SCIM and returns its id.
    @discardableResult
    func createUser(_ userName: String) async throws -> String {
        let body: [String: Any] = ["schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": userName]
        return try await fixture.send("POST", "api/2.0/preview/scim/v2/Users", body: body)["id"] as! String
    }

    func addMember(_ userID: String, toGroup groupID: String) async throws {
        let body: [String: Any] = [
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [["op": "add", "path": "members", "value": [["value": userID]]]],
        ]
        _ = try await fixture.send("PATCH", "api/2.0/preview/scim/v2/Groups/\(groupID)", body: body)
    }
}

/// A results CSV read back the way a spreadsheet would: header names to cells, per row.
struct ResultsFile {
    var header: [String]
    var rows: [[String: String]]

    init(path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let records = try CSVReader(delimiter: UInt8(ascii: ",")).records(bytes: bytes).records
        header = records.first?.fields ?? []
        let names = header
        rows = records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(names, record.fields + Array(repeating: "", count: max(0, names.count - record.fields.count))))
        }
    }

    func emails(where predicate: ([String: String]) -> Bool) -> Set<String> {
        Set(rows.filter(predicate).compactMap { $0["email"] })
    }
}

/// A roster of `count` rows, `email` `p<i>@<domain>`, alternating over `groups`.
func makeRoster(count: Int, groups: [String], domain: String = "example.org", extra: [String] = []) -> String {
    var text = "email,name,group\r\n"
    for index in 0..<count {
        text += "p\(index)@\(domain),Person \(index),\(groups[index % groups.count])\r\n"
    }
    for line in extra { text += line + "\r\n" }
    return text
}

import Foundation
import RollcallKit
import WorkspaceSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A sandbox started in the test process on an ephemeral loopback port, plus what a test needs
/// around it: the environment that points `rollcall` at it, a scratch directory, and reads of its
/// state through the Databricks API (what a user would see) or `/sandbox/state`.
final class SandboxWorkspace: @unchecked Sendable {
    let sandbox: Sandbox
    let url: URL
    let directory: TemporaryDirectory
    let token: String

    init(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) throws {
        var configuration = SandboxConfiguration()
        configure(&configuration)
        sandbox = Sandbox(configuration: configuration)
        url = try sandbox.start()
        directory = try TemporaryDirectory()
        token = configuration.token
    }

    deinit {
        sandbox.stop()
        directory.remove()
    }

    /// Credentials through the environment only; HOME is the scratch directory, so no
    /// `~/.databrickscfg` of the machine can interfere.
    var environment: [String: String] {
        ["DATABRICKS_HOST": url.absoluteString, "DATABRICKS_TOKEN": token, "HOME": directory.url.path]
    }

    func path(_ name: String) -> String { directory.url.appendingPathComponent(name).path }

    func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> RollcallProcess.Result {
        try RollcallProcess.run(arguments, environment: environment, currentDirectory: directory.url, timeout: timeout)
    }

    func start(_ arguments: [String], timeout: TimeInterval = 120) throws -> RunningRollcall {
        try RollcallProcess.start(arguments, environment: environment, currentDirectory: directory.url, timeout: timeout)
    }

    // MARK: Reading the workspace

    /// Lower-cased user names of every workspace user (SCIM listing, as the workspace sees them).
    func userNames() throws -> Set<String> {
        let page = try json("GET", "/api/2.0/preview/scim/v2/Users?attributes=id,userName&count=10000")
        let resources = page["Resources"] as? [[String: Any]] ?? []
        return Set(resources.compactMap { ($0["userName"] as? String)?.lowercased() })
    }

    /// A workspace group by name with its member ids, or nil when the workspace has none.
    func group(_ name: String) throws -> (id: String, memberIDs: Set<String>, entitlements: Set<String>)? {
        let filter = "displayName eq \"\(name)\"".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let page = try json("GET", "/api/2.0/preview/scim/v2/Groups?filter=\(filter)")
        guard let group = (page["Resources"] as? [[String: Any]])?.first, let id = group["id"] as? String else {
            return nil
        }
        let members = (group["members"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        let entitlements = (group["entitlements"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        return (id, Set(members), Set(entitlements))
    }

    /// `/sandbox/state` (not counted in the stats).
    func state() throws -> [String: Any] {
        try json("GET", "/sandbox/state")
    }

    /// Principal names holding an entry in any ACL of the state, per object key.
    func aclPrincipals() throws -> [String: Set<String>] {
        let acls = try state()["acls"] as? [String: [[String: Any]]] ?? [:]
        return acls.mapValues { entries in
            Set(entries.compactMap { ($0["principal"] as? [String: Any])?["name"] as? String })
        }
    }

    /// Unity Catalog grantees per securable key (`catalog/name`).
    func grantees() throws -> [String: Set<String>] {
        let grants = try state()["grants"] as? [String: [[String: Any]]] ?? [:]
        return grants.mapValues { Set($0.compactMap { $0["principal"] as? String }) }
    }

    // MARK: Arranging the workspace

    /// Creates a user directly through SCIM and returns its id.
    @discardableResult
    func createUser(_ userName: String) throws -> String {
        let body = ["schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": userName] as [String: Any]
        return try json("POST", "/api/2.0/preview/scim/v2/Users", body: body)["id"] as! String
    }

    func addMember(_ userID: String, toGroup groupID: String) throws {
        let body: [String: Any] = [
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [["op": "add", "path": "members", "value": [["value": userID]]]],
        ]
        _ = try json("PATCH", "/api/2.0/preview/scim/v2/Groups/\(groupID)", body: body)
    }

    /// Sends one request with the token and decodes a JSON object (empty for 204).
    func json(_ method: String, _ path: String, body: [String: Any]? = nil) throws -> [String: Any] {
        var request = URLRequest(url: URL(string: url.absoluteString + path)!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(data, (response as? HTTPURLResponse)?.statusCode, error)
            done.signal()
        }.resume()
        done.wait()
        let (data, status, error) = box.get()
        if let error { throw error }
        guard let status, (200..<300).contains(status) else {
            throw SandboxRequestError(description: "\(method) \(path) -> \(status ?? 0): \(String(decoding: data ?? Data(), as: UTF8.self))")
        }
        guard let data, !data.isEmpty else { return [:] }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

struct SandboxRequestError: Error, CustomStringConvertible {
    var description: String
}

private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, Int?, (any Error)?) = (nil, nil, nil)
    func set(_ data: Data?, _ status: Int?, _ error: (any Error)?) { lock.withLock { value = (data, status, error) } }
    func get() -> (Data?, Int?, (any Error)?) { lock.withLock { value } }
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

import Foundation

/// The Databricks side of the sandbox: SCIM, permissions, lookups, SQL statements, Unity Catalog,
/// account APIs and OAuth, answering with Databricks' real shapes (databricks-api.md).
///
/// Every request runs under one lock, so each is atomic: of 100 concurrent POSTs of one userName,
/// exactly one creates the user. The only wait outside the lock is a SQL statement's `wait_timeout`.
public final class WorkspaceAPI: SandboxAPI, @unchecked Sendable {
    // @unchecked: `engine` is read and written only while holding `lock`.
    private let lock = NSLock()
    private var engine: WorkspaceEngine
    private let routes: [RouteEntry]
    private let configuration: SandboxConfiguration

    /// Starts from `configuration.stateFile` when that file exists and reads back, else from the
    /// seed (DESIGN §7). An unreadable file is reported on stderr and left untouched.
    public convenience init(configuration: SandboxConfiguration) {
        var state = SeedState.state(for: configuration)
        if let path = configuration.stateFile, FileManager.default.fileExists(atPath: path) {
            do {
                state = try StateFile.load(from: path)
            } catch {
                FileHandle.standardError.write(Data("sandbox: cannot read state file \(path): \(error)\n".utf8))
            }
        }
        self.init(configuration: configuration, state: state)
    }

    init(configuration: SandboxConfiguration, state: WorkspaceState) {
        self.configuration = configuration
        self.engine = WorkspaceEngine(configuration: configuration, state: state)
        self.routes = RouteTable.entries
    }

    public func handle(_ request: SandboxRequest) -> APIResult {
        let now = Date()
        guard let (entry, params) = RouteTable.match(routes, request) else {
            let reply = APIError.endpointNotFound(request.method, request.path)
            return APIResult(response: decorate(reply.response, request.path), route: nil, mutated: false)
        }
        var reply: Reply = withLock {
            switch engine.authenticate(request, for: entry.audience, now: now) {
            case .failure(let failure):
                return failure.reply
            case .success(let caller):
                if let refused = engine.refusesNonAdmin(caller, method: request.method, path: request.path) {
                    return refused
                }
                let context = RequestContext(request: request, params: params, now: now, caller: caller)
                return entry.handler(&engine, context)
            }
        }
        if let wait = reply.statementWait {
            if wait.seconds > 0 { Thread.sleep(forTimeInterval: wait.seconds) }
            let finished = withLock { engine.finishWait(wait, now: Date()) }
            reply = Reply(response: finished.response, mutated: reply.mutated || finished.mutated)
        }
        return APIResult(response: decorate(reply.response, request.path), route: entry.route.key,
                         mutated: reply.mutated)
    }

    public func stateJSON() -> [UInt8] {
        withLock {
            _ = engine.advanceStatements(now: Date())
            return (try? StateFile.encode(engine.state)) ?? Array("{}".utf8)
        }
    }

    public func reset() {
        withLock { engine.reset() }
    }

    /// Writes the state as JSON to `path`, atomically (the form `--state FILE` loads).
    public func save(to path: String) throws {
        let bytes: [UInt8] = try withLock {
            _ = engine.advanceStatements(now: Date())
            return try StateFile.encode(engine.state)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Workspace responses carry the workspace id, as Databricks' do (issue 3; CLI-TS `Me`).
    private func decorate(_ response: SandboxResponse, _ path: String) -> SandboxResponse {
        guard !path.hasPrefix("/api/2.0/accounts/"), !path.hasPrefix("/oidc/accounts/") else { return response }
        var response = response
        response.headers.append(("X-Databricks-Org-Id", String(configuration.workspaceID)))
        return response
    }
}

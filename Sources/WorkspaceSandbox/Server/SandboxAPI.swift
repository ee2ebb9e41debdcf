/// The Databricks side of a sandbox: everything behind the HTTP server and its fault injection.
///
/// The server frames requests, injects faults and counts; an implementation of this protocol owns
/// the workspace state and answers with Databricks' real shapes. Calls arrive concurrently from
/// connection threads, so implementations keep their state behind one lock and make each request atomic.
public protocol SandboxAPI: Sendable {
    /// Answers one request (authentication included). Called on a connection thread; may block.
    func handle(_ request: SandboxRequest) -> APIResult
    /// The whole state as JSON, for `GET /sandbox/state`.
    func stateJSON() -> [UInt8]
    /// Restores the seed state, for `POST /sandbox/reset`.
    func reset()
}

/// Size and time bounds of the server, so one bad client cannot exhaust memory or hold threads forever.
struct HTTPLimits: Sendable {
    /// Request line plus headers; beyond it the answer is 431.
    var maxHeadBytes = 32 * 1024
    /// Request body; beyond it the answer is 413. SQL statements may be 16 MiB on Databricks.
    var maxBodyBytes = 32 * 1024 * 1024
    /// A connection with no request for this long is closed (clients reconnect transparently).
    var idleTimeoutSeconds = 60
    /// Open connections (one thread each); a connection beyond it is answered 503 and closed.
    var maxConnections = 1024

    static let standard = HTTPLimits()
}

/// The knobs of a ``WorkspaceClient`` that are not credentials.
public struct WorkspaceClientConfiguration: Sendable, Hashable {
    /// Rollcall's version, for the User-Agent.
    public var version: String
    public var retry: RetryPolicy
    public var pacing: PacingConfiguration

    public init(version: String, retry: RetryPolicy = RetryPolicy(), pacing: PacingConfiguration = PacingConfiguration()) {
        self.version = version
        self.retry = retry
        self.pacing = pacing
    }
}

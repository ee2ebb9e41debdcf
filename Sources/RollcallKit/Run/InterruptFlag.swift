import Foundation

/// Set once when the user presses Ctrl-C (or the process gets SIGTERM): running work finishes,
/// nothing new starts. Shared between the signal handler's task and the executor.
public final class InterruptFlag: @unchecked Sendable {
    /// Guards `raised`.
    private let lock = NSLock()
    private var raised = false

    public init() {}

    public var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    public func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }
}

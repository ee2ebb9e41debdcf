import Foundation

/// Running totals of the client's traffic, read by progress display while requests are in flight.
///
/// A class shared by every copy of the client; the counts sit behind `lock`.
public final class RequestCounters: @unchecked Sendable {
    /// What the counters held at one moment.
    public struct Snapshot: Sendable, Hashable {
        /// Attempts sent, retries included.
        public var requests: Int = 0
        /// Attempts that were repeats of a failed attempt.
        public var retries: Int = 0
        /// Answers that were 429 or `REQUEST_LIMIT_EXCEEDED`.
        public var throttles: Int = 0
        /// Attempts that got no answer (timeouts, dropped connections).
        public var transportFailures: Int = 0
        /// Attempts with a method other than GET.
        public var writes: Int = 0
    }

    private let lock = NSLock()
    private var counts = Snapshot()

    public init() {}

    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    func record(_ change: (inout Snapshot) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&counts)
    }
}

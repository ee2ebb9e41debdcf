import Foundation

/// A value behind an `NSLock`, shared between connection threads.
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 and the package supports macOS 13.
final class LockedState<Value>: @unchecked Sendable {
    // @unchecked: every access to `value` happens inside `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

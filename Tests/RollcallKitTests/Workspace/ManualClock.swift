import Foundation

@testable import RollcallKit

/// A clock that only moves when told to, or when someone sleeps: `sleep(until:)` jumps there,
/// so retry and pacing waits cost no real time and can be asserted exactly. Time sits behind `lock`.
final class ManualClock: PacingClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double
    private var sleeps: [Double] = []

    init(now: Double = 1000) { current = now }

    func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func sleep(until deadline: Double) async {
        advance(to: deadline)
    }

    private func advance(to deadline: Double) {
        lock.withLock {
            if deadline > current {
                sleeps.append(deadline - current)
                current = deadline
            }
        }
    }

    /// Every wait so far, in seconds.
    var waits: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return sleeps
    }
}

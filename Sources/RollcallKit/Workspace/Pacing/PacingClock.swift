/// Monotonic time in seconds and a way to wait for it; injected so pacing and retry arithmetic
/// can be tested without sleeping.
public protocol PacingClock: Sendable {
    /// Seconds since an arbitrary fixed point; never goes backwards.
    func now() -> Double
    /// Suspends until `now() >= deadline` (returns at once when the deadline has passed or the
    /// task is cancelled). Never busy-waits.
    func sleep(until deadline: Double) async
}

/// The real clock: `ContinuousClock`, so time keeps counting while the machine is busy.
public struct SystemPacingClock: PacingClock {
    private let origin: ContinuousClock.Instant

    public init() { origin = ContinuousClock.now }

    public func now() -> Double {
        let elapsed = ContinuousClock.now - origin
        let (seconds, attoseconds) = elapsed.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }

    public func sleep(until deadline: Double) async {
        let wait = deadline - now()
        guard wait > 0 else { return }
        try? await Task.sleep(for: .nanoseconds(Int64(wait * 1e9)))
    }
}

import Foundation

/// Monotonic seconds for the rate limiter; tests pass a frozen clock so that bucket counts are exact.
struct SandboxClock: Sendable {
    let now: @Sendable () -> Double

    static let monotonic = SandboxClock {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}

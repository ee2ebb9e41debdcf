/// When and how long to wait before sending a failed request again.
///
/// Delay before retry `n` (1-based): `max(backoff(n), Retry-After) + jitter`, where
/// `backoff(n) = min(maximumBackoff, base · 2^(n-1))` and `jitter` is uniform in `[0, maximumJitter)`.
/// - Taking the larger of backoff and `Retry-After` honours the server's hint but keeps growing
///   when the server keeps saying "1" to a client that keeps failing.
/// - The jitter spreads the many rows that were throttled by one burst, so they do not come back
///   together and trip the limit again.
/// - The budget bounds the whole request (first attempt to last retry): a retry that would start
///   after it is not made, and the request fails with its last real error.
/// Defaults follow the Databricks SDKs (backoff capped at 10 s) with a shorter budget (120 s
/// instead of 300 s) because a workshop organizer is waiting.
public struct RetryPolicy: Sendable, Hashable {
    public var budgetSeconds: Double
    public var baseDelaySeconds: Double
    public var maximumBackoffSeconds: Double
    public var maximumJitterSeconds: Double

    public init(
        budgetSeconds: Double = 120, baseDelaySeconds: Double = 0.25, maximumBackoffSeconds: Double = 10,
        maximumJitterSeconds: Double = 0.5
    ) {
        self.budgetSeconds = budgetSeconds
        self.baseDelaySeconds = baseDelaySeconds
        self.maximumBackoffSeconds = maximumBackoffSeconds
        self.maximumJitterSeconds = maximumJitterSeconds
    }

    /// No retries at all (for tests and for callers that handle failures themselves).
    public static let none = RetryPolicy(budgetSeconds: 0)

    /// Exponential backoff before retry `retry` (1-based), without jitter.
    public func backoff(retry: Int) -> Double {
        let exponent = Double(max(0, min(retry - 1, 30)))
        return min(maximumBackoffSeconds, baseDelaySeconds * pow2(exponent))
    }

    /// Seconds to wait before retry `retry`, or nil when that retry would end past the budget.
    /// - Parameters:
    ///   - retry: 1 for the first retry.
    ///   - elapsedSeconds: time since the first attempt started.
    ///   - retryAfterSeconds: the server's `Retry-After`, if any.
    ///   - random: a value in `[0, 1)`, injected so that tests can pin the jitter.
    public func delay(retry: Int, elapsedSeconds: Double, retryAfterSeconds: Double?, random: Double) -> Double? {
        let wait = max(backoff(retry: retry), retryAfterSeconds ?? 0) + random * maximumJitterSeconds
        return elapsedSeconds + wait <= budgetSeconds ? wait : nil
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 2 }
        return value
    }
}

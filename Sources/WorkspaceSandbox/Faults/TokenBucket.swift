/// A token bucket: refills at `rate` tokens per second up to `capacity`; each request takes one token.
struct TokenBucket: Sendable {
    let rate: Double
    let capacity: Double
    private(set) var tokens: Double
    private var updatedAt: Double

    init(rate: Double, capacity: Double, now: Double) {
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.updatedAt = now
    }

    /// Takes a token, or says how many seconds until one is available.
    mutating func take(now: Double) -> TakeResult {
        tokens = min(capacity, tokens + max(0, now - updatedAt) * rate)
        updatedAt = max(updatedAt, now)
        if tokens >= 1 {
            tokens -= 1
            return .granted
        }
        return .denied(waitSeconds: (1 - tokens) / rate)
    }

    enum TakeResult: Equatable {
        case granted
        case denied(waitSeconds: Double)
    }
}

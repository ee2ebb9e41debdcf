/// Decides, per API request, whether to throttle it, fail it or drop its connection.
///
/// All randomness comes from one seeded generator behind one lock, so a sequential client sees the
/// same faults for the same `seed`. Order: rate limit first (a throttled request never reaches the
/// API, as at Databricks' gateway), then a 503 with `errorRate`, then a drop with `dropRate`.
final class FaultInjector: Sendable {
    private let configuration: SandboxConfiguration
    private let clock: SandboxClock
    private let state: LockedState<State>

    private struct State {
        var random: SeededGenerator
        var buckets: [APIFamily: TokenBucket] = [:]
        /// Drops alternate before/after, so exactly half of them apply the request.
        var drops = 0
        /// Every tenth workspace SCIM throttle is a 500.
        var scimThrottles = 0
    }

    init(configuration: SandboxConfiguration, clock: SandboxClock) {
        self.configuration = configuration
        self.clock = clock
        self.state = LockedState(State(random: SeededGenerator(seed: configuration.seed)))
    }

    /// Added to every API request, on its connection thread.
    var latencySeconds: Double {
        Double(max(0, configuration.latencyMilliseconds)) / 1000
    }

    func decide(method: String, path: String) -> FaultDecision {
        let family = configuration.rateLimits == .realistic ? APIFamily.classify(method: method, path: path) : nil
        let now = family == nil ? 0 : clock.now()
        return state.withLock { state in
            if let family {
                var bucket = state.buckets[family] ?? TokenBucket(rate: family.requestsPerSecond, capacity: family.burst, now: now)
                let result = bucket.take(now: now)
                state.buckets[family] = bucket
                if case .denied(let wait) = result {
                    var asInternalError = false
                    if family.isWorkspaceSCIM {
                        state.scimThrottles += 1
                        asInternalError = state.scimThrottles % 10 == 0
                    }
                    let retryAfter = max(1, Int(wait.rounded(.up)))
                    return .throttle(family, retryAfterSeconds: retryAfter, asInternalError: asInternalError)
                }
            }
            if configuration.errorRate > 0 && state.random.unit() < configuration.errorRate {
                return .unavailable
            }
            if configuration.dropRate > 0 && state.random.unit() < configuration.dropRate {
                state.drops += 1
                return state.drops % 2 == 1 ? .dropBeforeApplying : .dropAfterApplying
            }
            return .serve
        }
    }

    /// Back to the seed: the same faults again, full buckets.
    func reset() {
        state.withLock { $0 = State(random: SeededGenerator(seed: configuration.seed)) }
    }
}

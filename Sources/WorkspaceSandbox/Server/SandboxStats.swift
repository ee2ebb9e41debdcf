/// Request counters of a sandbox, as `GET /sandbox/stats` reports them. `/sandbox/*` requests are never counted.
public struct SandboxStats: Sendable, Equatable, Codable {
    /// Every API request received, whatever happened to it.
    public var total: Int
    /// GET (and HEAD) requests served: answered by the API, not throttled, not faulted.
    public var reads: Int
    /// Other requests served.
    public var writes: Int
    /// Requests that changed state, including those whose answer was then dropped by a fault.
    public var mutations: Int
    /// Requests answered 429, or 500 `REQUEST_LIMIT_EXCEEDED`, by the rate limiter.
    public var throttled: Int
    /// Injected 503s and dropped connections.
    public var faults: Int
    /// Served requests per `METHOD /route/{template}` (or `METHOD /raw/path` for unknown routes).
    public var byRoute: [String: Int]

    public init(
        total: Int = 0, reads: Int = 0, writes: Int = 0, mutations: Int = 0, throttled: Int = 0, faults: Int = 0,
        byRoute: [String: Int] = [:]
    ) {
        self.total = total
        self.reads = reads
        self.writes = writes
        self.mutations = mutations
        self.throttled = throttled
        self.faults = faults
        self.byRoute = byRoute
    }

    /// Served requests of one route, e.g. `count("POST /api/2.0/preview/scim/v2/Users")`.
    public func count(_ route: String) -> Int {
        byRoute[route] ?? 0
    }

    /// The `/sandbox/stats` body: keys in the documented order, routes sorted, so diffs stay readable.
    public var json: String {
        let routes = byRoute.keys.sorted().map { "\(ServerJSON.quoted($0)): \(byRoute[$0] ?? 0)" }
        let byRouteJSON = routes.isEmpty ? "{}" : "{\n    " + routes.joined(separator: ",\n    ") + "\n  }"
        return """
            {
              "total": \(total),
              "reads": \(reads),
              "writes": \(writes),
              "mutations": \(mutations),
              "throttled": \(throttled),
              "faults": \(faults),
              "byRoute": \(byRouteJSON)
            }
            """
    }
}

/// Counts requests as the dispatcher sees them; one lock, so a snapshot is consistent.
final class StatsRecorder: Sendable {
    private let stats = LockedState(SandboxStats())

    func received() {
        stats.withLock { $0.total += 1 }
    }

    func served(method: String, route: String, mutated: Bool) {
        stats.withLock { stats in
            if method == "GET" || method == "HEAD" { stats.reads += 1 } else { stats.writes += 1 }
            if mutated { stats.mutations += 1 }
            stats.byRoute[route, default: 0] += 1
        }
    }

    func throttled() {
        stats.withLock { $0.throttled += 1 }
    }

    /// An injected 503 or drop; `mutated` when the drop came after the API changed state.
    func faulted(mutated: Bool) {
        stats.withLock { stats in
            stats.faults += 1
            if mutated { stats.mutations += 1 }
        }
    }

    func snapshot() -> SandboxStats {
        stats.withLock { $0 }
    }

    /// Zeroes the counters and returns what they were, atomically (no request falls between read and reset).
    @discardableResult
    func reset() -> SandboxStats {
        stats.withLock { stats in
            defer { stats = SandboxStats() }
            return stats
        }
    }
}

import Foundation

/// The path of one request through a sandbox: control endpoints aside, an API request gets its latency,
/// its fault decision, the API (unless a fault stops it) and its place in the counters.
struct SandboxDispatcher: Sendable {
    let api: any SandboxAPI
    let stats: StatsRecorder
    let faults: FaultInjector
    let control: ControlEndpoints

    init(api: any SandboxAPI, stats: StatsRecorder, faults: FaultInjector) {
        self.api = api
        self.stats = stats
        self.faults = faults
        self.control = ControlEndpoints(api: api, stats: stats, faults: faults)
    }

    func handle(_ http: HTTPRequest) -> HTTPReply {
        let request = http.request
        if ControlEndpoints.isControlPath(request.path) {
            return .respond(control.handle(request))
        }
        stats.received()
        if faults.latencySeconds > 0 {
            Thread.sleep(forTimeInterval: faults.latencySeconds)
        }
        switch faults.decide(method: request.method, path: request.path) {
        case let .throttle(family, retryAfter, asInternalError):
            stats.throttled()
            return .respond(
                FaultResponses.throttled(family, retryAfterSeconds: retryAfter, asInternalError: asInternalError))
        case .unavailable:
            stats.faulted(mutated: false)
            return .respond(FaultResponses.unavailable)
        case .dropBeforeApplying:
            stats.faulted(mutated: false)
            return .dropConnection
        case .dropAfterApplying:
            let result = api.handle(request)
            stats.faulted(mutated: result.mutated)
            return .dropConnection
        case .serve:
            let result = api.handle(request)
            let route = result.route ?? "\(request.method) \(http.rawPath)"
            stats.served(method: request.method, route: route, mutated: result.mutated)
            return .respond(result.response)
        }
    }
}

import Foundation

/// A local Databricks-compatible server: the HTTP server, fault injection and counters around an API model.
///
/// ```swift
/// let sandbox = Sandbox(configuration: configuration, api: api)
/// let url = try sandbox.start()   // http://127.0.0.1:PORT
/// defer { sandbox.stop() }
/// ```
public final class Sandbox: Sendable {
    public let configuration: SandboxConfiguration
    private let api: any SandboxAPI
    private let recorder = StatsRecorder()
    let server: HTTPServer

    public convenience init(configuration: SandboxConfiguration, api: any SandboxAPI) {
        self.init(configuration: configuration, api: api, clock: .monotonic)
    }

    /// `clock` drives the rate limiter; tests freeze it to make throttling counts exact.
    init(configuration: SandboxConfiguration, api: any SandboxAPI, clock: SandboxClock, limits: HTTPLimits = .standard) {
        self.configuration = configuration
        self.api = api
        let dispatcher = SandboxDispatcher(
            api: api, stats: recorder, faults: FaultInjector(configuration: configuration, clock: clock))
        self.server = HTTPServer(port: configuration.port, limits: limits, handler: dispatcher.handle)
    }

    /// Starts serving on 127.0.0.1 and returns the base URL, e.g. `http://127.0.0.1:49152`.
    /// Calling it again returns the same URL.
    @discardableResult
    public func start() throws(SandboxServerError) -> URL {
        let port = try server.start()
        return Self.url(port: port)
    }

    /// `http://127.0.0.1:PORT` while running, nil before `start()` and after `stop()`.
    public var baseURL: URL? {
        server.port.map(Self.url(port:))
    }

    /// Stops accepting, closes every connection and waits for the server's threads; the port is free
    /// when it returns. A stopped sandbox cannot be started again (make a new one).
    public func stop() {
        server.stop()
    }

    /// The counters, as `GET /sandbox/stats` would answer now.
    public func stats() -> SandboxStats {
        recorder.snapshot()
    }

    /// Zeroes the counters and returns their values just before, as `POST /sandbox/stats/reset` does.
    @discardableResult
    public func resetStats() -> SandboxStats {
        recorder.reset()
    }

    private static func url(port: Int) -> URL {
        URL(string: "http://127.0.0.1:\(port)")!
    }
}

extension Sandbox {
    /// A sandbox backed by the full Databricks model, seeded (or loaded from `stateFile`).
    public convenience init(configuration: SandboxConfiguration) {
        self.init(configuration: configuration, api: WorkspaceAPI(configuration: configuration))
    }
}

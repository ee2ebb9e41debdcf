import Dispatch
import Foundation

/// An HTTP/1.1 server on loopback: one accept thread, one dedicated thread per connection.
///
/// Blocking socket calls never run on Swift's cooperative pool (they would starve it); a thread per
/// connection is simple and serves the few hundred connections a sandbox sees.
final class HTTPServer: Sendable {
    let host: String
    let requestedPort: Int
    let limits: HTTPLimits
    private let handler: @Sendable (HTTPRequest) -> HTTPReply
    private let lifecycle = LockedState(Lifecycle.idle)
    private let connections = ConnectionRegistry()
    /// Entered by the accept thread and by every connection thread; `stop()` waits for it to drain.
    private let threads = DispatchGroup()
    /// Server threads currently alive (accept plus connections); zero after `stop()`.
    private let liveThreads = LockedState(0)

    private enum Lifecycle {
        case idle
        case running(ListeningSocket)
        case stopped
    }

    init(
        host: String = "127.0.0.1", port: Int, limits: HTTPLimits = .standard,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPReply
    ) {
        self.host = host
        self.requestedPort = port
        self.limits = limits
        self.handler = handler
    }

    /// The port being served, once started.
    var port: Int? {
        lifecycle.withLock { state in
            if case .running(let listener) = state { return listener.port }
            return nil
        }
    }

    /// Binds and starts accepting; returns the actual port (useful with port 0). Starting twice
    /// returns the same port; a stopped server does not start again.
    @discardableResult
    func start() throws(SandboxServerError) -> Int {
        try lifecycle.withLock { state throws(SandboxServerError) -> Int in
            switch state {
            case .running(let listener):
                return listener.port
            case .stopped:
                throw .stopped
            case .idle:
                SocketPlatform.ignoreSIGPIPE()
                let listener = try ListeningSocket.open(host: host, port: requestedPort)
                state = .running(listener)
                threadStarted()
                let thread = Thread { [self] in
                    acceptLoop(listener)
                    threadEnded()
                }
                thread.name = "sandbox-accept-\(listener.port)"
                thread.start()
                return listener.port
            }
        }
    }

    /// Stops accepting, ends every open connection and returns once all server threads have finished,
    /// so the port is free and no thread outlives the server.
    func stop() {
        let listener: ListeningSocket? = lifecycle.withLock { state in
            defer { state = .stopped }
            if case .running(let listener) = state { return listener }
            return nil
        }
        guard let listener else { return }
        connections.stopAccepting()
        listener.shutdown()  // wakes the accept thread
        connections.shutdownAll()
        threads.wait()
        listener.close()
    }

    /// What tests look at: accepted connections, open connections, live server threads.
    var counters: (accepted: Int, open: Int, threads: Int) {
        (connections.acceptedCount, connections.openCount, liveThreads.withLock { $0 })
    }

    private func threadStarted() {
        threads.enter()
        liveThreads.withLock { $0 += 1 }
    }

    private func threadEnded() {
        liveThreads.withLock { $0 -= 1 }
        threads.leave()
    }

    private static let tooManyConnections = ServerJSON.errorResponse(
        status: 503, errorCode: "TEMPORARILY_UNAVAILABLE",
        message: "The sandbox has too many open connections; close idle ones and retry")

    private func acceptLoop(_ listener: ListeningSocket) {
        while true {
            switch listener.accept() {
            case .retry:
                continue
            case .closed:
                return
            case .connection(let fd):
                switch connections.register(fd, limit: limits.maxConnections) {
                case .stopping:
                    SocketPlatform.closeSocket(fd)
                    return
                case .full:
                    SocketPlatform.configureConnection(fd, idleTimeoutSeconds: 1)
                    let socket = ConnectionSocket(fd: fd)
                    _ = socket.writeAll(HTTPResponseSerializer.serialize(Self.tooManyConnections, closing: true))
                    SocketPlatform.closeSocket(fd)
                    continue
                case .registered:
                    break
                }
                SocketPlatform.configureConnection(fd, idleTimeoutSeconds: limits.idleTimeoutSeconds)
                threadStarted()
                let thread = Thread { [self] in
                    HTTPConnection(socket: ConnectionSocket(fd: fd), limits: limits, handler: handler).run()
                    connections.unregisterAndClose(fd)
                    threadEnded()
                }
                thread.name = "sandbox-connection-\(fd)"
                thread.start()
            }
        }
    }
}

/// The open connections, so `stop()` can end them. A descriptor is shut down only while registered,
/// which the lock guarantees is before its owner closes it (a closed number may be reused elsewhere).
final class ConnectionRegistry: Sendable {
    private let state = LockedState(State())

    private struct State {
        var open: Set<Int32> = []
        var accepting = true
        var accepted = 0
    }

    enum Registration {
        case registered
        /// Over the connection limit: answer 503 and close.
        case full
        /// The server is stopping: close without serving.
        case stopping
    }

    func register(_ fd: Int32, limit: Int) -> Registration {
        state.withLock { state in
            guard state.accepting else { return .stopping }
            guard state.open.count < limit else { return .full }
            state.open.insert(fd)
            state.accepted += 1
            return .registered
        }
    }

    func unregisterAndClose(_ fd: Int32) {
        state.withLock { state in
            state.open.remove(fd)
            SocketPlatform.closeSocket(fd)
        }
    }

    func stopAccepting() {
        state.withLock { $0.accepting = false }
    }

    /// Wakes every connection thread blocked in `recv` or `send`; each then closes its own descriptor.
    func shutdownAll() {
        state.withLock { state in
            for fd in state.open { SocketPlatform.shutdownSocket(fd, SocketPlatform.shutdownBoth) }
        }
    }

    var openCount: Int { state.withLock { $0.open.count } }
    /// Connections accepted so far; tests use it to see keep-alive reuse.
    var acceptedCount: Int { state.withLock { $0.accepted } }
}

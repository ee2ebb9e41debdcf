#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a sandbox could not start serving.
public enum SandboxServerError: Error, Equatable, CustomStringConvertible {
    /// A socket call failed while opening the listener, e.g. `bind` with `EADDRINUSE`.
    case cannotListen(host: String, port: Int, operation: String, code: Int32)
    /// The host is not an IPv4 address literal such as `127.0.0.1`.
    case invalidHost(String)
    /// The port is outside 0...65535.
    case invalidPort(Int)
    /// `start()` after `stop()`: a stopped sandbox does not serve again.
    case stopped

    public var description: String {
        switch self {
        case let .cannotListen(host, port, operation, code):
            let reason = String(cString: strerror(code))
            var message = "cannot listen on \(host):\(port): \(operation) failed: \(reason)"
            if code == EADDRINUSE { message += " (another process uses the port; pass --port 0 to pick a free one)" }
            return message
        case let .invalidHost(host):
            return "cannot listen on '\(host)': not an IPv4 address (use 127.0.0.1)"
        case let .invalidPort(port):
            return "cannot listen on port \(port): a port is 0...65535 (0 picks a free one)"
        case .stopped:
            return "this sandbox was stopped; create a new Sandbox to serve again"
        }
    }
}

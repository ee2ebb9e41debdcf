#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP listener on an IPv4 address; port 0 asks the kernel for a free port, read back with `getsockname`.
struct ListeningSocket: Sendable {
    let fd: Int32
    let port: Int

    /// What one `accept` produced.
    enum Accepted {
        case connection(Int32)
        /// A transient failure (`EINTR`, `ECONNABORTED`, out of descriptors): try again.
        case retry
        /// The listener was shut down or is broken: stop accepting.
        case closed
    }

    static func open(host: String, port: Int) throws(SandboxServerError) -> ListeningSocket {
        guard (0...65_535).contains(port) else { throw .invalidPort(port) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw .invalidHost(host) }

        let fd = socket(AF_INET, SocketPlatform.streamType, 0)
        guard fd >= 0 else { throw .cannotListen(host: host, port: port, operation: "socket", code: errno) }
        func fail(_ operation: String) -> SandboxServerError {
            let code = errno
            SocketPlatform.closeSocket(fd)
            return .cannotListen(host: host, port: port, operation: operation, code: code)
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        // A restarted sandbox can take its port back while old connections sit in TIME_WAIT.
        SocketPlatform.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)

        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw fail("bind") }
        guard listen(fd, SOMAXCONN) == 0 else { throw fail("listen") }

        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw fail("getsockname") }
        return ListeningSocket(fd: fd, port: Int(UInt16(bigEndian: actual.sin_port)))
    }

    /// Blocks until a client connects or the listener is shut down.
    func accept() -> Accepted {
        #if canImport(Glibc)
        let client = Glibc.accept(fd, nil, nil)
        #else
        let client = Darwin.accept(fd, nil, nil)
        #endif
        if client >= 0 {
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            return .connection(client)
        }
        switch errno {
        case EINTR, ECONNABORTED, EAGAIN, EPROTO:
            return .retry
        case EMFILE, ENFILE, ENOBUFS, ENOMEM:
            usleep(10_000)  // let connections close before trying again
            return .retry
        default:
            return .closed
        }
    }

    /// Unblocks a thread waiting in `accept` (Linux answers it with `EINVAL`).
    func shutdown() {
        SocketPlatform.shutdownSocket(fd, SocketPlatform.shutdownBoth)
    }

    func close() {
        SocketPlatform.closeSocket(fd)
    }
}

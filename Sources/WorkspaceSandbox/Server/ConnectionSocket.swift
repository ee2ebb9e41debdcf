#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted connection's blocking reads and writes, with `EINTR` and partial writes looped.
struct ConnectionSocket: Sendable {
    let fd: Int32

    /// Appends what the peer sent to `buffer`; returns false on EOF, error or idle timeout.
    func read(into buffer: inout ReceiveBuffer, scratch: inout [UInt8]) -> Bool {
        while true {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(scratch[0..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Writes every byte or reports that the peer is gone.
    func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress! + offset, $0.count - offset, SocketPlatform.sendFlags)
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// Closes after our last answer without losing it: a close with unread input sends RST, which can
    /// destroy the answer in flight (a 413 while the client still uploads), so half-close and drain first.
    func closeGracefully(drainLimit: Int = 1 << 20) {
        SocketPlatform.shutdownSocket(fd, SocketPlatform.shutdownWrite)
        SocketPlatform.setTimeout(fd, SO_RCVTIMEO, milliseconds: 500)
        var drained = 0
        var scratch = [UInt8](repeating: 0, count: 16_384)
        while drained < drainLimit {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                drained += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
    }

    /// Ends the connection without an answer (an injected drop).
    func abort() {
        SocketPlatform.shutdownSocket(fd, SocketPlatform.shutdownBoth)
    }
}

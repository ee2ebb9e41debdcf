#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few socket calls whose spelling differs between Linux and macOS, in one place.
enum SocketPlatform {
    static var streamType: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    /// Flags for every `send`: on Linux `MSG_NOSIGNAL`, so a peer that went away is `EPIPE`, not a signal.
    static var sendFlags: Int32 {
        #if canImport(Glibc)
        Int32(MSG_NOSIGNAL)
        #else
        0
        #endif
    }

    /// Process-wide: a write to a closed socket must never kill the sandbox (macOS has no MSG_NOSIGNAL).
    static func ignoreSIGPIPE() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// Per socket options every connection gets: no Nagle delay, no SIGPIPE, bounded idle reads and writes.
    static func configureConnection(_ fd: Int32, idleTimeoutSeconds: Int) {
        setOption(fd, Int32(IPPROTO_TCP), Int32(TCP_NODELAY), 1)
        #if canImport(Darwin)
        setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1)
        #endif
        setTimeout(fd, SO_RCVTIMEO, milliseconds: idleTimeoutSeconds * 1000)
        setTimeout(fd, SO_SNDTIMEO, milliseconds: idleTimeoutSeconds * 1000)
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) {
        var value = value
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    static func setTimeout(_ fd: Int32, _ name: Int32, milliseconds: Int) {
        var interval = timeval(tv_sec: milliseconds / 1000, tv_usec: .init((milliseconds % 1000) * 1000))
        _ = setsockopt(fd, SOL_SOCKET, name, &interval, socklen_t(MemoryLayout<timeval>.size))
    }

    static func closeSocket(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    static func shutdownSocket(_ fd: Int32, _ how: Int32) {
        #if canImport(Glibc)
        _ = Glibc.shutdown(fd, how)
        #else
        _ = Darwin.shutdown(fd, how)
        #endif
    }

    static var shutdownBoth: Int32 {
        #if canImport(Glibc)
        Int32(SHUT_RDWR)
        #else
        SHUT_RDWR
        #endif
    }

    static var shutdownWrite: Int32 {
        #if canImport(Glibc)
        Int32(SHUT_WR)
        #else
        SHUT_WR
        #endif
    }
}

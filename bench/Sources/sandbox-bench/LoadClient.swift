import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keep-alive GET load: one thread and one connection per client, each sending the next request as
/// soon as the previous answer is read (closed loop), for a fixed time.
struct LoadClient {
    let port: Int
    let path: String
    let connections: Int
    let seconds: Double

    struct Result {
        var requests = 0
        var failures = 0
        var latencies: [Double] = []
        var elapsed = 0.0

        var perSecond: Double { Double(requests) / elapsed }

        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }

    func run() -> Result {
        let results = Results()
        let group = DispatchGroup()
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        for _ in 0..<connections {
            group.enter()
            let thread = Thread { [self] in
                results.add(runOneConnection(until: deadline))
                group.leave()
            }
            thread.start()
        }
        group.wait()
        var total = results.total
        total.elapsed = Date().timeIntervalSince(start)
        return total
    }

    private func runOneConnection(until deadline: Date) -> Result {
        var result = Result()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            result.failures += 1
            return result
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer bench\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var pending: [UInt8] = []
        while Date() < deadline {
            let sentAt = DispatchTime.now().uptimeNanoseconds
            guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count
            else {
                result.failures += 1
                return result
            }
            while true {
                if let length = Self.completeResponseLength(pending) {
                    let ok = pending.starts(with: Array("HTTP/1.1 200".utf8))
                    pending.removeFirst(length)
                    if ok { result.requests += 1 } else { result.failures += 1 }
                    break
                }
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else {
                    result.failures += 1
                    return result
                }
                pending.append(contentsOf: buffer[0..<count])
            }
            if result.requests % 8 == 0 {
                result.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - sentAt) / 1e6)
            }
        }
        return result
    }

    /// Bytes of the first whole response in `bytes` (head + Content-Length body), if there is one.
    static func completeResponseLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            let head = String(decoding: bytes[0..<index], as: UTF8.self).lowercased()
            let length = head.components(separatedBy: "\r\n")
                .first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let total = index + 4 + length
            return bytes.count >= total ? total : nil
        }
        return nil
    }
}

/// Per-thread results merged under a lock.
final class Results: @unchecked Sendable {
    // @unchecked: `merged` is only touched inside `lock`.
    private let lock = NSLock()
    private var merged = LoadClient.Result()

    func add(_ result: LoadClient.Result) {
        lock.lock()
        defer { lock.unlock() }
        merged.requests += result.requests
        merged.failures += result.failures
        merged.latencies += result.latencies
    }

    var total: LoadClient.Result {
        lock.lock()
        defer { lock.unlock() }
        return merged
    }
}

import Foundation
import WorkspaceSandbox

// sandbox-bench: simple-GET throughput of the sandbox server over loopback keep-alive connections.
//
//   sandbox-bench [--connections 16,64] [--seconds 3] [--latency-ms N] [--rate-limits off|realistic]
//   sandbox-bench --serve SECONDS      serve BenchAPI on an ephemeral port for an external client (wrk)
//   sandbox-bench --floor N            least seconds for N requests per family under realistic limits
//   sandbox-bench --api workspace [--users 2000]   the real WorkspaceAPI: SCIM, lookups, permissions and a
//                                      50-name filtered Users lookup, each measured in turn (or served with --serve);
//                                      --only TEXT measures the endpoints whose name contains TEXT (for profiling)

var connectionCounts = [16, 64]
var seconds = 3.0
var serveSeconds: Double?
var floorRequests: Int?
var apiName = "bench"
var userCount = 2000
var onlyEndpoint: String?
var configuration = SandboxConfiguration()

var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    func value() -> String {
        guard let value = arguments.next() else {
            FileHandle.standardError.write(Data("error: \(argument) needs a value\n".utf8))
            exit(2)
        }
        return value
    }
    switch argument {
    case "--connections": connectionCounts = value().split(separator: ",").compactMap { Int($0) }
    case "--seconds": seconds = Double(value()) ?? seconds
    case "--latency-ms": configuration.latencyMilliseconds = Int(value()) ?? 0
    case "--rate-limits": configuration.rateLimits = SandboxConfiguration.RateLimitMode(rawValue: value()) ?? .off
    case "--serve": serveSeconds = Double(value())
    case "--floor": floorRequests = Int(value())
    case "--api": apiName = value()
    case "--users": userCount = Int(value()) ?? userCount
    case "--only": onlyEndpoint = value()
    default:
        FileHandle.standardError.write(Data("error: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

if let floorRequests {
    print("family                rate/s   burst  least seconds for \(floorRequests) requests")
    for family in APIFamily.allCases {
        let name = family.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
        print(
            "\(name) \(String(format: "%7.2f", family.requestsPerSecond))  \(String(format: "%6.2f", family.burst))  "
                + String(format: "%.2f", family.minimumSeconds(forRequests: floorRequests)))
    }
    exit(0)
}

if apiName == "workspace" {
    runWorkspaceBench(
        configuration: configuration, userCount: userCount, serveSeconds: serveSeconds, seconds: seconds,
        connectionCounts: connectionCounts, only: onlyEndpoint)
    exit(0)
}
guard apiName == "bench" else {
    FileHandle.standardError.write(Data("error: --api takes bench or workspace\n".utf8))
    exit(2)
}

/// `--api workspace`: every endpoint of `WorkspaceBench` in turn, or all of them served for wrk.
func runWorkspaceBench(
    configuration: SandboxConfiguration, userCount: Int, serveSeconds: Double?, seconds: Double, connectionCounts: [Int],
    only: String?
) {
    let bench = WorkspaceBench(configuration: configuration, userCount: userCount)
    let seedStart = Date()
    do {
        try bench.seed()
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
    let sandbox = Sandbox(configuration: bench.configuration, api: bench.api)
    let url: URL
    do { url = try sandbox.start() } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
    defer { sandbox.stop() }
    if let serveSeconds {
        for endpoint in bench.endpoints { print("\(endpoint.name)\t\(url)\(endpoint.target)") }
        fflush(nil)
        Thread.sleep(forTimeInterval: serveSeconds)
        print("served \(sandbox.stats().reads) GETs")
        return
    }
    print(
        "sandbox-bench: WorkspaceAPI with \(bench.userCount) users (created in "
            + String(format: "%.1f s", Date().timeIntervalSince(seedStart)) + "), \(seconds) s per run, "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
    print("endpoint                connections   requests    GET/s   p50 ms   p99 ms  failures")
    for endpoint in bench.endpoints where only.map(endpoint.name.contains) ?? true {
        for connections in connectionCounts {
            let result = LoadClient(port: url.port!, path: endpoint.target, connections: connections, seconds: seconds).run()
            print(
                endpoint.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(
                        format: " %11d %10d %8.0f %8.2f %8.2f %9d", connections, result.requests, result.perSecond,
                        result.percentile(0.5), result.percentile(0.99), result.failures))
            fflush(nil)
        }
    }
}

let sandbox = Sandbox(configuration: configuration, api: BenchAPI())
let url = try sandbox.start()

if let serveSeconds {
    print("\(url)\(BenchAPI.path)")
    fflush(nil)
    Thread.sleep(forTimeInterval: serveSeconds)
    let stats = sandbox.stats()
    print("served \(stats.reads) GETs (\(stats.total) API requests, \(stats.throttled) throttled)")
    sandbox.stop()
    exit(0)
}

print("sandbox-bench: GET \(BenchAPI.path), \(Int(seconds)) s per run, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("connections   requests    GET/s   p50 ms   p99 ms  failures  server-counted")
for connections in connectionCounts {
    sandbox.resetStats()
    let result = LoadClient(port: url.port!, path: BenchAPI.path, connections: connections, seconds: seconds).run()
    let counted = sandbox.stats().reads
    print(
        String(
            format: "%11d %10d %8.0f %8.2f %8.2f %9d %15d", connections, result.requests, result.perSecond,
            result.percentile(0.5), result.percentile(0.99), result.failures, counted))
}
sandbox.stop()

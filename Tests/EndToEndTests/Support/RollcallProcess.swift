import Dispatch
import Foundation

/// Runs the built `rollcall` binary as a child process, the way a user would.
///
/// Both pipes are drained on their own threads while the child runs, so a chatty child can never
/// block on a full pipe buffer (the deadlock of calling `waitUntilExit()` before reading).
///
/// ```swift
/// let result = try RollcallProcess.run(["validate", path, "--json"])
/// #expect(result.exitCode == 0)
/// let sandbox = try RollcallProcess.start(["sandbox", "--port", "0"])
/// sandbox.send(signal: SIGINT); let outcome = sandbox.wait()
/// ```
public enum RollcallProcess {
    /// What a finished run produced.
    public struct Result: Sendable {
        public var exitCode: Int32
        /// True when the child was ended by a signal (`exitCode` is then the signal number).
        public var signaled: Bool
        /// True when the run hit its timeout and was killed.
        public var timedOut: Bool
        public var stdout: String
        public var stderr: String

        /// stderr split into lines, without the empty tail.
        public var stderrLines: [String] {
            stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
    }

    /// Runs `rollcall arguments` to completion.
    /// - Parameters:
    ///   - environment: Replaces the child's environment when given; `PATH` and `HOME` are kept unless set.
    ///   - currentDirectory: The child's working directory (default: this process's).
    ///   - standardInput: Bytes written to the child's stdin, which is then closed.
    ///   - timeout: Seconds before the child gets SIGTERM (then SIGKILL 2 s later).
    public static func run(
        _ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil,
        standardInput: [UInt8]? = nil, timeout: TimeInterval = 60
    ) throws -> Result {
        try start(
            arguments, environment: environment, currentDirectory: currentDirectory, standardInput: standardInput,
            timeout: timeout
        ).wait()
    }

    /// Starts `rollcall arguments` and returns at once, for servers and signal tests.
    public static func start(
        _ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil,
        standardInput: [UInt8]? = nil, timeout: TimeInterval = 60
    ) throws -> RunningRollcall {
        try RunningRollcall(
            executable: try binaryURL(), arguments: arguments, environment: environment,
            currentDirectory: currentDirectory, standardInput: standardInput, timeout: timeout)
    }

    /// The `rollcall` binary of this build: `ROLLCALL_BINARY` if set, else next to the test bundle
    /// (Linux: the products directory holds both), else `.build/debug/rollcall` under the package.
    public static func binaryURL() throws -> URL {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["ROLLCALL_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let bundle = Bundle.main.bundleURL
        candidates += [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("rollcall") }
        // macOS: the test bundle (`rollcallPackageTests.xctest`) sits in the products directory.
        for testBundle in Bundle.allBundles where testBundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(testBundle.bundleURL.deletingLastPathComponent().appendingPathComponent("rollcall"))
        }
        for argument in CommandLine.arguments.prefix(1) {
            candidates.append(
                URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("rollcall"))
        }
        let package = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/rollcall"))
        var isDirectory: ObjCBool = false
        if let found = candidates.first(where: {
            fileManager.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fileManager.isExecutableFile(atPath: $0.path)
        }) {
            return found
        }
        throw RollcallProcessError.binaryNotFound(searched: candidates.map(\.path))
    }
}

public enum RollcallProcessError: Error, CustomStringConvertible {
    case binaryNotFound(searched: [String])

    public var description: String {
        switch self {
        case .binaryNotFound(let searched):
            "rollcall binary not found (build it with `swift build`); looked in: \(searched.joined(separator: ", "))"
        }
    }
}

/// A started child. `@unchecked Sendable`: the process and pipes are set up once in `init`; the
/// collected output is written by the reader threads before `group` leaves and read after `wait()`.
public final class RunningRollcall: @unchecked Sendable {
    private let process = Process()
    private let group = DispatchGroup()
    private var stdoutData = Data()
    private var stderrData = Data()
    private let timeoutFlag = LockedFlag()
    private let timeoutItem: DispatchWorkItem

    init(
        executable: URL, arguments: [String], environment: [String: String]?, currentDirectory: URL?,
        standardInput: [UInt8]?, timeout: TimeInterval
    ) throws {
        process.executableURL = executable
        process.arguments = arguments
        if var environment {
            let inherited = ProcessInfo.processInfo.environment
            for key in ["PATH", "HOME"] where environment[key] == nil { environment[key] = inherited[key] }
            process.environment = environment
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        let process = self.process
        let flag = timeoutFlag
        timeoutItem = DispatchWorkItem {
            guard process.isRunning else { return }
            flag.set()
            process.terminate()
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        try process.run()
        drain(outPipe.fileHandleForReading) { self.stdoutData = $0 }
        drain(errPipe.fileHandleForReading) { self.stderrData = $0 }
        let input = inPipe.fileHandleForWriting
        DispatchQueue.global().async {
            if let standardInput { try? input.write(contentsOf: Data(standardInput)) }
            try? input.close()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timeoutItem)
    }

    /// The child's process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Sends a POSIX signal, e.g. `SIGINT` to test Ctrl-C handling.
    public func send(signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for exit and for both pipes to reach end of file.
    public func wait() -> RollcallProcess.Result {
        group.wait()
        process.waitUntilExit()
        timeoutItem.cancel()
        return RollcallProcess.Result(
            exitCode: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timeoutFlag.isSet, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    private func drain(_ handle: FileHandle, into store: @escaping @Sendable (Data) -> Void) {
        group.enter()
        DispatchQueue.global().async {
            let data = handle.readDataToEndOfFile()
            store(data)
            self.group.leave()
        }
    }
}

/// A flag set from the timeout's queue and read by the waiter.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

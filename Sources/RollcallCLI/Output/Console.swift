import Foundation

/// Where the command line writes: stdout for results, stderr for problems and progress.
/// Commands take a console instead of printing, so tests can capture what they say.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's stdout and stderr, unbuffered per call.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) })

    /// A console that records everything, for tests.
    public static func recording() -> (console: Console, recorder: ConsoleRecorder) {
        let recorder = ConsoleRecorder()
        return (
            Console(out: { recorder.append($0, toErr: false) }, err: { recorder.append($0, toErr: true) }), recorder
        )
    }
}

/// What a recording console captured. `@unchecked Sendable`: every access goes through `lock`.
public final class ConsoleRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    public var stdout: String { lock.withLock { outText } }
    public var stderr: String { lock.withLock { errText } }

    func append(_ text: String, toErr: Bool) {
        lock.withLock {
            if toErr { errText += text } else { outText += text }
        }
    }
}

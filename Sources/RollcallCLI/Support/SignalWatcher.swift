import Dispatch
import Foundation
import RollcallKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGINT and SIGTERM into calls on a dispatch queue, so a run can stop starting work and
/// still write its results. A second signal runs `onRepeat` (by default: exit 130 at once).
final class SignalWatcher: @unchecked Sendable {
    /// Guards `count`.
    private let lock = NSLock()
    private var count = 0
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "rollcall.signals")

    init(
        signals: [Int32] = [SIGINT, SIGTERM], onFirst: @escaping @Sendable (Int32) -> Void,
        onRepeat: @escaping @Sendable (Int32) -> Void = { _ in exit(130) }
    ) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let seen = self.lock.withLock { () -> Int in
                    self.count += 1
                    return self.count
                }
                if seen == 1 { onFirst(number) } else { onRepeat(number) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The Ctrl-C contract of `import` and `offboard`: the first signal raises the returned flag
    /// (requests in flight finish, nothing new starts, results are written, exit 130) and says so;
    /// a second one exits at once.
    static func interruptingRun(console: Console) -> (InterruptFlag, SignalWatcher) {
        let interrupt = InterruptFlag()
        let watcher = SignalWatcher(onFirst: { _ in
            interrupt.raise()
            console.err("\ninterrupted: finishing requests in flight, then writing results (Ctrl-C again to quit now)\n")
        })
        return (interrupt, watcher)
    }

    /// Restores the default handlers.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

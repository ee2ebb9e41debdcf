import Foundation
import RollcallKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows how a run is going on stderr: on a terminal a one-line bar redrawn in place (at most ten
/// times a second), otherwise a plain line every five seconds so that logs stay readable.
final class ProgressReporter: @unchecked Sendable {
    /// Guards `line`, `lastDraw` and `drewInPlace`.
    private let lock = NSLock()
    private var line = ProgressLine()
    private var lastDraw = Date.distantPast
    private var drewInPlace = false
    private let started = Date()
    private let isTerminal: Bool
    private let console: Console
    private let counters: RequestCounters
    private let enabled: Bool

    init(console: Console, counters: RequestCounters, enabled: Bool, isTerminal: Bool = isatty(2) == 1) {
        self.console = console
        self.counters = counters
        self.enabled = enabled
        self.isTerminal = isTerminal
    }

    func update(_ progress: RunProgress) {
        guard enabled else { return }
        lock.withLock {
            if let phase = progress.phase { line.phase = phase }
            line.done = progress.done
            line.total = progress.total
            let now = Date()
            let interval = isTerminal ? 0.1 : 5.0
            guard progress.phase == "done" || now.timeIntervalSince(lastDraw) >= interval else { return }
            lastDraw = now
            let counts = counters.snapshot
            line.retries = counts.retries
            line.throttled = counts.throttles
            line.elapsedSeconds = now.timeIntervalSince(started)
            if isTerminal {
                console.err("\r\u{1B}[K" + line.render())
                drewInPlace = true
            } else {
                console.err(line.render() + "\n")
            }
        }
    }

    /// Ends the in-place line so that what follows starts on a fresh line.
    func finish() {
        lock.withLock {
            if drewInPlace { console.err("\n") }
            drewInPlace = false
        }
    }
}

/// Keeps the results file current while a run is going, so that Ctrl-C, a crash or `kill -9`
/// leaves a complete CSV at most one interval behind.
public struct ResultsCheckpoints: Sendable {
    public let path: String
    public let interval: Duration

    public init(path: String, interval: Duration = .seconds(1)) {
        self.path = path
        self.interval = interval
    }

    /// Writes `current()` now and every `interval` while `work` runs, then `final(outcome)` once
    /// the ticks have stopped (a tick still writing must not land after it). Returns the outcome
    /// and the final write's error, which the caller reports once.
    public func keepCurrent<Outcome>(
        _ current: @escaping @Sendable () async -> [UInt8], during work: () async -> Outcome,
        final: (Outcome) -> [UInt8]
    ) async -> (Outcome, AtomicWriteError?) {
        write(bytes: await current())
        let ticker = start(bytes: current)
        let outcome = await work()
        ticker.cancel()
        await ticker.value
        return (outcome, write(bytes: final(outcome)))
    }

    /// Writes now; a failure to write is returned so the caller can report it once.
    @discardableResult
    public func write(bytes: [UInt8]) -> AtomicWriteError? {
        do {
            try AtomicFileWriter.write(bytes, to: path)
            return nil
        } catch {
            return error
        }
    }

    /// Rewrites the file with `bytes()` every `interval` until the task is cancelled.
    public func start(bytes: @escaping @Sendable () async -> [UInt8]) -> Task<Void, Never> {
        Task {
            // Deadlines on a fixed grid, so the time spent rendering never stretches the interval.
            let clock = ContinuousClock()
            var next = clock.now
            while !Task.isCancelled {
                next += interval
                try? await Task.sleep(until: next, clock: clock)
                if Task.isCancelled { break }
                let current = await bytes()
                if Task.isCancelled { break }
                write(bytes: current)
            }
        }
    }
}

extension Optional where Wrapped == ResultsCheckpoints {
    /// Without a results file (dry runs, tests) the work just runs.
    public func keepCurrent<Outcome>(
        _ current: @escaping @Sendable () async -> [UInt8], during work: () async -> Outcome,
        final: (Outcome) -> [UInt8]
    ) async -> (Outcome, AtomicWriteError?) {
        guard let checkpoints = self else { return (await work(), nil) }
        return await checkpoints.keepCurrent(current, during: work, final: final)
    }
}

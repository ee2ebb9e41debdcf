/// Keeps the results file current while a run is going, so that Ctrl-C, a crash or `kill -9`
/// leaves a complete CSV at most one interval behind.
public struct ResultsCheckpoints: Sendable {
    public let path: String
    public let interval: Duration

    public init(path: String, interval: Duration = .seconds(1)) {
        self.path = path
        self.interval = interval
    }

    /// Writes now; a failure to write is returned so the caller can report it once.
    @discardableResult
    public func write(_ rows: [RowResult]) -> AtomicWriteError? {
        write(bytes: ResultsCSV.render(rows))
    }

    @discardableResult
    public func write(bytes: [UInt8]) -> AtomicWriteError? {
        do {
            try AtomicFileWriter.write(bytes, to: path)
            return nil
        } catch {
            return error
        }
    }

    /// Rewrites the file every `interval` until the returned task is cancelled.
    public func start(rows: @escaping @Sendable () async -> [RowResult]) -> Task<Void, Never> {
        start(bytes: { ResultsCSV.render(await rows()) })
    }

    /// Rewrites the file with `bytes()` every `interval` until the task is cancelled. Await the
    /// cancelled task before the final write: a tick still writing would otherwise land after it.
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

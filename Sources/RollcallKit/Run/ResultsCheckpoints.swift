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
        do {
            try AtomicFileWriter.write(ResultsCSV.render(rows), to: path)
            return nil
        } catch {
            return error
        }
    }

    /// Rewrites the file every `interval` until the returned task is cancelled.
    public func start(rows: @escaping @Sendable () async -> [RowResult]) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                write(await rows())
            }
        }
    }
}

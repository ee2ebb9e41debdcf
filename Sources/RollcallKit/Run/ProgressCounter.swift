/// Counts finished actions for a run's progress display, so that import and offboard report
/// progress the same way: a phase start carries its name, each finished action the new count.
struct ProgressCounter: Sendable {
    let total: Int
    let onProgress: @Sendable (RunProgress) -> Void
    private(set) var done = 0

    init(total: Int, onProgress: @escaping @Sendable (RunProgress) -> Void) {
        self.total = total
        self.onProgress = onProgress
    }

    func start(_ phase: String) {
        onProgress(RunProgress(phase: phase, done: done, total: total))
    }

    mutating func finishOne() {
        done += 1
        onProgress(RunProgress(phase: nil, done: done, total: total))
    }
}

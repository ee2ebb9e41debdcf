/// Runs `body` over `items` with at most `width` in flight: one starts as one finishes.
///
/// A failing item is a value, never a throw, so one row's failure cannot tear down its siblings.
/// When `interrupt` is raised no new item starts; items already running finish. Items never
/// started come back as nil.
enum SlidingWindow {
    static func run<Item: Sendable, Output: Sendable>(
        _ items: [Item], width: Int, interrupt: InterruptFlag,
        body: @escaping @Sendable (Item) async -> Output
    ) async -> [Output?] {
        var outputs = [Output?](repeating: nil, count: items.count)
        guard !items.isEmpty else { return outputs }
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            func startNext() {
                guard next < items.count, !interrupt.isRaised else { return }
                let index = next
                let item = items[index]
                next += 1
                group.addTask { (index, await body(item)) }
            }
            for _ in 0..<max(1, width) { startNext() }
            while let (index, output) = await group.next() {
                outputs[index] = output
                startNext()
            }
        }
        return outputs
    }
}

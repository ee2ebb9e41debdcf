import Foundation

/// Eventual consistency on demand (databricks-api.md §8; CLI-TS `eventual.go`): for
/// `staleReadsMilliseconds` after a write, a GET of the written object answers, half of the time,
/// with what it answered before the write.
struct StaleReads {
    private let window: TimeInterval
    private var previous: [String: (response: SandboxResponse, writtenAt: Date)] = [:]
    private var random: SeededRandom

    init(milliseconds: Int, seed: UInt64) {
        window = TimeInterval(milliseconds) / 1000
        random = SeededRandom(seed: seed)
    }

    var enabled: Bool { window > 0 }

    /// Remembers the answer a read gave before a write to `key`.
    mutating func recordWrite(_ key: String, previous response: SandboxResponse, at now: Date) {
        guard enabled else { return }
        previous[key] = (response, now)
        if previous.count > 10_000 { previous = previous.filter { now.timeIntervalSince($0.value.writtenAt) < window } }
    }

    /// The stale answer to serve instead of the fresh one, if this read draws one.
    mutating func staleAnswer(_ key: String, at now: Date) -> SandboxResponse? {
        guard enabled, let entry = previous[key] else { return nil }
        guard now.timeIntervalSince(entry.writtenAt) < window else {
            previous[key] = nil
            return nil
        }
        return random.nextBool() ? entry.response : nil
    }

    mutating func removeAll() { previous = [:] }
}

/// SplitMix64: small, fast, repeatable from `--seed`.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func nextBool() -> Bool { next() & 1 == 1 }

    mutating func hex(_ count: Int) -> String {
        var text = ""
        while text.count < count { text += String(next(), radix: 16) }
        return String(text.prefix(count))
    }
}

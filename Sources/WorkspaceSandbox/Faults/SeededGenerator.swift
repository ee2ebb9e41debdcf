/// SplitMix64: a tiny, fast generator whose whole state is one `UInt64`, so `--seed N` repeats a run's faults.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<1 with 53 bits, so `unit() < p` happens with probability p.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

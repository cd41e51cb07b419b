/// The sandbox's source of randomness: the system's, or a SplitMix64 sequence from a seed so
/// that a test run can be repeated exactly.
struct SandboxRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64?

    /// A generator that draws from `SystemRandomNumberGenerator`.
    static var system: SandboxRandom {
        SandboxRandom(state: nil)
    }

    /// A generator whose sequence is fixed by `seed`.
    static func seeded(_ seed: UInt64) -> SandboxRandom {
        SandboxRandom(state: seed)
    }

    mutating func next() -> UInt64 {
        guard var value = state else {
            var system = SystemRandomNumberGenerator()
            return system.next()
        }
        value &+= 0x9E37_79B9_7F4A_7C15
        state = value
        var mixed = value
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform value in `0..<1`.
    mutating func nextFraction() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}

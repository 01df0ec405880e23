import Foundation

/// A small, fast, seeded random number generator (xoshiro256**, seeded through SplitMix64).
///
/// The same seed gives the same simulation on every platform and every run: Foundation's generators do not
/// promise that.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose sequence is fixed by `seed` (any value; the state is spread by SplitMix64).
    public init(seed: UInt64) {
        var splitmix = seed
        func next() -> UInt64 {
            splitmix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitmix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// A uniform double in (0, 1]: never 0, so its logarithm is finite.
    public mutating func unit() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// An exponentially distributed value with the given mean.
    public mutating func exponential(mean: Double) -> Double {
        -mean * log(unit())
    }
}

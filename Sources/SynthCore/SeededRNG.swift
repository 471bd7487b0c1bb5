// SeededRNG: xoshiro256** seeded through SplitMix64, the only source of randomness in synth.
// Reference: Blackman & Vigna, "Scrambled linear pseudorandom number generators" (2018).

/// A deterministic random number generator. Pass it explicitly; derive independent streams
/// with `stream(_:)` so results never depend on thread count or scheduling.
public struct SeededRNG: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// The seed this generator started from (kept so streams can be derived from it).
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        var sm = seed
        s0 = SeededRNG.splitMix(&sm)
        s1 = SeededRNG.splitMix(&sm)
        s2 = SeededRNG.splitMix(&sm)
        s3 = SeededRNG.splitMix(&sm)
    }

    /// An independent generator for stream `index` (a column, a chunk), a pure function of
    /// this generator's current state and `index`.
    public func stream(_ index: Int) -> SeededRNG {
        var mix = s0 ^ (s1 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: Int64(index)) &* 0xD1B5_4A32_D192_ED03
        return SeededRNG(seed: SeededRNG.splitMix(&mix))
    }

    /// Draws a fresh 64-bit seed and advances, so successive commands get different streams.
    public mutating func nextSeed() -> UInt64 { next() }

    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound (Lemire's multiply-shift with rejection).
    public mutating func nextInt(below bound: Int) -> Int {
        // A caller's slip, not input: every call draws from a range it knows is not empty.
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// A standard normal draw (Marsaglia polar method; no cached second value, so the
    /// stream position depends only on the number of calls).
    public mutating func nextGaussian() -> Double {
        while true {
            let u = 2 * nextDouble() - 1
            let v = 2 * nextDouble() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * _log(s) / s).squareRoot()
            }
        }
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

#if canImport(Glibc)
import Glibc
@inline(__always) private func _log(_ x: Double) -> Double { Glibc.log(x) }
#else
import Darwin
@inline(__always) private func _log(_ x: Double) -> Double { Darwin.log(x) }
#endif

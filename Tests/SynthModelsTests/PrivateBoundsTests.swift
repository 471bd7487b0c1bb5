// PrivateBoundsTests: private bounds bracket the data, resist outliers and stay on the grid.

import Foundation
import SynthCore
import Testing
@testable import SynthModels

@Suite struct PrivateBoundsTests {
    /// `count` values uniform in [low, high), drawn from `seed`.
    static func uniform(_ count: Int, from low: Double, to high: Double, seed: UInt64) -> [Double] {
        var rng = SeededRNG(seed: seed)
        return (0..<count).map { _ in low + (high - low) * rng.nextDouble() }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func uniformDataIsBracketed(seed: UInt64) {
        // Setup: 10,000 values in [17, 90]; the nearest grid values outside are 10 and 100.
        let values = Self.uniform(10_000, from: 17, to: 90, seed: seed)
        var rng = SeededRNG(seed: seed + 100)
        // Run
        let bounds = PrivateBounds.estimate(values, rho: 0.01, integer: false, rng: &rng)
        // Assert: the grid has nothing in (10, 20) or (50, 100), so this is 10 or 20 and 100.
        #expect(bounds.lower >= 10 && bounds.lower <= 20, "\(bounds)")
        #expect(bounds.upper >= 90 && bounds.upper <= 100, "\(bounds)")
        let inside = values.filter { $0 >= bounds.lower && $0 <= bounds.upper }.count
        #expect(inside >= 9_900, "\(inside) of 10,000 inside \(bounds)")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func negativeData(seed: UInt64) {
        // Setup: 5,000 values in [-250, -30]; grid neighbours outside are -500 and -20.
        let values = Self.uniform(5_000, from: -250, to: -30, seed: seed)
        var rng = SeededRNG(seed: seed)
        // Run
        let bounds = PrivateBounds.estimate(values, rho: 0.01, integer: false, rng: &rng)
        // Assert
        #expect(bounds.lower == -500, "\(bounds)")
        #expect(bounds.upper == -20, "\(bounds)")
    }

    @Test func dataStraddlingZero() {
        // Setup: 10,000 values in [-3.5, 7.2].
        let values = Self.uniform(10_000, from: -3.5, to: 7.2, seed: 21)
        var rng = SeededRNG(seed: 22)
        // Run
        let bounds = PrivateBounds.estimate(values, rho: 0.05, integer: false, rng: &rng)
        // Assert
        #expect(bounds.lower == -5, "\(bounds)")
        #expect(bounds.upper == 10, "\(bounds)")
    }

    @Test func integerRoundsOutward() {
        // Setup: tiny positive values land on grid values 0 and 0.002; tiny negative ones on
        // -0.002 and 0; ordinary values on whole grid values.
        let positive = Self.uniform(5_000, from: 0.0003, to: 0.0015, seed: 31)
        let negative = positive.map { -$0 }
        let ordinary = Self.uniform(10_000, from: 17, to: 90, seed: 32)
        // Run
        var rng = SeededRNG(seed: 33)
        let raw = PrivateBounds.estimate(positive, rho: 0.01, integer: false, rng: &rng)
        rng = SeededRNG(seed: 33)
        let rounded = PrivateBounds.estimate(positive, rho: 0.01, integer: true, rng: &rng)
        rng = SeededRNG(seed: 34)
        let negativeRounded = PrivateBounds.estimate(negative, rho: 0.01, integer: true, rng: &rng)
        rng = SeededRNG(seed: 35)
        let ordinaryRounded = PrivateBounds.estimate(ordinary, rho: 0.01, integer: true, rng: &rng)
        // Assert
        #expect(raw.lower == 0 && raw.upper == 0.002, "\(raw)")
        #expect(rounded.lower == 0 && rounded.upper == 1, "\(rounded)")
        #expect(negativeRounded.lower == -1 && negativeRounded.upper == 0, "\(negativeRounded)")
        #expect(negativeRounded.upper.sign == .plus, "no negative zero")
        #expect(ordinaryRounded.lower == 10 && ordinaryRounded.upper == 100, "\(ordinaryRounded)")
    }

    @Test func deterministicForASeed() {
        // Setup
        let values = Self.uniform(1_000, from: 0, to: 1_000, seed: 41)
        var first = SeededRNG(seed: 42)
        var second = SeededRNG(seed: 42)
        // Run
        let a = PrivateBounds.estimate(values, rho: 0.001, integer: false, rng: &first)
        let b = PrivateBounds.estimate(values, rho: 0.001, integer: false, rng: &second)
        // Assert: same bounds, and the generator advanced by exactly two uniform draws.
        #expect(a == b)
        #expect(first == second)
        var replay = SeededRNG(seed: 42)
        _ = replay.nextDouble()
        _ = replay.nextDouble()
        #expect(first == replay)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func anOutlierDoesNotPullTheUpperBound(seed: UInt64) {
        // Setup: 9,999 values in [17, 90] and one at 1e8.
        let values = Self.uniform(9_999, from: 17, to: 90, seed: seed) + [1e8]
        var rng = SeededRNG(seed: seed + 50)
        // Run
        let bounds = PrivateBounds.estimate(values, rho: 0.01, integer: false, rng: &rng)
        // Assert
        #expect(bounds.upper == 100, "\(bounds)")
        #expect(bounds.lower >= 10 && bounds.lower <= 20, "\(bounds)")
    }

    @Test func constantColumnsGetAOneStepInterval() {
        // Setup: both mechanisms pick the constant's own grid value; the tie widens upward.
        var rng = SeededRNG(seed: 51)
        // Run
        let five = PrivateBounds.estimate([Double](repeating: 5, count: 2_000), rho: 0.01, integer: false, rng: &rng)
        let zero = PrivateBounds.estimate([Double](repeating: 0, count: 2_000), rho: 0.01, integer: false, rng: &rng)
        let top = PrivateBounds.estimate([Double](repeating: 5e9, count: 2_000), rho: 0.01, integer: false, rng: &rng)
        // Assert
        #expect(five == (5, 10))
        #expect(zero == (0, 0.001))
        #expect(top == (2e9, 5e9))
    }

    @Test func emptyAndMissingColumnsStillGiveAGridInterval() {
        // Setup
        var rng = SeededRNG(seed: 61)
        // Run
        let empty = PrivateBounds.estimate([], rho: 0.01, integer: false, rng: &rng)
        let missing = PrivateBounds.estimate([.nan, .nan], rho: 0.01, integer: true, rng: &rng)
        // Assert: any grid interval is acceptable; it must be a proper one.
        #expect(empty.lower < empty.upper)
        #expect(PrivateBounds.grid.contains(empty.lower) && PrivateBounds.grid.contains(empty.upper))
        #expect(missing.lower < missing.upper)
    }

    @Test func gridIsSymmetricSortedAndExact() {
        let grid = PrivateBounds.grid
        #expect(grid.count == 79)
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
        #expect(zip(grid, grid.reversed()).allSatisfy { $0 == -$1 })
        #expect(grid.contains(0.001) && grid.contains(0.002) && grid.contains(0.005))
        #expect(grid.first == -5e9 && grid.last == 5e9)
    }

    @Test func scoresHaveSensitivityOne() {
        // Setup: data with ties at grid values, an outlier beyond the grid and a sparse tail.
        var rng = SeededRNG(seed: 71)
        var values = Self.uniform(300, from: -20, to: 60, seed: 72) + [10, 10, 20, 50, 0, -1e10, 7e9]
        values += (0..<40).map { _ in pow(10, 3 * rng.nextDouble()) }
        let extra = [10.0, 0, -0.001, 5e9, 1e12, 33.3, -7, 1e5] + Self.uniform(30, from: -1e4, to: 1e4, seed: 73)
        for cap in [0.5, 3, 104] {
            let base = PrivateBounds.scores(values.sorted(), cap: cap)
            for x in extra {
                // Run: add one row.
                let neighbour = PrivateBounds.scores((values + [x]).sorted(), cap: cap)
                // Assert
                let lowerShift = zip(base.lower, neighbour.lower).map { abs($0 - $1) }.max()!
                let upperShift = zip(base.upper, neighbour.upper).map { abs($0 - $1) }.max()!
                #expect(lowerShift <= 1 && upperShift <= 1, "cap \(cap), x \(x)")
            }
        }
    }
}

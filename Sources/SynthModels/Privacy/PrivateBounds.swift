// PrivateBounds: a numeric column's lower and upper bound estimated under zCDP, for columns
// whose domain the user asks synth to estimate rather than declare.

import Foundation
import SynthCore

public enum PrivateBounds {
    /// Bounds enclosing nearly all of `values` (present values only), spending exactly `rho`.
    /// `integer` rounds the bounds outward to whole numbers.
    ///
    /// The recipe, with the budget split at the top:
    /// 1. Candidates: a fixed grid, independent of the data, symmetric around 0:
    ///    0 and ±m·10^k for m in {1, 2, 5}, k in -3...9 (79 values, |c| ≤ 5e9).
    /// 2. Lower bound: one exponential mechanism over the candidates with rho/2, so
    ///    epsilon = sqrt(8 · rho/2) (the mechanism costs epsilon²/8).
    /// 3. Upper bound: the same, mirrored, with the other rho/2.
    /// 4. Post-processing (free): order the pair, widen a tie by one grid step, round outward.
    ///
    /// The lower bound's score for candidate c, whose next grid value up is c⁺, is
    ///     min(#{c ≤ x < c⁺}, M) − #{x < c}
    /// (rows cut off below c cost one point each; rows just above c earn up to M points).
    /// A plain quantile score −|#{x < c} − q·n| is flat over every candidate below the data,
    /// so with a coarse grid the mechanism picks uniformly among them (often −5e9); the second
    /// term singles out the grid value just below the data. The two counts cover disjoint
    /// ranges, so adding or removing one row moves the score by at most 1: sensitivity 1.
    /// M = 2 (log 79 + 7) / epsilon is fixed by the budget alone: it makes the candidate just
    /// below the data beat all 78 others with probability about 1 − e⁻⁷ when its grid cell
    /// holds at least M rows, and it is also the most rows the bound will cut to move one
    /// grid step closer to the data. The upper bound mirrors this with #{c⁻ < x ≤ c} and
    /// #{x > c}. Values beyond ±5e9 are cut, never followed.
    ///
    /// Missing values (NaN) are ignored; an empty column is allowed (the mechanisms still run).
    public static func estimate(_ values: [Double], rho: Double, integer: Bool, rng: inout SeededRNG) -> (lower: Double, upper: Double) {
        // A caller's slip, not input: DomainCommand prices epsilon= (at least 1e-6) into rho first.
        precondition(rho > 0 && rho.isFinite, "rho must be positive and finite")
        let candidates = grid
        let sorted = values.filter { !$0.isNaN }.sorted()
        let epsilon = (8 * (rho / 2)).squareRoot()
        let cap = 2 * (log(Double(candidates.count)) + 7) / epsilon

        let scores = Self.scores(sorted, cap: cap)
        var low = Mechanisms.exponential(scores: scores.lower, epsilon: epsilon, sensitivity: 1, rng: &rng)
        var high = Mechanisms.exponential(scores: scores.upper, epsilon: epsilon, sensitivity: 1, rng: &rng)

        // Post-processing: a proper interval on the grid.
        let last = candidates.count - 1
        if high < low { swap(&low, &high) }
        if high == low {
            if high < last { high += 1 } else { low -= 1 }
        }
        var lower = candidates[low]
        var upper = candidates[high]
        if integer {
            lower = lower.rounded(.down) + 0  // + 0 turns -0 into 0
            upper = upper.rounded(.up) + 0
        }
        return (lower, upper)
    }

    /// Each candidate's lower-bound and upper-bound score for ascending `sorted` values
    /// (see `estimate`); adding or removing one value moves every score by at most 1.
    static func scores(_ sorted: [Double], cap: Double) -> (lower: [Double], upper: [Double]) {
        // #{x < c} and #{x ≤ c} for every candidate.
        let below = grid.map { c in countWhere(sorted) { $0 < c } }
        let atOrBelow = grid.map { c in countWhere(sorted) { $0 <= c } }
        let n = sorted.count
        let last = grid.count - 1
        let lower = grid.indices.map { i -> Double in
            let nextBelow = i < last ? below[i + 1] : n
            return min(Double(nextBelow - below[i]), cap) - Double(below[i])
        }
        let upper = grid.indices.map { i -> Double in
            let previousAtOrBelow = i > 0 ? atOrBelow[i - 1] : 0
            return min(Double(atOrBelow[i] - previousAtOrBelow), cap) - Double(n - atOrBelow[i])
        }
        return (lower, upper)
    }

    /// The candidate bounds, ascending: 0 and ±m·10^k, m in {1, 2, 5}, k in -3...9.
    static let grid: [Double] = {
        var positive: [Double] = []
        for k in -3...9 {
            for m in [1.0, 2, 5] {
                // Divide for negative k so 0.001 is the correctly rounded literal.
                positive.append(k < 0 ? m / pow(10, Double(-k)) : m * pow(10, Double(k)))
            }
        }
        return positive.reversed().map { -$0 } + [0] + positive
    }()

    /// The number of leading elements of ascending `sorted` that satisfy `predicate`
    /// (a predicate true on a prefix), by binary search.
    private static func countWhere(_ sorted: [Double], _ predicate: (Double) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if predicate(sorted[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

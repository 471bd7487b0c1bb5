// NoisyMarginal: a marginal histogram of the data released with Gaussian noise (MST's measure step).

import Foundation
import SynthCore

/// A noisy measurement `values = Q x + N(0, sigma^2)` of the histogram `x` of `clique`.
///
/// `Q` is diagonal and stored as `weights`: the identity for a fresh measurement; after
/// compression the merged cell's row is scaled by `1 / sqrt(m)` so its noise keeps scale `sigma`.
struct NoisyMarginal: Sendable, Equatable {
    /// The measured columns (one or two), in the order of the histogram's axes.
    var clique: [Int]
    /// The noise scale of every cell.
    var sigma: Double
    /// The noisy cells, row-major (the first column of the clique varies slowest).
    var values: [Double]
    /// The diagonal of the measurement matrix Q.
    var weights: [Double]

    /// The public record of this measurement.
    var record: MSTMeasurement { MSTMeasurement(clique: clique, sigma: sigma) }

    /// Measures every clique in one round that shares `sigma`: the k measurements get weights
    /// normalised to unit L2 norm, so each has scale `sigma * sqrt(k)` and the round costs
    /// `1 / (2 sigma^2)` in zCDP whatever k is (each row changes each histogram by 1 in L2).
    static func measure(_ table: DiscreteTable, cliques: [[Int]], sigma: Double,
                        rng: inout SeededRNG) -> [NoisyMarginal] {
        if cliques.isEmpty { return [] }
        let scale = sigma * Double(cliques.count).squareRoot()
        // Counting is the costly part and needs no randomness, so it runs in parallel; the noise
        // is drawn afterwards in clique order from the one generator.
        let counts = Parallel.map(cliques.count) { histogram(table, clique: cliques[$0]) }
        return zip(cliques, counts).map { clique, x in
            let y = Mechanisms.gaussian(x, sigma: scale, rng: &rng)
            return NoisyMarginal(clique: clique, sigma: scale, values: y,
                                 weights: Array(repeating: 1, count: x.count))
        }
    }

    /// The exact histogram of one or two columns, row-major.
    static func histogram(_ table: DiscreteTable, clique: [Int]) -> [Double] {
        // A caller's slip, not input: MST.fit and MSTSelection ask for columns and edges only.
        precondition(clique.count == 1 || clique.count == 2, "MST measures one- and two-way marginals")
        let first = table.columns[clique[0]]
        if clique.count == 1 {
            var counts = [Double](repeating: 0, count: table.sizes[clique[0]])
            counts.withUnsafeMutableBufferPointer { c in
                for code in first { c[Int(code)] += 1 }
            }
            return counts
        }
        let second = table.columns[clique[1]]
        let width = table.sizes[clique[1]]
        var counts = [Double](repeating: 0, count: table.sizes[clique[0]] * width)
        counts.withUnsafeMutableBufferPointer { c in
            first.withUnsafeBufferPointer { a in
                second.withUnsafeBufferPointer { b in
                    for r in 0..<a.count { c[Int(a[r]) * width + Int(b[r])] += 1 }
                }
            }
        }
        return counts
    }
}

// MSTSelection: picks the tree's edges privately, a noisy Kruskal over two-way L1 errors.

import Foundation
import SynthCore

/// Chooses which two-way marginals to measure: the pairs the one-way model explains worst,
/// joined into a spanning tree by repeated exponential-mechanism draws.
enum MSTSelection {
    /// The per-draw epsilon when `rho` is spent over the `components - 1` draws that join
    /// `components` components: each draw costs eps^2 / 8 in zCDP.
    static func epsilon(rho: Double, components: Int) -> Double {
        (8 * rho / Double(components - 1)).squareRoot()
    }

    /// The most cells a two-way marginal may have: larger pairs (two columns that each keep
    /// thousands of levels after compression) are never candidates, so memory stays bounded.
    /// The sizes compared are the compressed ones, themselves a private release.
    static let maximumPairCells = 1 << 22

    /// All pairs (a, b) with a < b, in lexicographic order.
    static func pairs(_ columns: Int) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for a in 0..<columns {
            for b in (a + 1)..<max(a + 1, columns) { result.append((a, b)) }
        }
        return result
    }

    /// For every pair (lexicographic), the L1 distance between the data's two-way counts and
    /// the independent model's `total * p_a(x_a) * p_b(x_b)`. Changing one row moves a weight
    /// by at most 1 (the model is fixed by the earlier noisy release), hence sensitivity 1.
    static func weights(_ table: DiscreteTable, probabilities: [[Double]], total: Double) -> [Double] {
        let pairs = pairs(table.sizes.count)
        return Parallel.map(pairs.count) { i in
            let (a, b) = pairs[i]
            if table.sizes[a] * table.sizes[b] > maximumPairCells { return -Double.infinity }
            let counts = NoisyMarginal.histogram(table, clique: [a, b])
            let pa = probabilities[a], pb = probabilities[b], nb = pb.count
            var distance = 0.0
            for xa in pa.indices {
                let scaled = total * pa[xa]
                for xb in 0..<nb { distance += abs(counts[xa * nb + xb] - scaled * pb[xb]) }
            }
            return distance
        }
    }

    /// The spanning tree's edges in the order drawn, each `[a, b]` with `a < b`, and the
    /// epsilon of each draw; spends at most `rho` (exactly, when every pair is a candidate).
    /// Pairs weighted -infinity are too large to measure; if only those remain, the result is
    /// a forest.
    static func select(weights: [Double], columns: Int, rho: Double,
                       rng: inout SeededRNG) -> (edges: [[Int]], epsilon: Double) {
        if columns < 2 { return ([], 0) }
        let pairs = pairs(columns)
        let eps = epsilon(rho: rho, components: columns)
        var components = UnionFind(count: columns)
        var edges: [[Int]] = []
        for _ in 0..<(columns - 1) {
            let candidates = pairs.indices.filter {
                weights[$0] > -Double.infinity && !components.connected(pairs[$0].0, pairs[$0].1)
            }
            if candidates.isEmpty { break }
            let pick = Mechanisms.exponential(scores: candidates.map { weights[$0] }, epsilon: eps,
                                              sensitivity: 1.0, rng: &rng)
            let (a, b) = pairs[candidates[pick]]
            components.union(a, b)
            edges.append([a, b])
        }
        return (edges, eps)
    }
}

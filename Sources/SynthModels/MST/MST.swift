// MST: differentially private synthetic data by a maximum spanning tree of two-way marginals.
// Reference: McKenna, Miklau & Sheldon (2021), "Winning the NIST Contest: A scalable and general
// approach to differentially private synthetic data"; private-pgm mechanisms/mst.py.

import Foundation
import SynthCore

/// Tuning of the estimation steps (the privacy cost depends only on `rho`).
public struct MSTOptions: Sendable, Equatable {
    /// Mirror-descent iterations when estimating the one-way model used for selection.
    public var selectionIterations = 1000
    /// Mirror-descent iterations for the final model.
    public var estimationIterations = 3000

    public init() {}
}

/// One noisy measurement of a marginal, kept so tests can check the noise.
public struct MSTMeasurement: Sendable, Equatable, Codable {
    /// The columns measured (one or two).
    public var clique: [Int]
    /// The noise scale of every cell of this measurement.
    public var sigma: Double
}

/// A fitted MST model: a tree-structured graphical model over the compressed domain.
public struct MSTResult: Sendable, Equatable, Codable {
    /// The declared domain size of each column.
    public var domainSizes: [Int]
    /// For each column, the codes kept after compression (ascending); the codes not kept share
    /// one extra cell at index `supports[j].count` when there are any.
    public var supports: [[Int]]
    /// The selected tree edges, as pairs of column indices.
    public var edges: [[Int]]
    /// The model's cliques (the edges, plus a single column for any column on no edge) and
    /// their estimated marginals over the compressed domain, as probabilities in row-major
    /// order (the first column of the clique varies slowest).
    public var cliques: [[Int]]
    public var marginals: [[Double]]
    /// The noisy estimate of the number of rows (never the true count).
    public var total: Double
    /// Every measurement taken, in order.
    public var measurements: [MSTMeasurement]

    /// Draws `rows` rows of codes in the declared (uncompressed) domain, column-major.
    /// Identical inputs give identical output whatever the thread count. Throws
    /// `CancellationError` on Ctrl-C.
    public func sample(rows: Int, rng: SeededRNG) throws -> [[Int32]] {
        if domainSizes.isEmpty { return [] }
        return try TreeSampler(self).sample(rows: rows, columns: domainSizes.count, rng: rng)
    }
}

public enum MST {
    /// Fits MST spending exactly `rho` (zCDP): a third on one-way marginals, a third on
    /// selecting the tree, a third on the two-way marginals of its edges.
    ///
    /// With a single column there is no tree to select or measure, so only the one-way third
    /// is spent; the guarantee for `rho` still holds, it is just not used up.
    /// Throws `CancellationError` between steps once Ctrl-C is pressed.
    public static func fit(_ data: DiscreteTable, rho: Double, rng: SeededRNG, options: MSTOptions = MSTOptions()) throws -> MSTResult {
        guard rho > 0 && rho.isFinite else { throw ModelError.invalid("rho must be a positive number, got \(rho)") }
        guard data.sizes.allSatisfy({ $0 > 0 }) else { throw ModelError.invalid("every declared domain needs at least one value") }
        var rng = rng
        let columns = data.sizes.count
        // Every measurement round has this sigma in total (rho / 3 each), whatever its size.
        let sigma = (3 / (2 * rho)).squareRoot()

        let oneWay = NoisyMarginal.measure(data, cliques: (0..<columns).map { [$0] }, sigma: sigma, rng: &rng)
        let (compression, table, compressedOneWay) = MSTCompression.compress(data, oneWay: oneWay)
        let total = MirrorDescent.estimateTotal(compressedOneWay)
        try Cancellation.check()

        let edges = selectEdges(table, oneWay: compressedOneWay, total: total, rho: rho / 3,
                                iterations: options.selectionIterations, rng: &rng)

        try Cancellation.check()
        let twoWay = NoisyMarginal.measure(table, cliques: edges, sigma: sigma, rng: &rng)

        var covered = [Bool](repeating: false, count: columns)
        for edge in edges { for column in edge { covered[column] = true } }
        let cliques = edges.sorted { $0.lexicographicallyPrecedes($1) }
            + (0..<columns).filter { !covered[$0] }.map { [$0] }
        let model = TreeModel(sizes: table.sizes, cliques: cliques)
        let mu = MirrorDescent(model: model, measurements: compressedOneWay + twoWay, total: total)
            .run(iterations: options.estimationIterations)
        try Cancellation.check()

        return MSTResult(
            domainSizes: data.sizes,
            supports: compression.supports,
            edges: edges,
            cliques: cliques,
            marginals: cliques.indices.map { c in mu[model.offsets[c]..<model.offsets[c + 1]].map { $0 / total } },
            total: total,
            measurements: (oneWay + twoWay).map(\.record))
    }

    /// The tree's edges, chosen privately with `rho` against an independent model fitted to
    /// the one-way measurements alone (empty with fewer than two columns, spending nothing).
    static func selectEdges(_ table: DiscreteTable, oneWay: [NoisyMarginal], total: Double, rho: Double,
                            iterations: Int, rng: inout SeededRNG) -> [[Int]] {
        let columns = table.sizes.count
        if columns < 2 { return [] }
        let independent = TreeModel(sizes: table.sizes, cliques: (0..<columns).map { [$0] })
        let mu = MirrorDescent(model: independent, measurements: oneWay, total: total).run(iterations: iterations)
        let probabilities = (0..<columns).map { c in
            mu[independent.offsets[c]..<independent.offsets[c + 1]].map { $0 / total }
        }
        let weights = MSTSelection.weights(table, probabilities: probabilities, total: total)
        return MSTSelection.select(weights: weights, columns: columns, rho: rho, rng: &rng).edges
    }
}

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
    /// Identical inputs give identical output whatever the thread count.
    public func sample(rows: Int, rng: SeededRNG) -> [[Int32]] {
        fatalError("not implemented")
    }
}

public enum MST {
    /// Fits MST spending exactly `rho` (zCDP): a third on one-way marginals, a third on
    /// selecting the tree, a third on the two-way marginals of its edges.
    public static func fit(_ data: DiscreteTable, rho: Double, rng: SeededRNG, options: MSTOptions = MSTOptions()) -> MSTResult {
        fatalError("not implemented")
    }
}

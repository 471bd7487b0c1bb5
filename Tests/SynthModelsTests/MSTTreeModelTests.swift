// MSTTreeModelTests: belief propagation on a forest agrees with summing the full joint.

import Foundation
import SynthCore
import Testing
@testable import SynthModels

@Suite struct MSTTreeModelTests {
    /// Clique marginals by enumerating every joint state, in log space, scaled to `total`.
    static func bruteForce(_ model: TreeModel, theta: [Double], total: Double) -> [Double] {
        let sizes = model.sizes
        let states = sizes.reduce(1, *)
        var logs: [Double] = [], codes: [[Int]] = []
        for s in 0..<states {
            var rest = s, x = [Int](repeating: 0, count: sizes.count)
            for j in sizes.indices.reversed() {
                x[j] = rest % sizes[j]
                rest /= sizes[j]
            }
            codes.append(x)
            logs.append(model.cliques.indices.reduce(0.0) { sum, c in
                let clique = model.cliques[c]
                let cell = clique.count == 1 ? x[clique[0]] : x[clique[0]] * sizes[clique[1]] + x[clique[1]]
                return sum + theta[model.offsets[c] + cell]
            })
        }
        let norm = logSumExp(count: states) { logs[$0] }
        var mu = [Double](repeating: 0, count: model.cellCount)
        for (x, l) in zip(codes, logs) {
            for (c, clique) in model.cliques.enumerated() {
                let cell = clique.count == 1 ? x[clique[0]] : x[clique[0]] * sizes[clique[1]] + x[clique[1]]
                mu[model.offsets[c] + cell] += total * exp(l - norm)
            }
        }
        return mu
    }

    @Test(arguments: [("moderate", 3.0), ("extreme", 2000.0)])
    func matchesEnumeration(name: String, scale: Double) {
        // Setup: a tree 0-1, 1-2, 1-3 (column 1 has three neighbours) and a lone column 4;
        // the extreme scale makes exp underflow so the log-space fallbacks run.
        let model = TreeModel(sizes: [2, 3, 2, 4, 3], cliques: [[0, 1], [1, 2], [1, 3], [4]])
        var rng = SeededRNG(seed: 51)
        let theta = (0..<model.cellCount).map { _ in scale * rng.nextGaussian() }
        var workspace = model.makeWorkspace()
        var mu = [Double](repeating: 0, count: model.cellCount)
        // Run
        model.marginals(theta: theta, total: 7, into: &mu, workspace: &workspace)
        let expected = Self.bruteForce(model, theta: theta, total: 7)
        // Assert
        let worst = zip(mu, expected).map { abs($0 - $1) }.max()!
        #expect(worst < 1e-9, "\(name): off by \(worst)")
    }

    @Test func misalignedMaximaFallBackToLogs() {
        // Setup: edge 0-1 favours (0, 0) while edges 0-2 and 1-3 favour x0 = 1 and x1 = 1, each
        // by 800 nats, so every product of the three exponentiated factors underflows.
        let model = TreeModel(sizes: [2, 2, 2, 2], cliques: [[0, 1], [0, 2], [1, 3]])
        let theta: [Double] = [0, -800, -800, -800, -800, -800, 0, 0, -800, -800, 0, 0]
        var workspace = model.makeWorkspace()
        var mu = [Double](repeating: 0, count: model.cellCount)
        // Run
        model.marginals(theta: theta, total: 1, into: &mu, workspace: &workspace)
        let expected = Self.bruteForce(model, theta: theta, total: 1)
        // Assert: (1, 1) on edge 0-1 carries the mass, as enumeration says.
        #expect(zip(mu, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(mu[3] - 1) < 1e-12)
    }

    @Test func breadthFirstOrderRootsAtLowestColumn() {
        // Setup: two components, {0, 2, 3} and {1, 4}.
        let model = TreeModel(sizes: [2, 2, 2, 2, 2], cliques: [[0, 3], [2, 3], [1, 4]])
        // Run / Assert: each component starts at its lowest column, parents before children.
        #expect(model.order == [0, 3, 2, 1, 4])
        #expect(model.parent == [-1, -1, 3, 0, 1])
    }
}

// MSTEstimationTests: with negligible noise the estimated marginals are the data's own.

import SynthCore
import Testing
@testable import SynthModels

@Suite struct MSTEstimationTests {
    @Test func negligibleNoiseRecoversEmpiricalMarginals() throws {
        // Setup: a chain A -> B -> C plus a lone D; every level occurs, so nothing is merged.
        let data = MSTFixtures.chain(rows: 5000)
        // Run: rho = 1e8 makes sigma about 1e-4 counts.
        let result = try MST.fit(data, rho: 1e8, rng: SeededRNG(seed: 21))
        // Assert: each clique's marginal matches the empirical one within 1e-3, and the noisy
        // total is within a hundredth of a row.
        #expect(result.supports == data.sizes.map { Array(0..<$0) })
        #expect(result.edges.count == 3)
        for (clique, marginal) in zip(result.cliques, result.marginals) {
            let empirical = MSTFixtures.distribution(clique.map { data.columns[$0] },
                                                     sizes: clique.map { data.sizes[$0] })
            let worst = zip(marginal, empirical).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-3, "clique \(clique) off by \(worst)")
        }
        #expect(abs(result.total - 5000) < 0.01)
    }

    @Test func totalIsInverseVarianceWeighted() {
        // Setup: two one-way measurements of 100 rows, the second compressed (3 cells kept of
        // 6, weight 1/sqrt(3) on the merged cell), so its variance is 6 sigma^2 as well.
        let root3 = 3.0.squareRoot()
        let first = NoisyMarginal(clique: [0], sigma: 2, values: [50, 52], weights: [1, 1])
        let second = NoisyMarginal(clique: [1], sigma: 1, values: [10, 20, 30, 36 / root3],
                                   weights: [1, 1, 1, 1 / root3])
        // Run
        let total = MirrorDescent.estimateTotal([first, second])
        // Assert: (102 / 8 + 96 / 6) / (1 / 8 + 1 / 6).
        let expected = (102.0 / 8 + 96.0 / 6) / (1.0 / 8 + 1.0 / 6)
        #expect(abs(total - expected) < 1e-9)
    }

    @Test func totalIsAtLeastOne() {
        // Setup: a measurement whose noisy cells sum below zero.
        let m = NoisyMarginal(clique: [0], sigma: 1, values: [-3, 1], weights: [1, 1])
        // Run / Assert
        #expect(MirrorDescent.estimateTotal([m]) == 1)
    }
}

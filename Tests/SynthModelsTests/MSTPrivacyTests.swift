// MSTPrivacyTests: the noise scale of each measurement round and the split of rho into thirds.

import SynthCore
import Testing
@testable import SynthModels

@Suite struct MSTPrivacyTests {
    static let table = DiscreteTable(sizes: [3, 2, 2], columns: [
        [0, 1, 2, 0, 1, 2, 0, 0], [0, 1, 1, 0, 0, 1, 1, 0], [1, 1, 0, 0, 1, 0, 1, 1],
    ])

    /// The empirical variance of cell `cell` of measurement `index` minus its true count, over
    /// 2,000 seeds.
    static func noiseVariance(cliques: [[Int]], rho: Double, index: Int, cell: Int) -> (variance: Double, sigma: Double) {
        let sigma = (3 / (2 * rho)).squareRoot()
        let truth = NoisyMarginal.histogram(table, clique: cliques[index])[cell]
        var sum = 0.0, squares = 0.0, recorded = 0.0
        for seed in 0..<2000 {
            var rng = SeededRNG(seed: UInt64(seed))
            let m = NoisyMarginal.measure(table, cliques: cliques, sigma: sigma, rng: &rng)[index]
            let e = m.values[cell] - truth
            sum += e
            squares += e * e
            recorded = m.sigma
        }
        let mean = sum / 2000
        return (squares / 2000 - mean * mean, recorded)
    }

    @Test func oneWayNoiseScale() {
        // Setup: three one-way cliques share one round, so each has scale sigma * sqrt(3).
        let rho = 0.5
        let expected = 3 / (2 * rho) * 3
        // Run
        let (variance, recorded) = Self.noiseVariance(cliques: [[0], [1], [2]], rho: rho, index: 0, cell: 1)
        // Assert: within 10% of (sigma sqrt(k))^2, and the recorded scale is exact.
        #expect(abs(variance / expected - 1) < 0.1)
        #expect(abs(recorded * recorded - expected) < 1e-9)
    }

    @Test func twoWayNoiseScale() {
        // Setup: two two-way cliques share one round, so each has scale sigma * sqrt(2).
        let rho = 2.0
        let expected = 3 / (2 * rho) * 2
        // Run
        let (variance, recorded) = Self.noiseVariance(cliques: [[0, 1], [1, 2]], rho: rho, index: 1, cell: 2)
        // Assert
        #expect(abs(variance / expected - 1) < 0.1)
        #expect(abs(recorded * recorded - expected) < 1e-9)
    }

    @Test func budgetIsSplitInThirds() throws {
        // Setup: four columns, so four one-way and three two-way measurements.
        let data = MSTFixtures.chain(rows: 500)
        let rho = 0.7
        // Run
        let result = try MST.fit(data, rho: rho, rng: SeededRNG(seed: 31), options: Self.quick)
        let measured = result.measurements.reduce(0.0) { $0 + 1 / (2 * $1.sigma * $1.sigma) }
        let eps = MSTSelection.epsilon(rho: rho / 3, components: 4)
        // Assert: measurements spend 2 rho / 3 and the three selection draws rho / 3.
        #expect(result.measurements.map(\.clique.count) == [1, 1, 1, 1, 2, 2, 2])
        #expect(abs(measured - 2 * rho / 3) < 1e-9)
        #expect(abs(3 * eps * eps / 8 - rho / 3) < 1e-9)
    }

    @Test func selectionSpendsItsThird() {
        // Setup: five columns with arbitrary weights.
        var rng = SeededRNG(seed: 32)
        let weights = (0..<10).map { Double($0 % 4) * 10 }
        // Run
        let (edges, eps) = MSTSelection.select(weights: weights, columns: 5, rho: 0.3, rng: &rng)
        // Assert: four draws of eps each make a spanning tree and cost 0.3 together.
        #expect(edges.count == 4)
        #expect(abs(4 * eps * eps / 8 - 0.3) < 1e-12)
        #expect(Set(edges.flatMap { $0 }) == Set(0..<5))
    }

    /// Few iterations: these tests check accounting, not the fit.
    static var quick: MSTOptions {
        var options = MSTOptions()
        options.selectionIterations = 50
        options.estimationIterations = 50
        return options
    }
}

// MSTStructureTests: named structural fixtures — dependent pair, one column, constant column, many levels.

import SynthCore
import Testing
@testable import SynthModels

@Suite struct MSTStructureTests {
    @Test func dependentPairIsSelectedAndReproduced() throws {
        // Setup: at rho = 100 the noise is tiny next to 20,000 rows.
        let data = MSTFixtures.dependentPair(rows: 20_000)
        // Run
        let result = try MST.fit(data, rho: 100, rng: SeededRNG(seed: 1))
        let sample = try result.sample(rows: 20_000, rng: SeededRNG(seed: 2))
        // Assert: the tree holds the dependent pair; its joint and the lone column's marginal
        // come back within 0.05 total variation.
        #expect(result.edges.contains([0, 1]))
        #expect(result.edges.count == 2)
        let truePair = MSTFixtures.distribution([data.columns[0], data.columns[1]], sizes: [4, 4])
        let sampledPair = MSTFixtures.distribution([sample[0], sample[1]], sizes: [4, 4])
        #expect(MSTFixtures.totalVariation(truePair, sampledPair) < 0.05)
        let trueLone = MSTFixtures.distribution([data.columns[2]], sizes: [3])
        let sampledLone = MSTFixtures.distribution([sample[2]], sizes: [3])
        #expect(MSTFixtures.totalVariation(trueLone, sampledLone) < 0.05)
    }

    @Test func oneColumn() throws {
        // Setup
        let data = DiscreteTable(sizes: [3], columns: [(0..<3000).map { Int32($0 % 3) }])
        // Run
        let result = try MST.fit(data, rho: 10, rng: SeededRNG(seed: 3))
        let sample = try result.sample(rows: 3000, rng: SeededRNG(seed: 4))
        // Assert: no edges, one singleton clique, one measurement, a near-uniform sample.
        #expect(result.edges.isEmpty)
        #expect(result.cliques == [[0]])
        #expect(result.measurements.map(\.clique) == [[0]])
        #expect(sample.count == 1 && sample[0].count == 3000)
        let shares = MSTFixtures.distribution(sample, sizes: [3])
        #expect(shares.allSatisfy { abs($0 - 1.0 / 3) < 0.05 })
    }

    @Test func constantColumn() throws {
        // Setup: column 0 is always code 2 of 4; column 1 is uniform over 2.
        let rows = 4000
        var rng = SeededRNG(seed: 5)
        let data = DiscreteTable(sizes: [4, 2], columns: [
            [Int32](repeating: 2, count: rows),
            (0..<rows).map { _ in Int32(rng.nextInt(below: 2)) },
        ])
        // Run
        let result = try MST.fit(data, rho: 10, rng: SeededRNG(seed: 6))
        let sample = try result.sample(rows: 2000, rng: SeededRNG(seed: 7))
        // Assert: the constant keeps only its one level (the three empty ones share the rare
        // cell, which the model gives almost no mass), and the sample is nearly all code 2.
        #expect(result.supports[0] == [2])
        let constantShare = Double(sample[0].filter { $0 == 2 }.count) / 2000
        #expect(constantShare > 0.99)
        #expect(sample[1].allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test func manyRareLevelsAreMerged() throws {
        // Setup: 500 levels, 5 common; 2,000 rows leave most levels empty or nearly so.
        let data = MSTFixtures.manyLevels(rows: 2000)
        // Run
        let result = try MST.fit(data, rho: 1, rng: SeededRNG(seed: 8))
        let sample = try result.sample(rows: 5000, rng: SeededRNG(seed: 9))
        // Assert: the compressed domain is small and every sampled code is a declared code.
        #expect(result.supports[0].count < 50)
        #expect(result.marginals.allSatisfy { $0.count <= 100 })
        #expect(sample[0].allSatisfy { $0 >= 0 && $0 < 500 })
        #expect(sample[1].allSatisfy { $0 >= 0 && $0 < 2 })
    }
}

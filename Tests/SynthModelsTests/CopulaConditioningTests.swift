// CopulaConditioningTests: sampling a copula given one column keeps every value inside the
// condition and matches the unconditional model filtered by it.

import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct CopulaConditioningTests {
    static let training = Fixtures.clinical(rows: 20_000)
    static let model = try! GaussianCopula.fit(training)

    @Test func lowerBoundHoldsForEveryRow() throws {
        // Setup
        let condition = ColumnCondition.range(column: "x", lower: 1.5, upper: nil)
        // Run
        let sample = try Self.model.sample(rows: 5000, rng: SeededRNG(seed: 11), given: condition)
        // Assert: the mapping onto the quantile grid is exact, so no value falls below 1.5.
        let x = try #require(sample.column("x"))
        #expect(sample.rowCount == 5000)
        #expect(Stats.values(x).allSatisfy { $0 >= 1.5 })
    }

    @Test func conditionalMeanMatchesFilteredUnconditionalSample() throws {
        // Setup: a large unconditional sample filtered by x ≥ 1.5 (about 6.7% of rows).
        let plain = try Self.model.sample(rows: 300_000, rng: SeededRNG(seed: 12))
        let px = try #require(plain.column("x")), py = try #require(plain.column("y"))
        let kept = (0..<plain.rowCount).filter { px.valid[$0] && px.numbers[$0] >= 1.5 }
        let filteredMean = kept.map { py.numbers[$0] }.reduce(0, +) / Double(kept.count)
        let share = Double(kept.count) / Double(plain.rowCount)
        // Run
        let given = try Self.model.sample(rows: 20_000, rng: SeededRNG(seed: 13),
                                          given: .range(column: "x", lower: 1.5, upper: nil))
        let gy = Stats.values(try #require(given.column("y")))
        let givenMean = gy.reduce(0, +) / Double(gy.count)
        let mass = try #require(Self.model.latentMass(.range(column: "x", lower: 1.5, upper: nil)))
        // Assert: means within 0.3 (standard errors about 0.04 and 0.03; E[y | x ≥ 1.5] ≈ 65.5),
        // and the latent mass is the share of rows that qualify within 0.005.
        #expect(abs(givenMean - filteredMean) <= 0.3, "given \(givenMean), filtered \(filteredMean)")
        #expect(abs(mass - share) <= 0.005, "mass \(mass), share \(share)")
    }

    @Test func categoriesGivenOneLevel() throws {
        // Run
        let sample = try Self.model.sample(rows: 3000, rng: SeededRNG(seed: 14), given: .levels(column: "group", ["C"]))
        let mass = try #require(Self.model.latentMass(.levels(column: "group", ["C"])))
        // Assert: every row is C; C holds a fifth of the mass (±0.02).
        let shares = Stats.shares(try #require(sample.column("group")))
        #expect(shares == ["C": 1])
        #expect(abs(mass - 0.2) <= 0.02)
    }

    @Test func booleanGivenItsOwnLabel() throws {
        // Run: the flag is spelled No/Yes in the data, stored as false/true in the model.
        let sample = try Self.model.sample(rows: 2000, rng: SeededRNG(seed: 15), given: .levels(column: "flag", ["Yes"]))
        // Assert
        let flag = try #require(sample.column("flag"))
        #expect(Stats.values(flag).allSatisfy { $0 == 1 })
        #expect(abs((Self.model.latentMass(.range(column: "flag", lower: 1, upper: 1)) ?? 0) - 0.3) <= 0.02)
    }

    @Test func roundedColumnsStayInsideWholeBounds() throws {
        // Setup: visits are whole numbers, admitted whole days.
        let visits = ColumnCondition.range(column: "visits", lower: 6, upper: nil)
        let admitted = ColumnCondition.range(column: "admitted", lower: 19_000, upper: 19_010)
        // Run
        let a = try Self.model.sample(rows: 2000, rng: SeededRNG(seed: 16), given: visits)
        let b = try Self.model.sample(rows: 2000, rng: SeededRNG(seed: 17), given: admitted)
        // Assert
        #expect(Stats.values(try #require(a.column("visits"))).allSatisfy { $0 >= 6 })
        #expect(Stats.values(try #require(b.column("admitted"))).allSatisfy { $0 >= 19_000 && $0 <= 19_010 })
    }

    @Test(arguments: [
        ColumnCondition.range(column: "x", lower: 1e9, upper: nil),
        ColumnCondition.range(column: "x", lower: 2, upper: 1),
        ColumnCondition.levels(column: "group", ["Z"]),
    ])
    func zeroMassThrows(condition: ColumnCondition) {
        // Run / Assert
        #expect(Self.model.latentMass(condition) == 0)
        #expect(throws: ModelError.invalid("the condition has probability zero under the model")) {
            try Self.model.sample(rows: 10, rng: SeededRNG(seed: 1), given: condition)
        }
    }

    @Test(arguments: [
        ColumnCondition.range(column: "nope", lower: 0, upper: nil),
        ColumnCondition.levels(column: "note", ["free text 1"]),
        ColumnCondition.range(column: "group", lower: 0, upper: 1),
        ColumnCondition.levels(column: "x", ["1"]),
    ])
    func unmappableConditionHasNoMass(condition: ColumnCondition) {
        #expect(Self.model.latentMass(condition) == nil)
        #expect(throws: ModelError.self) { try Self.model.sample(rows: 10, rng: SeededRNG(seed: 1), given: condition) }
    }

    @Test func sameSeedSameSample() throws {
        // Setup: more than one chunk, so the per-chunk streams are exercised.
        let condition = ColumnCondition.range(column: "y", lower: nil, upper: 40)
        // Run
        let first = try Self.model.sample(rows: 9000, rng: SeededRNG(seed: 18), given: condition)
        let second = try Self.model.sample(rows: 9000, rng: SeededRNG(seed: 18), given: condition)
        // Assert
        #expect(first == second)
        #expect(Stats.values(try #require(first.column("y"))).allSatisfy { $0 <= 40 })
    }

    @Test func farTailStaysFiniteAndInside() throws {
        // Run: the top of the grid, where u is within 1/1000 of 1.
        let q = try #require(Self.model.marginals.first { $0.column == "x" }?.quantiles)
        let sample = try Self.model.sample(rows: 500, rng: SeededRNG(seed: 19), given: .range(column: "x", lower: q[q.count - 2], upper: nil))
        // Assert
        let x = Stats.values(try #require(sample.column("x")))
        #expect(x.allSatisfy { $0 >= q[q.count - 2] && $0 <= q[q.count - 1] })
        #expect(Stats.values(try #require(sample.column("y"))).allSatisfy { $0.isFinite })
    }
}

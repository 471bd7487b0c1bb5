// CoverageTests: missing-value similarity, category and range coverage against hand arithmetic.

import SynthData
import Testing
@testable import SynthEval

@Suite struct CoverageTests {
    @Test func missingValueSimilarity() {
        // Setup: real 1 of 4 missing (.25), synthetic 1 of 2 missing (.5) → 1 − .25 = .75.
        let real = Table(name: "r", columns: [Column.coded("k", ["a", nil, "b", "a"], kind: .text)])
        let synthetic = Table(name: "s", columns: [Column.coded("k", ["a", nil], kind: .text)])
        // Run
        let scores = Coverage.evaluate(real: real, synthetic: synthetic)
        // Assert: text columns get only the missing-value score.
        #expect(scores == [CoverageScore(column: "k", metric: "MissingValueSimilarity", score: 0.75)])
    }

    @Test func categoryCoverageMatchesLevelTextAndIgnoresMissing() {
        // Setup: real categories {a, b, c, d} (missing excluded); synthetic {c, a, z} in another
        // level order → a and c covered: 2 / 4 = .5. Missing shares 1/5 and 0 → .8.
        let real = Table(name: "r", columns: [Column.coded("k", ["a", "b", "c", "d", nil])])
        let synthetic = Table(name: "s", columns: [Column.coded("k", ["c", "a", "z", "z"])])
        // Run
        let scores = Coverage.evaluate(real: real, synthetic: synthetic)
        // Assert
        #expect(scores.count == 2)
        #expect(scores[0].metric == "MissingValueSimilarity")
        #expect(abs(scores[0].score - 0.8) <= 1e-12)
        #expect(scores[1] == CoverageScore(column: "k", metric: "CategoryCoverage", score: 0.5))
    }

    @Test func booleanCoverageByValue() {
        // Setup: real has false and true; synthetic only true (spelled differently) → 1 / 2.
        var real = Column.numeric("b", [0, 1, 1], kind: .boolean)
        real.levels = ["No", "Yes"]
        var synthetic = Column.numeric("b", [1, 1], kind: .boolean)
        synthetic.levels = ["false", "true"]
        // Run
        let scores = Coverage.evaluate(real: Table(name: "r", columns: [real]),
                                       synthetic: Table(name: "s", columns: [synthetic]))
        // Assert
        #expect(scores.last == CoverageScore(column: "b", metric: "CategoryCoverage", score: 0.5))
    }

    @Test(arguments: [
        // Real range [0, 10]. Synthetic [2, 9]: 1 − (.2 + .1) = .7.
        (id: "inside", synthetic: [2.0, 9, 5], expected: 0.7),
        // Wider than real: not penalised → 1.
        (id: "wider", synthetic: [-5.0, 20], expected: 1.0),
        // Shifted right [5, 15]: 1 − (.5 + 0) = .5.
        (id: "shifted", synthetic: [5.0, 15], expected: 0.5),
        // Entirely above [20, 30]: 1 − (2 + 0) < 0 → clipped to 0.
        (id: "outside", synthetic: [20.0, 30], expected: 0.0),
    ])
    func rangeCoverage(_ example: (id: String, synthetic: [Double], expected: Double)) {
        // Setup: real 0, 10, 4 and a missing value (ignored for the range).
        let real = Table(name: "r", columns: [Column.numeric("x", [0, 10, nil, 4])])
        let synthetic = Table(name: "s", columns: [Column.numeric("x", example.synthetic.map { $0 })])
        // Run
        let scores = Coverage.evaluate(real: real, synthetic: synthetic)
        // Assert
        let range = scores.first { $0.metric == "RangeCoverage" }
        #expect(range != nil, "\(example.id)")
        #expect(abs((range?.score ?? -1) - example.expected) <= 1e-12, "\(example.id)")
    }

    @Test func undefinedScoresAreLeftOut() {
        // Setup: a constant real column (SDMetrics: NaN), an all-missing synthetic column,
        // an all-missing real categorical column, and an identifier column.
        let real = Table(name: "r", columns: [
            Column.numeric("const", [3, 3, 3]),
            Column.numeric("gone", [1, 2, 3]),
            Column.coded("empty", [nil, nil, nil]),
            Column.coded("id", ["1", "2", "3"], kind: .identifier),
        ])
        let synthetic = Table(name: "s", columns: [
            Column.numeric("const", [1, 5, 3]),
            Column.numeric("gone", [nil, nil, nil]),
            Column.coded("empty", ["a", nil, nil]),
            Column.coded("id", ["1", "2", "3"], kind: .identifier),
        ])
        // Run
        let scores = Coverage.evaluate(real: real, synthetic: synthetic)
        // Assert: only missing-value scores remain; the identifier has none.
        #expect(scores.map(\.metric) == Array(repeating: "MissingValueSimilarity", count: 3))
        #expect(scores.map(\.column) == ["const", "gone", "empty"])
        #expect(scores[1].score == 0)
        #expect(abs(scores[2].score - 2.0 / 3.0) <= 1e-12) // 1 − |3/3 − 2/3|
    }

    @Test func dateColumnsGetRangeCoverage() {
        // Setup: dates as days since 1970; real [100, 200], synthetic [150, 200] → .5.
        let real = Table(name: "r", columns: [Column.numeric("d", [100, 200], kind: .date)])
        let synthetic = Table(name: "s", columns: [Column.numeric("d", [150, 200, 180], kind: .date)])
        // Run
        let scores = Coverage.evaluate(real: real, synthetic: synthetic)
        // Assert
        #expect(scores == [CoverageScore(column: "d", metric: "MissingValueSimilarity", score: 1),
                           CoverageScore(column: "d", metric: "RangeCoverage", score: 0.5)])
    }
}

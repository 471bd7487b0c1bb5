// QualityMetricTests: each quality metric against arithmetic done by hand on tiny tables.

import SynthData
import Testing
@testable import SynthEval

@Suite struct QualityMetricTests {
    @Test func ksComplement() {
        // Setup: real {1,2,3,4} (+ a missing value, dropped), synthetic {1,2,2,5}.
        // ECDFs at 1: .25/.25, 2: .50/.75, 3: .75/.75, 4: 1/.75, 5: 1/1 → D = .25.
        let real: [Double] = [1, 2, .nan, 3, 4]
        let synthetic: [Double] = [1, 2, 2, 5]
        // Run
        let score = KSComplement.compute(real: real, synthetic: synthetic)
        // Assert: 1 − .25, exact.
        #expect(score == 0.75)
        #expect(KSComplement.compute(real: [], synthetic: [1]).isNaN)
    }

    @Test func tvComplementMatchesLevelsByText() throws {
        // Setup: real a,a,b,c (a .5, b .25, c .25); synthetic c,a,a,d,missing (levels in another
        // order: c, a, d; a .5, c .25, d .25 after dropping the missing value).
        // TV = ½(|.5−.5| + |.25−0| + |.25−.25| + |0−.25|) = .25.
        let real = Table(name: "r", columns: [Column.coded("k", ["a", "a", "b", "c"])])
        let synthetic = Table(name: "s", columns: [Column.coded("k", ["c", "a", "a", "d", nil])])
        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        // Assert
        #expect(report.shapes == [ShapeScore(column: "k", metric: .tvComplement, score: 0.75)])
    }

    @Test func correlationSimilarity() {
        // Setup: real B = 2A → r = 1. Synthetic A = 1,2,3,4, B = 1,3,2,4: deviations
        // (−1.5,−.5,.5,1.5)·(−1.5,.5,−.5,1.5) = 4, sums of squares 5 and 5 → r = .8.
        // Rows with a missing value are dropped. Score = 1 − |1 − .8| / 2 = .9.
        let result = CorrelationSimilarity.compute(realA: [1, 2, 3, 4, .nan], realB: [2, 4, 6, 8, 1],
                                                   syntheticA: [1, 2, 3, 4], syntheticB: [1, 3, 2, 4])
        // Assert within 1e-12.
        #expect(abs(result.real - 1) <= 1e-12)
        #expect(abs(result.synthetic - 0.8) <= 1e-12)
        #expect(abs(result.score - 0.9) <= 1e-12)
    }

    @Test func contingencySimilarity() throws {
        // Setup: real (a,u) (a,v) (b,u) (b,v), each .25; synthetic (a,u) (a,u) (a,v) (b,v):
        // (a,u) .5, (a,v) .25, (b,v) .25. TVD = ½(.25 + 0 + .25 + 0) = .25 → .75.
        let real = Table(name: "r", columns: [Column.coded("x", ["a", "a", "b", "b"]), Column.coded("y", ["u", "v", "u", "v"])])
        let synthetic = Table(name: "s", columns: [Column.coded("x", ["a", "a", "a", "b"]), Column.coded("y", ["u", "u", "v", "v"])])
        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        // Assert
        #expect(report.pairs == [PairScore(columnA: "x", columnB: "y", metric: .contingencySimilarity, score: 0.75)])
    }

    @Test func contingencyCountsMissingAsACell() throws {
        // Setup: real (a,u) (missing,u); synthetic (missing,u) twice → TVD = ½(.5 + .5) = .5.
        let real = Table(name: "r", columns: [Column.coded("x", ["a", nil]), Column.coded("y", ["u", "u"])])
        let synthetic = Table(name: "s", columns: [Column.coded("x", [nil, nil]), Column.coded("y", ["u", "u"])])
        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        // Assert
        #expect(report.pairs.first?.score == 0.5)
    }

    @Test func numericBinsClipSyntheticValues() throws {
        // Setup: real n = 0…10 (10 bins of width 1; 10 falls in the last bin), c = u for n < 5.
        // Synthetic values −3 and 12 clip into the first and last bins, so the joint matches.
        let real = Table(name: "r", columns: [Column.numeric("n", [0, 4, 5, 10]), Column.coded("c", ["u", "u", "v", "v"])])
        let synthetic = Table(name: "s", columns: [Column.numeric("n", [-3, 4.5, 5.5, 12]), Column.coded("c", ["u", "u", "v", "v"])])
        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        // Assert
        #expect(report.pairs.first?.score == 1)
    }

    @Test func overallIsMeanOfShapesAndPairs() throws {
        // Setup
        // real A 1,2,3,4  B 2,4,6,8  C x,x,y,y;  synthetic A 1,2,3,4  B 8,6,4,2  C x,y,y,y.
        // Shapes: KS(A) = 1, KS(B) = 1 (same values), TV(C) = 1 − ½(.25 + .25) = .75 → 2.75/3.
        // Pairs: corr(A,B) = 1 − |1 − (−1)|/2 = 0.
        //   cont(A,C): bins of width .3 over [1,4] → A bins 0,3,6,9; real (0x)(3x)(6y)(9y),
        //   synthetic (0x)(3y)(6y)(9y) → TVD .25 → .75.
        //   cont(B,C): bins of width .6 over [2,8] → real (0x)(3x)(6y)(9y), synthetic B bins
        //   9,6,3,0 with x,y,y,y → (9x)(6y)(3y)(0y); six cells differ by .25 → TVD .75 → .25.
        // pairs = (0 + .75 + .25)/3 = 1/3; overall = (2.75/3 + 1/3)/2 = .625.
        let real = Table(name: "r", columns: [Column.numeric("A", [1, 2, 3, 4]), Column.numeric("B", [2, 4, 6, 8]),
                                              Column.coded("C", ["x", "x", "y", "y"])])
        let synthetic = Table(name: "s", columns: [Column.numeric("A", [1, 2, 3, 4]), Column.numeric("B", [8, 6, 4, 2]),
                                                   Column.coded("C", ["x", "y", "y", "y"])])
        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        // Assert within 1e-12.
        #expect(report.shapes.map(\.score) == [1, 1, 0.75])
        #expect(report.shapes.map(\.metric) == [.ksComplement, .ksComplement, .tvComplement])
        let pairs = report.pairs.map { "\($0.columnA)-\($0.columnB) \($0.metric.rawValue)" }
        #expect(pairs == ["A-B CorrelationSimilarity", "A-C ContingencySimilarity", "B-C ContingencySimilarity"])
        #expect(abs(report.pairs[0].score - 0) <= 1e-12)
        #expect(abs(try #require(report.pairs[0].realValue) - 1) <= 1e-12)
        #expect(abs(try #require(report.pairs[0].syntheticValue) + 1) <= 1e-12)
        #expect(abs(report.pairs[1].score - 0.75) <= 1e-12)
        #expect(abs(report.pairs[2].score - 0.25) <= 1e-12)
        #expect(abs(report.shapesScore - 2.75 / 3) <= 1e-12)
        #expect(abs(report.pairsScore - 1.0 / 3) <= 1e-12)
        #expect(abs(report.overall - 0.625) <= 1e-12)
    }

    @Test func columnFamiliesAndSkips() throws {
        // Setup: identifier and text columns are skipped; booleans are categorical (by value,
        // whatever the spelling), dates numerical; a constant column has no correlation.
        var yes = Column.numeric("flag", [1, 0, 1], kind: .boolean)
        yes.levels = ["N", "Y"]
        var yesOther = Column.numeric("flag", [1, 0, 1], kind: .boolean)
        yesOther.levels = ["false", "true"]
        let real = Table(name: "r", columns: [
            Column.coded("id", ["a", "b", "c"], kind: .identifier), Column.coded("memo", ["x", "y", "z"], kind: .text),
            yes, Column.numeric("day", [18000, 18001, 18002], kind: .date), Column.numeric("k", [5, 5, 5]),
        ])
        let synthetic = Table(name: "s", columns: [
            Column.coded("id", ["syn-1", "syn-2", "syn-3"], kind: .identifier), yesOther,
            Column.numeric("day", [18000, 18001, 18002], kind: .date), Column.numeric("k", [5, 5, 5]),
        ])
        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        // Assert
        #expect(report.shapes == [ShapeScore(column: "flag", metric: .tvComplement, score: 1),
                                  ShapeScore(column: "day", metric: .ksComplement, score: 1),
                                  ShapeScore(column: "k", metric: .ksComplement, score: 1)])
        #expect(!report.pairs.contains { $0.columnA == "day" && $0.columnB == "k" })
        #expect(report.notes.contains { $0.contains("'day', 'k'") })
        #expect(report.pairs.count == 2)
    }

    @Test func missingSyntheticColumnIsNoted() throws {
        // Setup
        let real = Table(name: "r", columns: [Column.numeric("a", [1, 2]), Column.numeric("b", [1, 2])])
        let synthetic = Table(name: "s", columns: [Column.numeric("a", [1, 2])])
        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        // Assert: one shape, no pairs, overall is the shape score alone.
        #expect(report.shapes.count == 1 && report.pairs.isEmpty)
        #expect(report.pairsScore.isNaN && report.overall == 1)
        #expect(report.notes == ["column 'b' is not in the synthetic table"])
    }
}

@Suite struct QualityUnicodeTests {
    @Test func unicodeNamesAndLevels() throws {
        // Setup: the same distribution, levels listed in another order, non-ASCII names.
        let real = Table(name: "r", columns: [Column.coded("état", ["café", "naïve", "café", "日本"])])
        let synthetic = Table(name: "s", columns: [Column.coded("état", ["日本", "café", "naïve", "café"])])
        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        // Assert
        #expect(report.shapes == [ShapeScore(column: "état", metric: .tvComplement, score: 1)])
        #expect(try ExactMatch.replicateMask(synthetic: synthetic, training: real) == [true, true, true, true])
    }
}

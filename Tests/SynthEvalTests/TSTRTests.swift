// TSTRTests: train-on-synthetic-test-on-real on fixtures where the target follows x.

import SynthCore
import SynthData
import Testing
@testable import SynthEval

@Suite struct TSTRTests {
    /// x ~ N(0, 1), a noise column, and targets that depend on x: y = 3x + N(0, 0.3²), flag =
    /// (x + N(0, 0.3²) > 0) as a boolean, band = low / mid / high by x + noise, and an id.
    static func sample(rows: Int, seed: UInt64) -> Table {
        var rng = SeededRNG(seed: seed)
        var x: [Double?] = [], noise: [Double?] = [], y: [Double?] = [], flag: [Double?] = []
        var band: [String?] = [], id: [String?] = []
        for r in 0..<rows {
            let v = rng.nextGaussian()
            x.append(v)
            noise.append(rng.nextGaussian())
            y.append(3 * v + 0.3 * rng.nextGaussian())
            flag.append(v + 0.3 * rng.nextGaussian() > 0 ? 1 : 0)
            let w = v + 0.3 * rng.nextGaussian()
            band.append(w < -0.5 ? "low" : (w < 0.5 ? "mid" : "high"))
            id.append("row\(seed)-\(r)")
        }
        return Table(name: "t", columns: [
            Column.numeric("x", x), Column.numeric("noise", noise), Column.numeric("y", y),
            Column.numeric("flag", flag, kind: .boolean), Column.coded("band", band),
            Column.coded("id", id, kind: .identifier),
        ])
    }

    static let training = sample(rows: 1500, seed: 1)
    static let synthetic = sample(rows: 1500, seed: 2)
    static let holdout = sample(rows: 800, seed: 3)

    @Test func regression() throws {
        // Run
        let result = try TSTR.evaluate(training: Self.training, synthetic: Self.synthetic, holdout: Self.holdout,
                                       target: "y", seed: 1)
        // Assert: noise variance 0.09 of 9.09 total → R² ≈ 0.99.
        #expect(result.task == "regression")
        #expect(result.holdoutRows == 800)
        let r2 = try #require(result.metrics.first { $0.name == "r2" })
        #expect(r2.trainOnReal > 0.95)
        #expect(abs(r2.trainOnReal - r2.trainOnSynthetic) < 0.02)
    }

    @Test func tablesOverTheCapAreSubsampledAndSaidSo() throws {
        // Setup: a synthetic table past the cap; training and holdout under it.
        let big = Self.sample(rows: TSTR.maxRows + 5_000, seed: 4)
        // Run
        let result = try TSTR.evaluate(training: Self.training, synthetic: big, holdout: Self.holdout,
                                       target: "y", seed: 1)
        let again = try TSTR.evaluate(training: Self.training, synthetic: big, holdout: Self.holdout,
                                      target: "y", seed: 1)
        let whole = try TSTR.evaluate(training: Self.training, synthetic: Self.synthetic, holdout: Self.holdout,
                                      target: "y", seed: 1)
        // Assert: the learner saw the cap, the result says so, the sample is seeded.
        #expect(result.subsampled && result.syntheticRows == TSTR.maxRows && result.trainingRows == 1500)
        #expect(result.tableRows == [1500, TSTR.maxRows + 5_000, 800])
        #expect(result.subsampleNote == "learners use a seeded sample of 100000 rows of each table larger than that (105000 synthetic rows)")
        #expect(result == again)
        #expect(result.metrics[0].trainOnSynthetic > 0.95)
        #expect(!whole.subsampled && whole.subsampleNote == nil)
    }

    @Test func binary() throws {
        // Run
        let result = try TSTR.evaluate(training: Self.training, synthetic: Self.synthetic, holdout: Self.holdout,
                                       target: "flag", seed: 1)
        // Assert
        #expect(result.task == "binary")
        #expect(result.metrics.map(\.name) == ["auc", "accuracy"])
        let auc = result.metrics[0], accuracy = result.metrics[1]
        #expect(auc.trainOnReal > 0.9)
        #expect(abs(auc.trainOnReal - auc.trainOnSynthetic) < 0.03)
        #expect(accuracy.trainOnReal > 0.8)
        #expect(abs(accuracy.trainOnReal - accuracy.trainOnSynthetic) < 0.05)
    }

    @Test func multiclass() throws {
        // Run
        let result = try TSTR.evaluate(training: Self.training, synthetic: Self.synthetic, holdout: Self.holdout,
                                       target: "band", seed: 1)
        // Assert
        #expect(result.task == "multiclass")
        #expect(result.metrics.map(\.name) == ["accuracy", "macro_f1"])
        #expect(result.metrics[0].trainOnReal > 0.7)
        #expect(result.metrics[1].trainOnReal > 0.6)
        #expect(abs(result.metrics[0].trainOnReal - result.metrics[0].trainOnSynthetic) < 0.05)
    }

    @Test func shuffledSyntheticTargetScoresWorse() throws {
        // Setup: the synthetic table keeps x but its y no longer follows x.
        var broken = Self.synthetic
        let i = broken.index(of: "y")!
        broken.columns[i].numbers.reverse()
        broken.columns[i] = broken.columns[i].gather(Array(0..<broken.rowCount).map { ($0 * 7) % broken.rowCount })
        // Run
        let result = try TSTR.evaluate(training: Self.training, synthetic: broken, holdout: Self.holdout,
                                       target: "y", seed: 1)
        // Assert
        #expect(result.metrics[0].trainOnSynthetic < 0.2)
    }

    @Test func sameSeedSameNumbers() throws {
        let first = try TSTR.evaluate(training: Self.training, synthetic: Self.synthetic, holdout: Self.holdout,
                                      target: "band", seed: 4)
        let second = try TSTR.evaluate(training: Self.training, synthetic: Self.synthetic, holdout: Self.holdout,
                                       target: "band", seed: 4)
        #expect(first == second)
    }

    @Test func errors() {
        let t = Table(name: "t", columns: [
            Column.numeric("x", [1, 2, 3, 4]),
            Column.coded("one", ["a", "a", "a", nil]),
            Column.coded("id", ["1", "2", "3", "4"], kind: .identifier),
            Column.coded("note", ["p", "q", "r", "s"], kind: .text),
        ])
        #expect(throws: EvaluationError.unknownTarget("agee", available: ["x", "one", "id", "note"])) {
            try TSTR.evaluate(training: t, synthetic: t, holdout: t, target: "agee", seed: 1)
        }
        #expect(throws: EvaluationError.targetHasOneLevel("one")) {
            try TSTR.evaluate(training: t, synthetic: t, holdout: t, target: "one", seed: 1)
        }
        #expect(throws: EvaluationError.targetNotModelable("id", kind: "an identifier")) {
            try TSTR.evaluate(training: t, synthetic: t, holdout: t, target: "id", seed: 1)
        }
        #expect(throws: EvaluationError.targetNotModelable("note", kind: "text")) {
            try TSTR.evaluate(training: t, synthetic: t, holdout: t, target: "note", seed: 1)
        }
        #expect(EvaluationError.targetHasOneLevel("one").description.contains("only one value"))
    }
}

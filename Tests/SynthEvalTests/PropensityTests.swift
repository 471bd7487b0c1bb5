// PropensityTests: pMSE and S_pMSE (synthpop utility.gen) on hand-computed and simulated cases.

import SynthCore
import SynthData
import Testing
@testable import SynthEval

@Suite struct PropensityTests {
    /// `rows` draws of two normal numbers (mean `shift`) and a three-level category.
    static func sample(rows: Int, shift: Double, seed: UInt64) -> Table {
        var rng = SeededRNG(seed: seed)
        var a: [Double?] = [], b: [Double?] = [], g: [String?] = []
        for _ in 0..<rows {
            a.append(rng.nextGaussian() + shift)
            b.append(rng.nextGaussian())
            g.append(["x", "y", "z"][rng.nextInt(below: 3)])
        }
        return Table(name: "t", columns: [Column.numeric("a", a), Column.numeric("b", b), Column.coded("g", g)])
    }

    /// 10 real rows with x in 0..<10 and 20 synthetic rows with x in 100..<120: x separates them.
    static let separatedReal = Table(name: "r", columns: [Column.numeric("x", (0..<10).map { Double($0) })])
    static let separatedSynthetic = Table(name: "s", columns: [Column.numeric("x", (100..<120).map { Double($0) })])

    @Test func cartOnSeparatingFeature() throws {
        // Setup: N = 30, c = 20/30 = 2/3. The tree splits x into two pure leaves (each side has
        // ≥ 5 rows), so p̂ = 0 on real rows and 1 on synthetic ones:
        // pMSE = (10·(0 − 2/3)² + 20·(1 − 2/3)²) / 30 = (40/9 + 20/9) / 30 = 2/9 = c(1 − c).
        // Run
        let score = try Propensity.evaluate(real: Self.separatedReal, synthetic: Self.separatedSynthetic,
                                        model: "cart", seed: 1)
        // Assert
        #expect(score.model == "cart")
        #expect(abs(score.pMSE - 2.0 / 9) < 1e-12)
    }

    @Test func logisticOnSeparatingFeature() throws {
        // Setup: as above; the ridge keeps the coefficients finite, so p̂ only approaches 0 and 1
        // and pMSE approaches 2/9 from below.
        // Run
        let score = try Propensity.evaluate(real: Self.separatedReal, synthetic: Self.separatedSynthetic,
                                        model: "logistic", seed: 1)
        // Assert
        #expect(score.pMSE < 2.0 / 9 + 1e-12)
        #expect(abs(score.pMSE - 2.0 / 9) < 0.01)
    }

    @Test func treeWithoutSplitScoresTheShare() throws {
        // Setup: 6 rows cannot be split (a node needs 3 × minbucket = 15), so p̂ = c everywhere.
        let real = Table(name: "r", columns: [Column.numeric("x", [1, 2, 3])])
        let synthetic = Table(name: "s", columns: [Column.numeric("x", [7, 8, 9])])
        // Run
        let score = try Propensity.evaluate(real: real, synthetic: synthetic, model: "cart", seed: 3)
        // Assert: every permutation gives no split either, so S_pMSE = 0/0 (NaN, as in synthpop).
        #expect(score.pMSE == 0)
        #expect(score.expectedPMSE == 0)
        #expect(score.sPMSE.isNaN)
    }

    @Test func logisticExpectationFormula() throws {
        // Setup: a, b numeric (1 parameter each), g three levels (2 parameters), intercept: k = 5.
        // 300 real + 150 synthetic rows: N = 450, c = 1/3.
        // expected = (k − 1)(1 − c)² c / N = 4 · 4/9 · 1/3 / 450 = 16/12150.
        let real = Self.sample(rows: 300, shift: 0, seed: 11)
        let synthetic = Self.sample(rows: 150, shift: 0, seed: 12)
        // Run
        let score = try Propensity.evaluate(real: real, synthetic: synthetic, model: "logistic", seed: 1)
        // Assert
        #expect(abs(score.expectedPMSE - 16.0 / 12150) < 1e-15)
        #expect(abs(Propensity.expectedLogisticPMSE(parameters: 5, c: 1.0 / 3, rows: 450) - 16.0 / 12150) < 1e-15)
        #expect(abs(score.sPMSE - score.pMSE / score.expectedPMSE) < 1e-12)
    }

    @Test(arguments: ["logistic", "cart"])
    func sameDistributionVersusShifted(model: String) throws {
        // Setup: two samples of one distribution, and one shifted by one standard deviation.
        let real = Self.sample(rows: 2000, shift: 0, seed: 21)
        let same = Self.sample(rows: 2000, shift: 0, seed: 22)
        let shifted = Self.sample(rows: 2000, shift: 1, seed: 23)
        // Run
        let null = try Propensity.evaluate(real: real, synthetic: same, model: model, seed: 5)
        let far = try Propensity.evaluate(real: real, synthetic: shifted, model: model, seed: 5)
        // Assert: for independent samples of one distribution with c = ½ the logistic pMSE has
        // mean (k − 1) c (1 − c) / N, twice synthpop's expectation (k − 1)(1 − c)² c / N, and the
        // CART null is the halved permutation pMSE, so S_pMSE sits near 1 / (1 − c) = 2 for both
        // (synthpop's convention), with wide scatter for k − 1 = 4.
        if model == "logistic" {
            #expect(null.sPMSE > 0.1 && null.sPMSE < 3, "S_pMSE \(null.sPMSE)")
        } else {
            #expect(null.sPMSE > 0.5 && null.sPMSE < 5, "S_pMSE \(null.sPMSE)")
        }
        #expect(far.sPMSE > 5 * null.sPMSE, "S_pMSE \(far.sPMSE) vs \(null.sPMSE)")
        #expect(far.pMSE > null.pMSE)
    }

    @Test(arguments: ["logistic", "cart"])
    func sameSeedSameNumbers(model: String) throws {
        // Setup
        let real = Self.sample(rows: 500, shift: 0, seed: 31)
        let synthetic = Self.sample(rows: 400, shift: 0.3, seed: 32)
        // Run
        let first = try Propensity.evaluate(real: real, synthetic: synthetic, model: model, seed: 9)
        let second = try Propensity.evaluate(real: real, synthetic: synthetic, model: model, seed: 9)
        // Assert
        #expect(first == second)
    }

    @Test func levelsMatchByTextAndIdentifiersAreSkipped() throws {
        // Setup: the same rows with levels stored in another order and an identifier column that
        // differs everywhere: the model must see identical tables, so every p̂ = c and pMSE ≈ 0.
        let real = Table(name: "r", columns: [
            Column.coded("g", ["a", "b", "c", "a", "b", "c"]),
            Column.coded("id", ["1", "2", "3", "4", "5", "6"], kind: .identifier),
        ])
        let synthetic = Table(name: "s", columns: [
            Column.coded("g", ["c", "b", "a", "c", "b", "a"]),
            Column.coded("id", ["7", "8", "9", "10", "11", "12"], kind: .identifier),
        ])
        // Run
        let logistic = try Propensity.evaluate(real: real, synthetic: synthetic, model: "logistic", seed: 1)
        // Assert
        #expect(logistic.pMSE < 1e-12)
        #expect(abs(logistic.expectedPMSE - Propensity.expectedLogisticPMSE(parameters: 3, c: 0.5, rows: 12)) < 1e-15)
    }
}

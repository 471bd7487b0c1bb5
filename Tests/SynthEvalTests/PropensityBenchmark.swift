// PropensityBenchmark: propensity timing at 100k × 50 per side (SYNTH_BENCH=1, release).

import Foundation
import SynthCore
import SynthData
import Testing
import SynthEval

@Suite struct PropensityBenchmark {
    /// 25 numeric columns (some missing) and 25 categorical columns of 2–26 levels, as Diabetes 130-US.
    static func table(rows: Int, seed: UInt64) -> Table {
        var rng = SeededRNG(seed: seed)
        var columns: [Column] = []
        for c in 0..<25 {
            var numbers = [Double](repeating: 0, count: rows)
            var valid = [Bool](repeating: true, count: rows)
            for r in 0..<rows {
                if c % 5 == 0 && rng.nextDouble() < 0.05 { numbers[r] = .nan; valid[r] = false } else { numbers[r] = rng.nextGaussian() }
            }
            columns.append(Column(name: "num\(c)", kind: .numeric, numbers: numbers, valid: valid))
        }
        for c in 0..<25 {
            let k = 2 + c
            columns.append(Column(name: "cat\(c)", kind: .categorical, codes: (0..<rows).map { _ in Int32(rng.nextInt(below: k)) },
                                  levels: (0..<k).map { "L\($0)" }, valid: [Bool](repeating: true, count: rows)))
        }
        return Table(name: "bench", columns: columns)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNTH_BENCH"] != nil))
    func evaluate() throws {
        let real = Self.table(rows: 100_000, seed: 1)
        let synthetic = Self.table(rows: 100_000, seed: 2)
        let t0 = Date()
        let logistic = try Propensity.evaluate(real: real, synthetic: synthetic, model: "logistic", seed: 1)
        let t1 = Date()
        let cart = try Propensity.evaluate(real: real, synthetic: synthetic, model: "cart", seed: 1)
        let t2 = Date()
        print("BENCH propensity logistic \(t1.timeIntervalSince(t0)) s (pMSE \(logistic.pMSE), S_pMSE \(logistic.sPMSE)); cart \(t2.timeIntervalSince(t1)) s (pMSE \(cart.pMSE), S_pMSE \(cart.sPMSE))")

        // A synthetic table that differs (num0 shifted by half a standard deviation), so trees split.
        var shifted = synthetic
        shifted.columns[0].numbers = shifted.columns[0].numbers.map { $0 + 0.5 }
        let t3 = Date()
        let cartShifted = try Propensity.evaluate(real: real, synthetic: shifted, model: "cart", seed: 1)
        let t4 = Date()
        print("BENCH propensity cart, shifted \(t4.timeIntervalSince(t3)) s (pMSE \(cartShifted.pMSE), S_pMSE \(cartShifted.sPMSE))")

        // TSTR: 70k training, 100k synthetic, 30k holdout rows, binary target cat0.
        let training = real.prefix(70_000)
        let holdout = real.gather(Array(70_000..<100_000))
        let t5 = Date()
        let tstr = try? TSTR.evaluate(training: training, synthetic: synthetic, holdout: holdout, target: "cat0", seed: 1)
        let t6 = Date()
        print("BENCH tstr binary \(t6.timeIntervalSince(t5)) s (\(tstr.map { "\($0.metrics)" } ?? "failed"))")
    }
}

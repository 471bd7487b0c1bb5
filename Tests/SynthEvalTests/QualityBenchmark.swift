// QualityBenchmark: quality report and exact-match timing at 100k rows × 50 columns (SYNTH_BENCH=1, release).

import Foundation
import SynthCore
import SynthData
import Testing
import SynthEval

@Suite struct QualityBenchmark {
    /// 40 categorical columns (2–31 levels, some missing) and 10 numeric columns.
    static func table(rows: Int, seed: UInt64) -> Table {
        var rng = SeededRNG(seed: seed)
        var columns: [Column] = []
        for c in 0..<40 {
            let k = 2 + c % 30
            var codes = [Int32](repeating: 0, count: rows)
            var valid = [Bool](repeating: true, count: rows)
            for r in 0..<rows {
                if c % 7 == 0 && rng.nextDouble() < 0.05 { codes[r] = -1; valid[r] = false } else { codes[r] = Int32(rng.nextInt(below: k)) }
            }
            columns.append(Column(name: "cat\(c)", kind: .categorical, codes: codes,
                                  levels: (0..<k).map { "L\($0)" }, valid: valid))
        }
        for c in 0..<10 {
            columns.append(Column(name: "num\(c)", kind: .numeric, numbers: (0..<rows).map { _ in rng.nextGaussian() },
                                  valid: [Bool](repeating: true, count: rows)))
        }
        return Table(name: "bench", columns: columns)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNTH_BENCH"] != nil))
    func evaluate() throws {
        let real = Self.table(rows: 100_000, seed: 1)
        let synthetic = Self.table(rows: 100_000, seed: 2)
        let t0 = Date()
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        let t1 = Date()
        let mask = try ExactMatch.replicateMask(synthetic: synthetic, training: real)
        let t2 = Date()
        print("BENCH quality \(t1.timeIntervalSince(t0)) s (\(report.shapes.count) shapes, \(report.pairs.count) pairs, overall \(report.overall)); exact match \(t2.timeIntervalSince(t1)) s (\(mask.filter { $0 }.count) replicates)")
    }
}

// CopulaBenchmark: fit + sample timing on a diabetes-sized table (run with SYNTH_BENCH=1, release).

import Foundation
import SynthCore
import SynthData
import Testing
import SynthModels

@Suite struct CopulaBenchmark {
    /// 101,766 rows × 50 columns: 40 categorical (2–31 levels, some missing), 10 integer/numeric.
    static func diabetesSized() -> Table {
        let rows = 101_766
        var rng = SeededRNG(seed: 42)
        let latent = (0..<rows).map { _ in rng.nextGaussian() }
        var columns: [Column] = []
        for c in 0..<40 {
            let levelCount = 2 + c % 30
            let levels = (0..<levelCount).map { "L\(c)_\($0)" }
            var codes = [Int32](repeating: 0, count: rows)
            var valid = [Bool](repeating: true, count: rows)
            for r in 0..<rows {
                if c % 7 == 0 && rng.nextDouble() < 0.05 { codes[r] = -1; valid[r] = false; continue }
                let u = NormalCDF.value(0.5 * latent[r] + 0.8 * rng.nextGaussian())
                codes[r] = Int32(min(levelCount - 1, Int(u * u * Double(levelCount))))
            }
            columns.append(Column(name: "cat\(c)", kind: .categorical, codes: codes, levels: levels, valid: valid))
        }
        for c in 0..<10 {
            let numbers = (0..<rows).map { r in (40 + 10 * latent[r] + 5 * rng.nextGaussian()).rounded() }
            columns.append(Column(name: "num\(c)", kind: .integer, numbers: numbers, valid: [Bool](repeating: true, count: rows)))
        }
        return Table(name: "bench", columns: columns)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNTH_BENCH"] != nil))
    func fitAndSample() throws {
        let table = Self.diabetesSized()
        let t0 = Date()
        let model = try GaussianCopula.fit(table)
        let t1 = Date()
        let sample = try model.sample(rows: 100_000, rng: SeededRNG(seed: 1))
        let t2 = Date()
        let bytes = try ModelFile.encode(model)
        let t3 = Date()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for column in sample.columns {
            for v in column.numbers { hash = (hash ^ v.bitPattern) &* 0x100_0000_01b3 }
            for c in column.codes { hash = (hash ^ UInt64(UInt32(bitPattern: c))) &* 0x100_0000_01b3 }
        }
        print("BENCH sample hash \(String(hash, radix: 16)) threads \(Parallel.threadCount)")
        print("BENCH fit \(t1.timeIntervalSince(t0)) s, sample 100k \(t2.timeIntervalSince(t1)) s, encode \(t3.timeIntervalSince(t2)) s (\(bytes.count) bytes), dims \(model.correlation.count), rows \(sample.rowCount)")
    }
}

/// Φ for the benchmark generator (kept local so the benchmark reads only the public API).
enum NormalCDF {
    static func value(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
}

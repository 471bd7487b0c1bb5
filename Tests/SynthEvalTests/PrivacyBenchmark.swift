// PrivacyBenchmark: DCR timing, 20,000 synthetic vs 70,000 training rows × 50 columns (SYNTH_BENCH=1, release).

import Foundation
import SynthData
import Testing
import SynthEval

@Suite struct PrivacyBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNTH_BENCH"] != nil))
    func distanceToClosestRecord() {
        // Setup: the quality benchmark's 40 categorical + 10 numeric columns; a 70/30 split.
        let training = QualityBenchmark.table(rows: 70_000, seed: 1)
        let holdout = QualityBenchmark.table(rows: 30_000, seed: 3)
        let trainingAsHoldout = QualityBenchmark.table(rows: 70_000, seed: 4)
        let synthetic = QualityBenchmark.table(rows: 20_000, seed: 2)
        // Run
        let t0 = Date()
        let split = DistanceToClosestRecord.evaluate(training: training, holdout: holdout, synthetic: synthetic, seed: 1)
        let t1 = Date()
        let full = DistanceToClosestRecord.evaluate(training: training, holdout: trainingAsHoldout, synthetic: synthetic, seed: 1)
        let t2 = Date()
        // Assert: timings are printed, not asserted.
        print("BENCH dcr 70k/30k split: \(t1.timeIntervalSince(t0)) s (share \(split.dcrShare)); 70k/70k: \(t2.timeIntervalSince(t1)) s (share \(full.dcrShare))")
        #expect(split.syntheticRows == 20_000)
    }
}

// UtilityMetricTests: AUC, accuracy, macro-F1 and R² on hand-computed cases.

import Testing
@testable import SynthEval

@Suite struct UtilityMetricTests {
    @Test func aucAveragesTiedRanks() {
        // Setup: sorted scores 0.1 (neg), 0.35 (pos), 0.4 (neg), 0.4 (pos), 0.8 (pos); ranks
        // 1, 2, 3.5, 3.5, 5. Positive rank sum = 2 + 3.5 + 5 = 10.5, P = 3, N = 2:
        // AUC = (10.5 − 3·4/2) / (3·2) = 4.5 / 6 = 0.75 (pairs: 1 + 0 + 2 + 1 + ½ tie = 4.5 of 6).
        let scores = [0.1, 0.4, 0.35, 0.8, 0.4]
        let labels = [0, 0, 1, 1, 1]
        // Run
        let auc = UtilityMetrics.auc(scores: scores, labels: labels)
        // Assert
        #expect(abs(auc - 0.75) < 1e-12)
    }

    @Test func aucOfOneClassIsNaN() {
        #expect(UtilityMetrics.auc(scores: [0.2, 0.3], labels: [1, 1]).isNaN)
    }

    @Test func accuracyAndMacroF1() {
        // Setup: class 0: TP 1, FP 1, FN 1 → F1 2/4 = 0.5; class 1: TP 2, FP 1, FN 0 → 4/5 = 0.8;
        // class 2: TP 0, FN 1 → 0. Macro-F1 = 1.3 / 3; accuracy 3 of 5.
        let truth = [0, 0, 1, 1, 2]
        let predicted = [0, 1, 1, 1, 0]
        // Run
        let f1 = UtilityMetrics.macroF1(predicted: predicted, truth: truth)
        let accuracy = UtilityMetrics.accuracy(predicted: predicted, truth: truth)
        // Assert
        #expect(abs(f1 - 1.3 / 3) < 1e-12)
        #expect(abs(accuracy - 0.6) < 1e-12)
    }

    @Test func r2() {
        // Setup: truth mean 2.5, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5, SS_res = 1 → R² = 0.8.
        let truth = [1.0, 2, 3, 4]
        let predicted = [1.0, 2, 3, 5]
        // Run / Assert
        #expect(abs(UtilityMetrics.r2(predicted: predicted, truth: truth) - 0.8) < 1e-12)
    }
}

// UtilityMetrics: AUC, accuracy, macro-F1 and R² for scoring models on a holdout.

/// Scores of predictions against true values, as scikit-learn defines them.
public enum UtilityMetrics {
    /// Area under the ROC curve from ranks (Mann–Whitney U), tied scores sharing their average
    /// rank; `labels` are 0/1. NaN when one class is absent.
    public static func auc(scores: [Double], labels: [Int]) -> Double {
        let n = scores.count
        let order = (0..<n).sorted { scores[$0] < scores[$1] }
        var rankSumPositive = 0.0
        var positives = 0
        var i = 0
        while i < n {
            var k = i + 1
            while k < n && scores[order[k]] == scores[order[i]] { k += 1 }
            let averageRank = Double(i + 1 + k) / 2
            for m in i..<k where labels[order[m]] == 1 {
                rankSumPositive += averageRank
                positives += 1
            }
            i = k
        }
        let negatives = n - positives
        guard positives > 0, negatives > 0 else { return .nan }
        let p = Double(positives)
        return (rankSumPositive - p * (p + 1) / 2) / (p * Double(negatives))
    }

    /// Share of rows where the prediction equals the truth.
    public static func accuracy(predicted: [Int], truth: [Int]) -> Double {
        guard !truth.isEmpty else { return .nan }
        var hits = 0
        for i in truth.indices where predicted[i] == truth[i] { hits += 1 }
        return Double(hits) / Double(truth.count)
    }

    /// Unweighted mean of per-class F1 = 2TP / (2TP + FP + FN) over the classes that occur in
    /// the truth or the predictions (scikit-learn's `f1_score(average="macro")`).
    public static func macroF1(predicted: [Int], truth: [Int]) -> Double {
        let classes = Set(predicted).union(truth).sorted()  // sorted: a fixed summation order
        guard !classes.isEmpty else { return .nan }
        var total = 0.0
        for c in classes {
            var tp = 0, fp = 0, fn = 0
            for i in truth.indices {
                if predicted[i] == c && truth[i] == c { tp += 1 }
                else if predicted[i] == c { fp += 1 }
                else if truth[i] == c { fn += 1 }
            }
            let denominator = 2 * tp + fp + fn
            total += denominator > 0 ? Double(2 * tp) / Double(denominator) : 0
        }
        return total / Double(classes.count)
    }

    /// Coefficient of determination 1 − SS_res / SS_tot about the truth's mean.
    public static func r2(predicted: [Double], truth: [Double]) -> Double {
        guard !truth.isEmpty else { return .nan }
        let mean = truth.reduce(0, +) / Double(truth.count)
        var res = 0.0, tot = 0.0
        for i in truth.indices {
            res += (truth[i] - predicted[i]) * (truth[i] - predicted[i])
            tot += (truth[i] - mean) * (truth[i] - mean)
        }
        guard tot > 0 else { return res == 0 ? 1 : .nan }
        return 1 - res / tot
    }
}

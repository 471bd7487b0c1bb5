// ClassificationTree: a public Gini tree over plain predictor arrays, for evaluation code.

import SynthCore

/// A classification tree grown by the CART grower (rpart's Gini splitting, `minBucket`, `cp`),
/// exposed for callers outside the synthesizer such as propensity scoring.
public struct ClassificationTree: Sendable {
    /// One predictor: ordered numbers (NaN or `valid == false` is missing) or level codes
    /// (-1 is missing and becomes a level of its own).
    public enum Predictor: Sendable {
        case numbers([Double], valid: [Bool])
        case codes([Int32], levelCount: Int)
    }

    public let tree: CARTTree
    let predictors: [Predictor]

    /// Grows a tree predicting `labels` (codes in `0..<classCount`) from `predictors`, each with
    /// one entry per row.
    public init(predictors: [Predictor], labels: [Int32], classCount: Int, minBucket: Int = 5,
                cp: Double = 1e-3, maxDepth: Int = 30) {
        self.init(predictors: predictors, labels: labels, classCount: classCount, minBucket: minBucket, cp: cp,
                  maxDepth: maxDepth, shouldStop: { Cancellation.isRequested })
    }

    /// As above, stopping the growth when `shouldStop` says so (Ctrl-C; a test's own rule).
    init(predictors: [Predictor], labels: [Int32], classCount: Int, minBucket: Int, cp: Double, maxDepth: Int,
         shouldStop: () -> Bool) {
        let features = predictors.map { p -> CARTFeature in
            switch p {
            case let .numbers(x, valid): return CARTFeature.ranks(x, valid: valid)
            case let .codes(c, levelCount): return CARTFeature.levels(c, levelCount: levelCount)
            }
        }
        let rows = (0..<labels.count).map { Int32($0) }
        tree = TreeGrower.grow(features: features, response: .classes(labels, count: classCount), rows: rows,
                               minBucket: minBucket, maxDepth: maxDepth, cp: cp, smooth: false, shouldStop: shouldStop)
        self.predictors = predictors
    }

    /// The leaf row `row` of the training predictors falls in.
    public func leaf(row: Int) -> Int {
        var node = 0
        while true {
            let f = Int(tree.feature[node])
            if f < 0 { return Int(tree.child[node]) }
            let goLeft: Bool
            switch predictors[f] {
            case let .numbers(x, valid):
                let v = x[row]
                goLeft = (!valid[row] || v.isNaN) ? tree.missingLeft[node] : v <= tree.threshold[node]
            case let .codes(c, levelCount):
                let key = c[row] < 0 ? Int32(levelCount) : c[row]
                var side = 0
                for k in Int(tree.splitStart[node])..<Int(tree.splitStart[node + 1]) {
                    let entry = tree.splitLevels[k]
                    if entry == key { side = 1; break }
                    if entry == -key - 1 { side = 2; break }
                }
                goLeft = side == 0 ? tree.missingLeft[node] : side == 1
            }
            node = Int(tree.child[node]) + (goLeft ? 0 : 1)
        }
    }

    /// Share of class `label` among the training rows of each leaf.
    public func leafShares(of label: Int32) -> [Double] {
        (0..<tree.leafCount).map { l in
            var total = 0, hit = 0
            for e in Int(tree.leafStart[l])..<Int(tree.leafStart[l + 1]) {
                total += Int(tree.counts[e])
                if tree.classes[e] == label { hit += Int(tree.counts[e]) }
            }
            return total > 0 ? Double(hit) / Double(total) : 0
        }
    }
}

// CARTTree: a fitted regression or classification tree as flat node and leaf arrays.

import SynthData

/// A fitted tree in flat arrays (node i's children are `child[i]` and `child[i] + 1`).
///
/// A node with `feature[i] < 0` is a leaf and `child[i]` is its leaf number. Ordered predictors
/// (numbers, missing indicators) send `x <= threshold[i]` left; categorical predictors send the
/// levels listed in `splitLevels[splitStart[i]..<splitStart[i+1]]` as `level` to the left and
/// as `-(level + 1)` to the right. Missing values, and levels the node never saw, go where `missingLeft[i]` says (the
/// child with more training rows). Leaves hold either the observed values (distinct, with
/// counts) of a numeric response with a smoothing bandwidth, or the class counts of a coded
/// response.
public struct CARTTree: Codable, Sendable, Equatable {
    /// Position in the column's predictor list, or -1 for a leaf.
    public var feature: [Int32] = []
    public var threshold: [Double] = []
    public var child: [Int32] = []
    public var missingLeft: [Bool] = []
    public var splitStart: [Int32] = [0]
    public var splitLevels: [Int32] = []

    /// Leaf l owns entries `leafStart[l]..<leafStart[l+1]` of `values` or of `classes`/`counts`.
    public var leafStart: [Int32] = [0]
    /// Numeric leaves: distinct observed values, sorted, and how many training rows hold each.
    public var values: [Double] = []
    public var valueCounts: [Int32] = []
    /// Numeric leaves: Gaussian kernel bandwidth (0 = no smoothing).
    public var bandwidth: [Double] = []
    /// Numeric leaves: a value holding over 70% of the leaf, drawn unsmoothed (synthpop's rule).
    public var exempt: [Double?] = []
    /// Coded leaves: class codes present and their training counts.
    public var classes: [Int32] = []
    public var counts: [Int32] = []

    public var nodeCount: Int { feature.count }
    public var leafCount: Int { leafStart.count - 1 }

    public init() {}

    /// Checks that the arrays fit together, as a tree read from a file must: node arrays of one
    /// length, offsets that start at 0 and never decrease, children after their parents (so a
    /// walk from the root ends at a leaf), leaf numbers in range, and only the leaf arrays of
    /// the tree's kind: values of a `kind` column with positive counts, finite bandwidths, or
    /// classes with positive counts (`PreparedTree` tells the kinds apart by `classes`).
    func validate(predictors: Int, numeric: Bool, kind: ColumnKind) -> String? {
        let n = feature.count
        guard n > 0, threshold.count == n, child.count == n, missingLeft.count == n, splitStart.count == n + 1,
              Int(splitStart[n]) == splitLevels.count else {
            return "the node arrays disagree in length"
        }
        if splitStart[0] != 0 { return "split level offsets do not start at 0" }
        for i in 0..<n {
            if splitStart[i] > splitStart[i + 1] { return "split level offsets are not increasing" }
            if feature[i] < 0 {
                if child[i] < 0 || Int(child[i]) >= leafCount { return "a leaf number is out of range" }
            } else {
                if Int(feature[i]) >= predictors { return "a split uses an unknown predictor" }
                if Int(child[i]) <= i || Int(child[i]) + 1 >= n { return "a child index is out of range" }
            }
        }
        let l = leafCount
        guard l > 0, zip(leafStart, leafStart.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            return "leaf offsets are not increasing"
        }
        if leafStart[0] != 0 { return "leaf offsets do not start at 0" }
        if numeric {
            guard bandwidth.count == l, exempt.count == l, Int(leafStart[l]) == values.count,
                  valueCounts.count == values.count, valueCounts.allSatisfy({ $0 > 0 }) else {
                return "the numeric leaf arrays disagree in length"
            }
            guard classes.isEmpty, counts.isEmpty else { return "a numeric tree has class leaves" }
            guard values.allSatisfy({ ModelLimits.holds($0, kind: kind) }),
                  exempt.allSatisfy({ $0.map { ModelLimits.holds($0, kind: kind) } ?? true }) else {
                return "a leaf value is too large for a column of kind \(kind.rawValue)"
            }
            guard bandwidth.allSatisfy({ $0 >= 0 && $0 <= ModelLimits.numericMagnitude }) else {
                return "a leaf bandwidth is negative or out of range"
            }
        } else {
            guard classes.count == counts.count, Int(leafStart[l]) == classes.count,
                  counts.allSatisfy({ $0 > 0 }) else { return "the class leaf arrays disagree" }
            guard values.isEmpty, valueCounts.isEmpty, bandwidth.isEmpty, exempt.isEmpty else {
                return "a class tree has numeric leaves"
            }
        }
        return nil
    }

    /// Entries of the side tables `PreparedTree` builds: `width` per node splitting on a
    /// categorical predictor (`widths[p.column]`, 0 for ordered predictors).
    func sideEntries(predictors: [CARTPredictor], widths: [Int]) -> Int {
        var total = 0
        for node in 0..<nodeCount where feature[node] >= 0 {
            let p = predictors[Int(feature[node])]
            if !p.missing { total += widths[p.column] }
        }
        return total
    }
}

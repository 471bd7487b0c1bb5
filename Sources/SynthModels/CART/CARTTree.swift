// CARTTree: a fitted regression or classification tree as flat node and leaf arrays.

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

    /// Checks that the arrays fit together, as a tree read from a file must.
    func validate(predictors: Int, numeric: Bool) -> String? {
        let n = feature.count
        guard n > 0, threshold.count == n, child.count == n, missingLeft.count == n, splitStart.count == n + 1,
              Int(splitStart[n]) == splitLevels.count else {
            return "the node arrays disagree in length"
        }
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
        if numeric {
            guard bandwidth.count == l, exempt.count == l, Int(leafStart[l]) == values.count,
                  valueCounts.count == values.count, valueCounts.allSatisfy({ $0 > 0 }) else {
                return "the numeric leaf arrays disagree in length"
            }
        } else {
            guard classes.count == counts.count, Int(leafStart[l]) == classes.count,
                  counts.allSatisfy({ $0 > 0 }) else { return "the class leaf arrays disagree" }
        }
        return nil
    }
}

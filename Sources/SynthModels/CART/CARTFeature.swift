// CARTFeature: a predictor as the tree grower sees it, an integer key per training row.

/// A predictor encoded for splitting: `keys[row]` is -1 when missing; ordered predictors use
/// the rank of the row's value among the column's distinct values (`cuts[rank]` is the value),
/// categorical predictors use the level code (a missing level is its own code, as synthpop's
/// `addNA`), missing indicators use 0/1.
struct CARTFeature: Sendable {
    var keys: [Int32]
    var keyCount: Int
    var ordered: Bool
    var cuts: [Double]

    /// Ranks of a numeric column's values; missing rows get -1.
    static func ranks(_ numbers: [Double], valid: [Bool]) -> CARTFeature {
        var distinct = (0..<numbers.count).filter { valid[$0] }.map { numbers[$0] }
        distinct.sort()
        var cuts: [Double] = []
        cuts.reserveCapacity(distinct.count)
        for v in distinct where cuts.last != v { cuts.append(v) }
        var keys = [Int32](repeating: -1, count: numbers.count)
        for i in numbers.indices where valid[i] {
            keys[i] = Int32(lowerBound(cuts, numbers[i]))
        }
        return CARTFeature(keys: keys, keyCount: cuts.count, ordered: true, cuts: cuts)
    }

    /// Level codes of a coded column; missing values become the extra level `levelCount`.
    static func levels(_ codes: [Int32], levelCount: Int) -> CARTFeature {
        let missing = Int32(levelCount)
        return CARTFeature(keys: codes.map { $0 < 0 ? missing : $0 }, keyCount: levelCount + 1,
                           ordered: false, cuts: [])
    }

    /// 1 where the column is missing, 0 where present.
    static func missingIndicator(_ valid: [Bool]) -> CARTFeature {
        CARTFeature(keys: valid.map { $0 ? 0 : 1 }, keyCount: 2, ordered: true, cuts: [0, 1])
    }

    static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// What a tree predicts: a numeric value (regression, SSE) or a class (classification, Gini).
enum CARTResponse: Sendable {
    case numeric([Double])
    case classes([Int32], count: Int)
}

// TreeGrower: grows one CART tree (rpart's anova or Gini splitting) on the real training rows.

import SynthCore

/// Grows a regression tree (sum of squares) or a classification tree (Gini) as rpart does:
/// greedy binary splits, each child of a split keeps at least `minBucket` rows, a node needs
/// `3 * minBucket` rows to be split (rpart's default `minsplit`), and a split must improve the
/// fit by at least `cp` × the root's impurity. Reference: Breiman et al., "Classification and
/// Regression Trees" (1984); Therneau & Atkinson, "An Introduction to Recursive Partitioning
/// Using the RPART Routines", §3–§6.
///
/// Speed: at each node every predictor's rows are put in key order once (a counting sort over
/// the node's key range, or one comparison sort when the range is wide) and all thresholds are
/// scanned with running sums, so no candidate is re-sorted. Categorical predictors order the
/// levels present in the node, then scan like ordered ones: by mean response for a numeric
/// response (exact, Breiman §4.2.2); for a class response by the share of the node's majority
/// class (exact for two classes; for more a fast heuristic that stays O(rows + levels) with
/// 700+ levels). Missing predictor values take no part in choosing a split (as rpart) and then
/// go with the larger child (no surrogates).
struct TreeGrower {
    let features: [CARTFeature]
    let numericY: [Double]
    let classY: [Int32]
    let classCount: Int
    let isNumeric: Bool
    let minBucket: Int
    let minSplit: Int
    let maxDepth: Int
    let cp: Double
    /// Smooth numeric leaves (Gaussian kernel bandwidth per leaf).
    let smooth: Bool

    // Rows of the tree, grouped by node; the response of each row kept alongside so the scans
    // read it sequentially.
    var idx: [Int32]
    var idxY: [Double]
    var idxC: [Int32]
    var tmp: [Int32]
    var tmpY: [Double]
    var tmpC: [Int32]
    var bufKeys: [Int32]
    var bufY: [Double]
    var bufC: [Int32]
    var sortedKeys: [Int32]
    var sortedY: [Double]
    var sortedC: [Int32]
    var packed: [UInt64] = []
    var bucket: [Int32]
    var levelCount: [Int32]
    var levelScore: [Double]
    var levelPos: [Int32]
    var side: [Int8]
    var classLeft: [Int32]
    var classTotal: [Int32]
    /// Class counts of the current node (all its rows), with the majority class and Σcount².
    var nodeTotal: [Int32]
    var nodeMajority = 0
    var nodeSumSq = 0.0
    var present: [Int32] = []
    var tree = CARTTree()
    /// Categorical splits made so far: (node, levels going left, levels going right).
    var splits: [(Int, [Int32], [Int32])] = []

    private struct Split {
        var gain: Double
        var feature: Int
        var threshold: Double = 0
        var cutKey: Int32 = 0
        var left: [Int32] = []
        var right: [Int32] = []
        var missingLeft: Bool
    }

    /// Grows a tree on `rows` (indices into the feature and response arrays; repeats allowed,
    /// as a bootstrap makes).
    /// `shouldStop` is Ctrl-C (tests pass their own to stop at a chosen node).
    static func grow(features: [CARTFeature], response: CARTResponse, rows: [Int32],
                     minBucket: Int, maxDepth: Int, cp: Double, smooth: Bool,
                     shouldStop: () -> Bool = { Cancellation.isRequested }) -> CARTTree {
        var grower = TreeGrower(features: features, response: response, rows: rows, minBucket: minBucket,
                                maxDepth: maxDepth, cp: cp, smooth: smooth)
        return grower.run(shouldStop: shouldStop)
    }

    private init(features: [CARTFeature], response: CARTResponse, rows: [Int32], minBucket: Int,
                 maxDepth: Int, cp: Double, smooth: Bool) {
        self.features = features
        switch response {
        case let .numeric(y):
            numericY = y; classY = []; classCount = 0; isNumeric = true
        case let .classes(y, count):
            numericY = []; classY = y; classCount = count; isNumeric = false
        }
        self.minBucket = max(1, minBucket)
        self.minSplit = 3 * max(1, minBucket)
        self.maxDepth = maxDepth
        self.cp = cp
        self.smooth = smooth
        let n = rows.count
        idx = rows
        tmp = rows
        let ys = numericY, cs = classY
        idxY = ys.isEmpty ? [] : rows.map { ys[Int($0)] }
        idxC = cs.isEmpty ? [] : rows.map { cs[Int($0)] }
        tmpY = idxY
        tmpC = idxC
        bufKeys = [Int32](repeating: 0, count: n)
        sortedKeys = bufKeys
        bufY = isNumeric ? [Double](repeating: 0, count: n) : []
        sortedY = bufY
        bufC = isNumeric ? [] : bufKeys
        sortedC = bufC
        let widest = features.map(\.keyCount).max() ?? 0
        bucket = [Int32](repeating: 0, count: widest + 1)
        levelCount = [Int32](repeating: 0, count: widest + 1)
        levelScore = [Double](repeating: 0, count: widest + 1)
        levelPos = [Int32](repeating: 0, count: widest + 1)
        side = [Int8](repeating: 0, count: widest + 1)
        classLeft = [Int32](repeating: 0, count: max(1, classCount))
        classTotal = classLeft
        nodeTotal = classLeft
    }

    private mutating func run(shouldStop: () -> Bool) -> CARTTree {
        let n = idx.count
        addNode()
        let root = impurity(0, n)
        // (node, lo, hi, depth), depth first, left child first.
        var stack: [(Int, Int, Int, Int)] = [(0, 0, n, 0)]
        while let (node, lo, hi, depth) = stack.popLast() {
            // Ctrl-C: split no further. The nodes left become leaves, so the tree stays well
            // formed (every path ends in a numbered leaf) for a caller that uses it before it
            // checks for cancellation and throws it away.
            let stopping = shouldStop()
            let impurity = self.impurity(lo, hi)
            if !stopping, hi - lo >= minSplit, depth < maxDepth, impurity > 1e-12 * max(root, 1e-300),
               let split = bestSplit(lo, hi), split.gain >= cp * root, split.gain > 1e-12 * impurity {
                let mid = partition(lo, hi, split)
                let left = tree.feature.count
                addNode()
                addNode()
                tree.feature[node] = Int32(split.feature)
                tree.threshold[node] = split.threshold
                tree.child[node] = Int32(left)
                tree.missingLeft[node] = split.missingLeft
                splits.append((node, split.left, split.right))
                stack.append((left + 1, mid, hi, depth + 1))
                stack.append((left, lo, mid, depth + 1))
            } else {
                tree.child[node] = Int32(tree.leafCount)
                addLeaf(lo, hi)
            }
        }
        // Categorical level lists in node order.
        splits.sort { $0.0 < $1.0 }
        var start = [Int32](repeating: 0, count: tree.feature.count + 1)
        var k = 0
        for node in 0..<tree.feature.count {
            start[node] = Int32(tree.splitLevels.count)
            if k < splits.count, splits[k].0 == node {
                tree.splitLevels.append(contentsOf: splits[k].1)
                tree.splitLevels.append(contentsOf: splits[k].2.map { -$0 - 1 })
                k += 1
            }
        }
        start[tree.feature.count] = Int32(tree.splitLevels.count)
        tree.splitStart = start
        return tree
    }

    private mutating func addNode() {
        tree.feature.append(-1)
        tree.threshold.append(0)
        tree.child.append(0)
        tree.missingLeft.append(true)
    }

    /// n × Gini index (classes) or the sum of squares about the mean (numbers).
    private mutating func impurity(_ lo: Int, _ hi: Int) -> Double {
        let n = Double(hi - lo)
        if n == 0 { return 0 }
        if isNumeric {
            var mean = 0.0
            for i in lo..<hi { mean += idxY[i] }
            mean /= n
            var ss = 0.0
            for i in lo..<hi { let d = idxY[i] - mean; ss += d * d }
            return ss
        }
        var sq = 0.0
        for i in lo..<hi {
            let c = Int(idxC[i])
            sq += Double(2 * classTotal[c] + 1)
            classTotal[c] += 1
        }
        for i in lo..<hi { classTotal[Int(idxC[i])] = 0 }
        return n - sq / n
    }

    private mutating func bestSplit(_ lo: Int, _ hi: Int) -> Split? {
        if !isNumeric {
            (nodeMajority, nodeSumSq) = count(&nodeTotal, idxC, lo, hi)
        }
        var best: Split?
        // A node of a million rows takes a while per feature: Ctrl-C is looked at between them
        // (the unfinished tree is thrown away).
        for f in features.indices where !Cancellation.isRequested {
            if let split = bestSplit(feature: f, lo, hi), split.gain > (best?.gain ?? 0) { best = split }
        }
        if !isNumeric {
            for i in lo..<hi { nodeTotal[Int(idxC[i])] = 0 }
        }
        return best
    }

    private mutating func bestSplit(feature f: Int, _ lo: Int, _ hi: Int) -> Split? {
        let feature = features[f]
        // Gather the present rows with their keys.
        var m = 0
        var minKey = Int32.max, maxKey: Int32 = -1
        feature.keys.withUnsafeBufferPointer { keys in
            for i in lo..<hi {
                let r = idx[i]
                let k = keys[Int(r)]
                if k >= 0 {
                    bufKeys[m] = k
                    if isNumeric { bufY[m] = idxY[i] } else { bufC[m] = idxC[i] }
                    m += 1
                    if k < minKey { minKey = k }
                    if k > maxKey { maxKey = k }
                }
            }
        }
        if m < 2 * minBucket || minKey == maxKey { return nil }
        // Class counts of the present rows: the node's when none is missing.
        let useNode = m == hi - lo
        var majority = nodeMajority, sumSq = nodeSumSq
        if !isNumeric && !useNode { (majority, sumSq) = count(&classTotal, bufC, 0, m) }
        if !feature.ordered {
            orderLevels(m, majority: majority)
            minKey = 0
            maxKey = Int32(present.count - 1)
        }
        sortByKey(m, minKey: minKey, maxKey: maxKey)
        let found = isNumeric ? scanNumeric(m) : scanClasses(m, useNode: useNode, sumSq: sumSq)
        if !isNumeric && !useNode { for i in 0..<m { classTotal[Int(sortedC[i])] = 0 } }
        guard let (gain, at) = found else { return nil }
        let leftCount = at + 1
        var split = Split(gain: gain, feature: f, missingLeft: leftCount >= m - leftCount)
        if feature.ordered {
            let a = sortedKeys[at], b = sortedKeys[at + 1]
            split.cutKey = a
            split.threshold = (feature.cuts[Int(a)] + feature.cuts[Int(b)]) / 2
        } else {
            let cut = Int(sortedKeys[at])
            split.left = Array(present[0...cut]).sorted()
            split.right = Array(present[(cut + 1)...]).sorted()
        }
        return split
    }

    /// Moves the rows going left to the front of lo..<hi (stable), returning the boundary.
    private mutating func partition(_ lo: Int, _ hi: Int, _ split: Split) -> Int {
        let feature = features[split.feature]
        if !feature.ordered {
            for k in split.left { side[Int(k)] = 1 }
            for k in split.right { side[Int(k)] = 2 }
        }
        var l = lo, r = 0
        for i in lo..<hi {
            let row = idx[i]
            let k = feature.keys[Int(row)]
            let goLeft: Bool
            if k < 0 {
                goLeft = split.missingLeft
            } else if feature.ordered {
                goLeft = k <= split.cutKey
            } else {
                let s = side[Int(k)]
                goLeft = s == 0 ? split.missingLeft : s == 1
            }
            if goLeft {
                idx[l] = row
                if isNumeric { idxY[l] = idxY[i] } else { idxC[l] = idxC[i] }
                l += 1
            } else {
                tmp[r] = row
                if isNumeric { tmpY[r] = idxY[i] } else { tmpC[r] = idxC[i] }
                r += 1
            }
        }
        for j in 0..<r {
            idx[l + j] = tmp[j]
            if isNumeric { idxY[l + j] = tmpY[j] } else { idxC[l + j] = tmpC[j] }
        }
        if !feature.ordered {
            for k in split.left { side[Int(k)] = 0 }
            for k in split.right { side[Int(k)] = 0 }
        }
        return l
    }

    private mutating func addLeaf(_ lo: Int, _ hi: Int) {
        if isNumeric {
            var values = Array(idxY[lo..<hi])
            values.sort()
            let (bandwidth, exempt) = smooth ? LeafSmoothing.bandwidth(sorted: values) : (0, nil)
            var i = 0
            while i < values.count {
                var k = i + 1
                while k < values.count && values[k] == values[i] { k += 1 }
                tree.values.append(values[i])
                tree.valueCounts.append(Int32(k - i))
                i = k
            }
            tree.bandwidth.append(bandwidth)
            tree.exempt.append(exempt)
            tree.leafStart.append(Int32(tree.values.count))
        } else {
            var touched: [Int32] = []
            for i in lo..<hi {
                let c = idxC[i]
                if classTotal[Int(c)] == 0 { touched.append(c) }
                classTotal[Int(c)] += 1
            }
            touched.sort()
            for c in touched {
                tree.classes.append(c)
                tree.counts.append(classTotal[Int(c)])
                classTotal[Int(c)] = 0
            }
            tree.leafStart.append(Int32(tree.classes.count))
        }
    }
}

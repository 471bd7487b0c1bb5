// PreparedTree: a fitted tree made ready for sampling — side tables, draw weights, leaf lookup.

import SynthCore

/// Synthetic values of the columns drawn so far in one chunk.
struct ChunkState {
    var numbers: [[Double]]
    var codes: [[Int32]]
}

/// A tree ready for sampling: categorical splits expanded to a side table per node.
///
/// The subscripts here trust `CARTModel.prepared()`, which builds a prepared tree only from a
/// tree that passed `CARTTree.validate` (offsets from 0, children after parents, leaf numbers
/// and predictor positions in range, only the leaf arrays of its kind) for a column whose
/// predictors name earlier columns, with side tables under `ModelLimits.maximumSideEntries`.
struct PreparedTree: Sendable {
    let tree: CARTTree
    /// Per node, the start of its side table in `sides` (0 = none).
    let sideStart: [Int]
    /// 0 = level unseen at the node (goes with missing), 1 = left, 2 = right.
    let sides: [UInt8]
    /// Cumulative draw weights per leaf entry: row counts of numeric values, class counts of
    /// coded leaves (singleton classes weigh 0).
    let cumulative: [Int64]

    init(_ tree: CARTTree, predictors: [CARTPredictor], keyCounts: [Int], singletonClasses: Set<Int32>) {
        self.tree = tree
        var start = [Int](repeating: 0, count: tree.nodeCount)
        var sides: [UInt8] = [0]
        for node in 0..<tree.nodeCount where tree.feature[node] >= 0 {
            let p = predictors[Int(tree.feature[node])]
            let width = keyCounts[p.column]
            if p.missing || width == 0 { continue }
            start[node] = sides.count
            sides.append(contentsOf: [UInt8](repeating: 0, count: width))
            for k in Int(tree.splitStart[node])..<Int(tree.splitStart[node + 1]) {
                let entry = Int(tree.splitLevels[k])
                let level = entry >= 0 ? entry : -entry - 1
                if level < width { sides[start[node] + level] = entry >= 0 ? 1 : 2 }
            }
        }
        sideStart = start
        self.sides = sides
        var cumulative: [Int64] = []
        cumulative.reserveCapacity(tree.classes.count)
        // A numeric tree has no classes, and a class tree no values (CARTTree.validate).
        let numeric = tree.classes.isEmpty
        for l in 0..<tree.leafCount {
            var sum: Int64 = 0
            for e in Int(tree.leafStart[l])..<Int(tree.leafStart[l + 1]) {
                if numeric {
                    sum += Int64(tree.valueCounts[e])
                } else if !singletonClasses.contains(tree.classes[e]) {
                    sum += Int64(tree.counts[e])
                }
                cumulative.append(sum)
            }
        }
        self.cumulative = cumulative
    }

    /// The leaf a synthetic row falls in.
    func leaf(row: Int, predictors: [CARTPredictor], widths: [Int], state: ChunkState) -> Int {
        var node = 0
        while true {
            let f = Int(tree.feature[node])
            if f < 0 { return Int(tree.child[node]) }
            let p = predictors[f]
            let goLeft: Bool
            let width = widths[p.column]
            if p.missing {
                let isMissing = width > 0 ? state.codes[p.column][row] < 0 : state.numbers[p.column][row].isNaN
                goLeft = (isMissing ? 1.0 : 0.0) <= tree.threshold[node]
            } else if width > 0 {
                // Codes drawn earlier are levels of their column or -1 (missing, the last side).
                let code = Int(state.codes[p.column][row])
                let side = sides[sideStart[node] + (code < 0 ? width - 1 : code)]
                goLeft = side == 0 ? tree.missingLeft[node] : side == 1
            } else {
                let x = state.numbers[p.column][row]
                goLeft = x.isNaN ? tree.missingLeft[node] : x <= tree.threshold[node]
            }
            node = Int(tree.child[node]) + (goLeft ? 0 : 1)
        }
    }

    /// A class drawn from leaf `l`'s weights; nil when every class there is a singleton.
    func drawClass(leaf l: Int, rng: inout SeededRNG) -> Int32? {
        drawEntry(leaf: l, rng: &rng).map { tree.classes[$0] }
    }

    /// An entry of leaf `l` drawn in proportion to its weight; nil when they are all zero.
    func drawEntry(leaf l: Int, rng: inout SeededRNG) -> Int? {
        let lo = Int(tree.leafStart[l]), hi = Int(tree.leafStart[l + 1])
        guard hi > lo, cumulative[hi - 1] > 0 else { return nil }
        let u = Int64(rng.nextInt(below: Int(cumulative[hi - 1])))
        var a = lo, b = hi - 1
        while a < b {
            let mid = (a + b) >> 1
            if cumulative[mid] > u { b = mid } else { a = mid + 1 }
        }
        return a
    }
}

extension PreparedTree {
    /// Cumulative weights of a column's non-singleton classes.
    static func fallbackCumulative(_ column: CARTColumn) -> [Int64] {
        var sum: Int64 = 0
        return column.fallback.map { sum += Int64($0); return sum }
    }

    /// A class drawn from cumulative weights; nil when they are all zero.
    static func draw(_ cumulative: [Int64], rng: inout SeededRNG) -> Int32? {
        guard let total = cumulative.last, total > 0 else { return nil }
        let u = Int64(rng.nextInt(below: Int(total)))
        var a = 0, b = cumulative.count - 1
        while a < b {
            let mid = (a + b) >> 1
            if cumulative[mid] > u { b = mid } else { a = mid + 1 }
        }
        return Int32(a)
    }
}

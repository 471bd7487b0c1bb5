// ContingencySimilarity: 1 − the total variation distance between two joint distributions.

/// Reference: SDMetrics `ContingencySimilarity` — joint frequencies of the two columns over all
/// rows (missing is a category of its own), numeric columns first binned.
public enum ContingencySimilarity {
    /// Codes must lie in `0..<cardinalityA` and `0..<cardinalityB` (map missing to a code first).
    /// NaN when either table has no rows.
    public static func compute(realA: [Int32], realB: [Int32], syntheticA: [Int32], syntheticB: [Int32],
                               cardinalityA: Int, cardinalityB: Int) -> Double {
        let nr = min(realA.count, realB.count), ns = min(syntheticA.count, syntheticB.count)
        if nr == 0 || ns == 0 { return .nan }
        let cells = cardinalityA * cardinalityB
        var total = 0.0
        if cells <= 1 << 20 {
            var p = [Int32](repeating: 0, count: cells)
            var q = [Int32](repeating: 0, count: cells)
            count(realA, realB, cardinalityB, nr, into: &p)
            count(syntheticA, syntheticB, cardinalityB, ns, into: &q)
            let fr = 1 / Double(nr), fs = 1 / Double(ns)
            for k in 0..<cells where p[k] != 0 || q[k] != 0 {
                total += abs(Double(p[k]) * fr - Double(q[k]) * fs)
            }
        } else {
            // Many categories: count sorted cell keys instead of a dense grid.
            let p = sortedKeys(realA, realB, cardinalityB, nr)
            let q = sortedKeys(syntheticA, syntheticB, cardinalityB, ns)
            total = sparseDistance(p, nr, q, ns)
        }
        return 1 - total / 2
    }

    private static func count(_ a: [Int32], _ b: [Int32], _ kb: Int, _ n: Int, into cells: inout [Int32]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                cells.withUnsafeMutableBufferPointer { cells in
                    for i in 0..<n { cells[Int(a[i]) * kb + Int(b[i])] += 1 }
                }
            }
        }
    }

    private static func sortedKeys(_ a: [Int32], _ b: [Int32], _ kb: Int, _ n: Int) -> [Int] {
        (0..<n).map { Int(a[$0]) * kb + Int(b[$0]) }.sorted()
    }

    /// Σ |p − q| over cells, merging two sorted key lists.
    private static func sparseDistance(_ p: [Int], _ np: Int, _ q: [Int], _ nq: Int) -> Double {
        var i = 0, j = 0, total = 0.0
        while i < p.count || j < q.count {
            let key = min(i < p.count ? p[i] : Int.max, j < q.count ? q[j] : Int.max)
            var cp = 0, cq = 0
            while i < p.count && p[i] == key { cp += 1; i += 1 }
            while j < q.count && q[j] == key { cq += 1; j += 1 }
            total += abs(Double(cp) / Double(np) - Double(cq) / Double(nq))
        }
        return total
    }
}

// DistanceToClosestRecord: DCR share and nearest-neighbour distance ratio with a Gower distance.

import SynthCore
import SynthData

/// Distance to closest record (DESIGN.md §5).
///
/// Recipe: pick the shared columns (identifiers and text left out); subsample training and
/// holdout to the same size and cap the synthetic rows at `maxRows` (seeded); encode the three
/// tables once, numeric ranges from the real rows; find each synthetic row's closest training
/// and holdout row; count the rows closer to training (ties half). NNDR is the median of
/// closest / second-closest training distance, for synthetic rows and, as the reference, for
/// holdout rows.
///
/// Gower distance: mean over columns of |dx| / range (capped at 1, for synthetic values
/// outside the real range), category mismatch 1, missing vs present 1, missing vs missing 0.
public enum DistanceToClosestRecord {
    public static func evaluate(training: Table, holdout: Table, synthetic: Table, seed: UInt64,
                                maxRows: Int = 20_000) throws -> DistanceReport {
        let columns = GowerEncoding.sharedColumns([training, holdout, synthetic])
        let reference = Swift.min(training.rowCount, holdout.rowCount)
        let syntheticCount = Swift.min(synthetic.rowCount, Swift.max(0, maxRows))
        guard !columns.isEmpty, reference > 0, syntheticCount > 0 else {
            return DistanceReport(dcrShare: 0, nndrSynthetic: 0, nndrHoldout: 0, syntheticRows: 0, referenceRows: 0)
        }
        let rng = SeededRNG(seed: seed)
        let trainRows = Sampling.withoutReplacement(training.rowCount, reference, rng: rng.stream(0))
        let holdRows = Sampling.withoutReplacement(holdout.rowCount, reference, rng: rng.stream(1))
        let synRows = Sampling.withoutReplacement(synthetic.rowCount, syntheticCount, rng: rng.stream(2))
        // Holdout rows used as NNDR queries: a random subset (holdRows are sorted) of maxRows.
        let holdQueries = Sampling.withoutReplacement(reference, Swift.min(reference, Swift.max(1, maxRows)), rng: rng.stream(3))
            .map { holdRows[$0] }

        let encoding = GowerEncoding([training.gather(trainRows), holdout.gather(holdRows), synthetic.gather(synRows),
                                      holdout.gather(holdQueries)], columns: columns, realTables: 2)
        let train = encoding.matrix(0), hold = encoding.matrix(1), syn = encoding.matrix(2)
        let toTraining = try NearestNeighbors.search(queries: syn, reference: train)
        let toHoldout = try NearestNeighbors.search(queries: syn, reference: hold)
        let holdToTraining = try NearestNeighbors.search(queries: encoding.matrix(3), reference: train)

        return DistanceReport(dcrShare: share(toTraining.closest, toHoldout.closest),
                              nndrSynthetic: nndr(toTraining), nndrHoldout: nndr(holdToTraining),
                              syntheticRows: syntheticCount, referenceRows: reference)
    }

    /// Share of rows whose training distance is below their holdout distance, ties half.
    static func share(_ training: [Float], _ holdout: [Float]) -> Double {
        guard !training.isEmpty else { return 0 }
        var score = 0.0
        for (t, h) in zip(training, holdout) { score += t < h ? 1 : (t == h ? 0.5 : 0) }
        return score / Double(training.count)
    }

    /// Median of closest / second closest; a row whose two closest are both at distance 0
    /// counts as ratio 0 (it copies a reference row). A single reference row gives ratio 1.
    static func nndr(_ neighbors: NearestNeighbors) -> Double {
        let ratios = zip(neighbors.closest, neighbors.second).map { d1, d2 -> Double in
            guard d2.isFinite else { return 1 }
            return d2 > 0 ? Double(d1) / Double(d2) : 0
        }
        return median(ratios)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// Seeded sampling of row indices.
enum Sampling {
    /// `k` distinct indices of `0..<n` in increasing order (all of them when k ≥ n), by a
    /// partial Fisher–Yates shuffle.
    static func withoutReplacement(_ n: Int, _ k: Int, rng: SeededRNG) -> [Int] {
        if k >= n { return Array(0..<n) }
        var rng = rng
        var pool = Array(0..<n)
        for i in 0..<k {
            let j = i + rng.nextInt(below: n - i)
            pool.swapAt(i, j)
        }
        return pool[0..<k].sorted()
    }

    /// `k` distinct indices of `0..<n` in random order.
    static func shuffledPrefix(_ n: Int, _ k: Int, rng: SeededRNG) -> [Int] {
        var rng = rng
        var pool = Array(0..<n)
        let count = Swift.min(k, n)
        for i in 0..<count {
            let j = i + rng.nextInt(below: n - i)
            pool.swapAt(i, j)
        }
        return Array(pool[0..<count])
    }
}

// TreeSampler: draws rows from a fitted MST model by ancestral sampling down its forest.

import SynthCore

/// Cumulative tables for sampling an `MSTResult`: each component's root from its marginal,
/// then every other column given its parent, in breadth-first order, and finally a merged
/// "rare" cell back to one of its original codes, uniformly.
struct TreeSampler: Sendable {
    /// Columns in sampling order (parents before children).
    private let order: [Int]
    private let parent: [Int]
    /// Per column: its cumulative distribution, one row of `width` entries per parent value
    /// (a single row at a root); each row ends at its own total.
    private let cumulative: [[Double]]
    /// Per column: its compressed size, the width of each row of `cumulative`.
    private let widths: [Int]
    private let supports: [[Int]]
    private let merged: [[Int]]

    init(_ result: MSTResult) {
        let compression = MSTCompression(supports: result.supports, originalSizes: result.domainSizes)
        let sizes = compression.sizes
        let model = TreeModel(sizes: sizes, cliques: result.cliques)
        order = model.order
        widths = sizes
        parent = model.parent
        supports = result.supports
        merged = compression.mergedCodes
        var tables = [[Double]](repeating: [], count: sizes.count)
        for column in sizes.indices {
            let own = Self.marginal(of: column, result: result, sizes: sizes)
            guard model.parent[column] >= 0 else {
                tables[column] = Self.running(own)
                continue
            }
            let joint = result.marginals[model.parentClique[column]]
            let clique = result.cliques[model.parentClique[column]]
            let childFirst = clique[0] == column
            let np = sizes[model.parent[column]], nc = sizes[column]
            var table: [Double] = []
            table.reserveCapacity(np * nc)
            for xp in 0..<np {
                var row = (0..<nc).map { xc in childFirst ? joint[xc * np + xp] : joint[xp * nc + xc] }
                // A parent value the model gives no mass cannot be drawn except through
                // rounding; fall back to the child's own marginal rather than an empty row.
                if !(row.reduce(0, +) > 0) { row = own }
                table += Self.running(row)
            }
            tables[column] = table
        }
        cumulative = tables
    }

    /// Draws `rows` rows, column-major, in original codes. Rows are cut into chunks fixed by
    /// `rows` alone, each drawn from its own stream, so the thread count cannot change them.
    /// Throws `CancellationError` on Ctrl-C.
    func sample(rows: Int, columns: Int, rng: SeededRNG) throws -> [[Int32]] {
        let chunks = Parallel.chunks(rows, count: max(1, rows / 8192))
        let parts = try Parallel.cancellableMap(chunks.count) { k in
            var stream = rng.stream(k)
            return draw(chunks[k].count, rng: &stream)
        }
        return (0..<columns).map { j in parts.flatMap { $0[j] } }
    }

    private func draw(_ rows: Int, rng: inout SeededRNG) -> [[Int32]] {
        var output = [[Int32]](repeating: [Int32](repeating: 0, count: rows), count: order.count)
        // The compressed code of each column in the current row, read by its children.
        var current = [Int](repeating: 0, count: order.count)
        for r in 0..<rows {
            for column in order {
                let table = cumulative[column]
                let width = widths[column]
                let start = parent[column] < 0 ? 0 : current[parent[column]] * width
                let code = Self.search(table, from: start, count: width, u: rng.nextDouble())
                current[column] = code
                if code < supports[column].count {
                    output[column][r] = Int32(supports[column][code])
                } else {
                    // The rare cell exists only when some code was merged into it.
                    let choices = merged[column]
                    output[column][r] = Int32(choices[rng.nextInt(below: choices.count)])
                }
            }
        }
        return output
    }

    /// The first cell of the row `table[from..<from+count]` whose running sum exceeds `u`
    /// times the row's total (cells of zero weight are never chosen). `count` is at least 1:
    /// every domain has a cell (`MSTModel.validate`), so every compressed size does.
    private static func search(_ table: [Double], from: Int, count: Int, u: Double) -> Int {
        let target = u * table[from + count - 1]
        var lo = 0, hi = count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if table[from + mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Running sums of `weights`.
    private static func running(_ weights: [Double]) -> [Double] {
        var sum = 0.0
        return weights.map { sum += max(0, $0); return sum }
    }

    /// A column's marginal read from the first clique containing it (every column is in one:
    /// `MSTModel.validate` checks each is drawn exactly once).
    private static func marginal(of column: Int, result: MSTResult, sizes: [Int]) -> [Double] {
        let c = result.cliques.firstIndex { $0.contains(column) }!
        let clique = result.cliques[c], values = result.marginals[c]
        if clique.count == 1 { return values }
        let na = sizes[clique[0]], nb = sizes[clique[1]]
        var out = [Double](repeating: 0, count: sizes[column])
        for xa in 0..<na {
            for xb in 0..<nb { out[clique[0] == column ? xa : xb] += values[xa * nb + xb] }
        }
        return out
    }
}

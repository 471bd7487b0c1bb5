// MSTCompression: merges the cells of each column that the noisy one-way counts call rare.

import SynthCore

/// The compressed domain of every column: the codes whose noisy count reached three noise
/// scales, plus one shared "rare" cell for all the others when there are any.
///
/// Compression reads only the noisy measurements, so it costs no privacy; it keeps the two-way
/// measurements and the model small when domains have many empty or nearly empty levels.
struct MSTCompression: Sendable, Equatable {
    /// For each column, the kept original codes, ascending.
    var supports: [[Int]]
    /// For each column, the declared (original) domain size.
    var originalSizes: [Int]

    /// For each column, the compressed size: the kept codes plus the rare cell if any code
    /// was merged. A column with nothing kept still has its rare cell.
    var sizes: [Int] {
        zip(supports, originalSizes).map { $0.count + ($0.count < $1 ? 1 : 0) }
    }

    /// Chooses the supports from the one-way measurements (one per column, in column order),
    /// rewrites those measurements over the compressed domain, and recodes the table.
    static func compress(_ table: DiscreteTable, oneWay: [NoisyMarginal])
        -> (compression: MSTCompression, table: DiscreteTable, oneWay: [NoisyMarginal]) {
        // A caller's slip, not input: MST.fit measures every column once, in order.
        precondition(oneWay.count == table.sizes.count, "one one-way measurement per column")
        var supports: [[Int]] = []
        var measurements: [NoisyMarginal] = []
        for (j, m) in oneWay.enumerated() {
            let kept = m.values.indices.filter { m.values[$0] >= 3 * m.sigma }
            supports.append(kept)
            if kept.count == m.values.count {
                measurements.append(m)
                continue
            }
            // The merged cell is measured as the sum of the merged noisy cells divided by
            // sqrt(m): the noise on that sum has variance m sigma^2, so dividing keeps it at
            // sigma^2, and Q's row is divided the same way to stay consistent.
            let keptSet = Set(kept)
            let merged = m.values.indices.filter { !keptSet.contains($0) }
            let root = Double(merged.count).squareRoot()
            let rest = merged.reduce(0.0) { $0 + m.values[$1] }
            var weights = [Double](repeating: 1, count: kept.count + 1)
            weights[kept.count] = 1 / root
            measurements.append(NoisyMarginal(clique: [j], sigma: m.sigma,
                                              values: kept.map { m.values[$0] } + [rest / root],
                                              weights: weights))
        }
        let compression = MSTCompression(supports: supports, originalSizes: table.sizes)
        return (compression, compression.recode(table), measurements)
    }

    /// The table with every code replaced by its compressed cell: a kept code by its rank
    /// among the kept codes, any other by the rare cell.
    func recode(_ table: DiscreteTable) -> DiscreteTable {
        let columns = Parallel.map(table.columns.count) { j -> [Int32] in
            let rare = Int32(supports[j].count)
            var lookup = [Int32](repeating: rare, count: originalSizes[j])
            for (rank, code) in supports[j].enumerated() { lookup[code] = Int32(rank) }
            return table.columns[j].map { lookup[Int($0)] }
        }
        return DiscreteTable(sizes: sizes, columns: columns)
    }

    /// For each column, the original codes that share the rare cell, ascending (empty when
    /// nothing was merged).
    var mergedCodes: [[Int]] {
        zip(supports, originalSizes).map { kept, size in
            var isKept = [Bool](repeating: false, count: size)
            for code in kept { isKept[code] = true }
            return (0..<size).filter { !isKept[$0] }
        }
    }
}

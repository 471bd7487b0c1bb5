// ExactMatch: finds synthetic rows that copy a training row exactly, and removes them.

import SynthCore
import SynthData

/// Exact-match privacy check: a synthetic row is a replicate when every column shared by name
/// (identifier columns excluded) holds the same value as in some training row — numeric kinds
/// compared by value, coded kinds by level text, missing equal to missing.
///
/// Rows are hashed with FNV-1a over canonical cell keys (never `Hasher`, which is seeded per
/// process) and every hash hit is verified cell by cell.
/// Reference: SDMetrics `NewRowSynthesis` / synthpop `replicated.uniques` (exact row matches).
public enum ExactMatch {
    /// For each synthetic row, whether it replicates a training row. With no shared columns
    /// nothing can be compared, and no row counts as a replicate.
    public static func replicateMask(synthetic: Table, training: Table) -> [Bool] {
        let pairs = sharedColumns(synthetic: synthetic, training: training)
        let rows = synthetic.rowCount
        guard !pairs.isEmpty, training.rowCount > 0 else { return [Bool](repeating: false, count: rows) }
        let keys = pairs.map { CellKeys.make(synthetic: $0.synthetic, training: $0.training) }
        let trainingKeys = keys.map(\.training)
        let syntheticKeys = keys.map(\.synthetic)

        // Training rows sorted by row hash (ties by row index), searched by binary search.
        let trainingHashes = (0..<training.rowCount).map { rowHash(trainingKeys, $0) }
        let order = (0..<training.rowCount).sorted {
            trainingHashes[$0] != trainingHashes[$1] ? trainingHashes[$0] < trainingHashes[$1] : $0 < $1
        }
        let sortedHashes = order.map { trainingHashes[$0] }

        let chunks = Parallel.chunks(rows, count: max(1, (rows + 8191) / 8192))
        let parts = Parallel.map(chunks.count) { c -> [Bool] in
            chunks[c].map { row in
                let hash = rowHash(syntheticKeys, row)
                var k = lowerBound(sortedHashes, hash)
                while k < sortedHashes.count && sortedHashes[k] == hash {
                    let candidate = order[k]
                    if (0..<syntheticKeys.count).allSatisfy({ syntheticKeys[$0][row] == trainingKeys[$0][candidate] }) {
                        return true
                    }
                    k += 1
                }
                return false
            }
        }
        return parts.flatMap { $0 }
    }

    /// `synthetic` without its replicate rows, and how many were removed.
    public static func removeReplicates(synthetic: Table, training: Table) -> (table: Table, removed: Int) {
        let mask = replicateMask(synthetic: synthetic, training: training)
        let keep = mask.indices.filter { !mask[$0] }
        return (synthetic.gather(keep), mask.count - keep.count)
    }

    private static func sharedColumns(synthetic: Table, training: Table) -> [(synthetic: Column, training: Column)] {
        return synthetic.columns.compactMap { column in
            guard !column.isIdentifier, let other = training.column(column.name), !other.isIdentifier else { return nil }
            return (column, other)
        }
    }

    /// FNV-1a over the row's cell keys, eight bytes each.
    private static func rowHash(_ keys: [[UInt64]], _ row: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for column in keys {
            var key = column[row]
            for _ in 0..<8 {
                hash = (hash ^ (key & 0xFF)) &* 0x0000_0100_0000_01B3
                key >>= 8
            }
        }
        return hash
    }

    private static func lowerBound(_ values: [UInt64], _ target: UInt64) -> Int {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Canonical per-row keys of one shared column in both tables: equal keys ⇔ equal cells.
private struct CellKeys {
    var synthetic: [UInt64]
    var training: [UInt64]

    static let missing: UInt64 = 0x7FF8_0000_0000_0A11
    /// A synthetic value no training row holds.
    static let absent: UInt64 = 0x7FF8_0000_0000_0B22

    static func make(synthetic: Column, training: Column) -> CellKeys {
        if synthetic.kind.isNumeric && training.kind.isNumeric {
            return CellKeys(synthetic: numeric(synthetic), training: numeric(training))
        }
        // Compare by text: training texts numbered first; synthetic texts looked up.
        var ids: [String: UInt64] = [:]
        let trainingKeys = texts(training) { text in
            if let id = ids[text] { return id }
            let id = UInt64(ids.count)
            ids[text] = id
            return id
        }
        let syntheticKeys = texts(synthetic) { ids[$0] ?? absent }
        return CellKeys(synthetic: syntheticKeys, training: trainingKeys)
    }

    private static func numeric(_ column: Column) -> [UInt64] {
        (0..<column.count).map { i in
            guard column.valid[i] else { return missing }
            let v = column.numbers[i]
            return v == 0 ? 0 : v.bitPattern  // +0 and −0 are the same value
        }
    }

    /// Keys from cell texts; coded columns look each level up once.
    private static func texts(_ column: Column, _ id: (String) -> UInt64) -> [UInt64] {
        if column.kind.isCoded {
            let levelKeys = column.levels.map(id)
            return (0..<column.count).map { i in
                let code = Int(column.codes[i])
                return column.valid[i] && code >= 0 && code < levelKeys.count ? levelKeys[code] : missing
            }
        }
        return (0..<column.count).map { i in CellFormatter.text(column, row: i).map(id) ?? missing }
    }
}

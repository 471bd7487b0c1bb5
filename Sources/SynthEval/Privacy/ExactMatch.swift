// ExactMatch: finds synthetic rows that copy a training row exactly, and removes them.

import SynthCore
import SynthData

/// Exact-match privacy check: a synthetic row is a replicate when every column shared by name
/// (identifier columns excluded) holds the same value as in some training row — numeric kinds
/// compared by value, coded kinds by level text, missing equal to missing.
///
/// Two questions are asked of it. Any copy (`replicateMask`) is the share `compare` reports.
/// A copy of a row that is **unique** in the training data (`uniqueReplicateMask`) is what
/// `sample` removes: a row many patients share reveals none of them, while a row only one
/// patient has is that patient. synthpop's `sdc(rm.replicated.uniques = TRUE)` removes
/// synthetic uniques that replicate real uniques; synth removes every copy of a real unique,
/// since one drawn twice is no less telling.
///
/// Rows are hashed with FNV-1a over canonical cell keys (never `Hasher`, which is seeded per
/// process) and every hash hit is verified cell by cell.
/// Reference: SDMetrics `NewRowSynthesis`; synthpop `replicated.uniques` (R/sdc.r).
/// Every function throws `CancellationError` on Ctrl-C (a million rows take a second or two).
public enum ExactMatch {
    /// For each synthetic row, whether it replicates a training row. With no shared columns
    /// nothing can be compared, and no row counts as a replicate.
    public static func replicateMask(synthetic: Table, training: Table) throws -> [Bool] {
        try matches(synthetic: synthetic, training: training).map { $0 > 0 }
    }

    /// For each synthetic row, whether it replicates a training row that no other training row
    /// equals (on the shared, non-identifier columns).
    public static func uniqueReplicateMask(synthetic: Table, training: Table) throws -> [Bool] {
        try matches(synthetic: synthetic, training: training).map { $0 == 1 }
    }

    /// `synthetic` without its replicate rows, and how many were removed.
    public static func removeReplicates(synthetic: Table, training: Table) throws -> (table: Table, removed: Int) {
        remove(try replicateMask(synthetic: synthetic, training: training), from: synthetic)
    }

    /// `synthetic` without the rows that copy a unique training row, and how many were removed.
    public static func removeUniqueReplicates(synthetic: Table, training: Table) throws -> (table: Table, removed: Int) {
        remove(try uniqueReplicateMask(synthetic: synthetic, training: training), from: synthetic)
    }

    private static func remove(_ mask: [Bool], from synthetic: Table) -> (table: Table, removed: Int) {
        let keep = mask.indices.filter { !mask[$0] }
        return (synthetic.gather(keep), mask.count - keep.count)
    }

    /// For each synthetic row, how many training rows it equals (0 when none).
    static func matches(synthetic: Table, training: Table) throws -> [Int] {
        let pairs = sharedColumns(synthetic: synthetic, training: training)
        let rows = synthetic.rowCount
        guard !pairs.isEmpty, training.rowCount > 0 else { return [Int](repeating: 0, count: rows) }
        let keys = try pairs.map { pair in
            try Cancellation.check()
            return CellKeys.make(synthetic: pair.synthetic, training: pair.training)
        }
        let index = DistinctRows(keys.map(\.training), rows: training.rowCount)
        let syntheticKeys = keys.map(\.synthetic)
        let chunks = Parallel.chunks(rows, count: max(1, (rows + 8191) / 8192))
        let parts = try Parallel.cancellableMap(chunks.count) { c -> [Int] in
            chunks[c].map { row in index.count(of: syntheticKeys, row: row) }
        }
        return parts.flatMap { $0 }
    }

    private static func sharedColumns(synthetic: Table, training: Table) -> [(synthetic: Column, training: Column)] {
        return synthetic.columns.compactMap { column in
            guard !column.isIdentifier, let other = training.column(column.name), !other.isIdentifier else { return nil }
            return (column, other)
        }
    }

    /// FNV-1a over the row's cell keys, eight bytes each.
    static func rowHash(_ keys: [[UInt64]], _ row: Int) -> UInt64 {
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
}

/// The distinct rows of a table's cell keys, sorted by hash, each with how many rows hold it.
private struct DistinctRows {
    let keys: [[UInt64]]
    /// One representative row per distinct row, in (hash, keys) order.
    let representatives: [Int]
    let hashes: [UInt64]
    let counts: [Int]

    init(_ keys: [[UInt64]], rows: Int) {
        self.keys = keys
        let rowHashes = (0..<rows).map { ExactMatch.rowHash(keys, $0) }
        // Equal rows have equal hashes and equal keys, so sorting by both makes them neighbours.
        let order = (0..<rows).sorted { a, b in
            if rowHashes[a] != rowHashes[b] { return rowHashes[a] < rowHashes[b] }
            for column in keys where column[a] != column[b] { return column[a] < column[b] }
            return a < b
        }
        var representatives: [Int] = [], hashes: [UInt64] = [], counts: [Int] = []
        for row in order {
            if let last = representatives.last, rowHashes[last] == rowHashes[row], keys.allSatisfy({ $0[last] == $0[row] }) {
                counts[counts.count - 1] += 1
            } else {
                representatives.append(row)
                hashes.append(rowHashes[row])
                counts.append(1)
            }
        }
        self.representatives = representatives
        self.hashes = hashes
        self.counts = counts
    }

    /// How many rows equal row `row` of `other` (keys of the same columns, in the same order).
    func count(of other: [[UInt64]], row: Int) -> Int {
        let hash = ExactMatch.rowHash(other, row)
        var k = lowerBound(hash)
        while k < hashes.count && hashes[k] == hash {
            let candidate = representatives[k]
            if (0..<keys.count).allSatisfy({ other[$0][row] == keys[$0][candidate] }) { return counts[k] }
            k += 1
        }
        return 0
    }

    private func lowerBound(_ target: UInt64) -> Int {
        var lo = 0, hi = hashes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hashes[mid] < target { lo = mid + 1 } else { hi = mid }
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

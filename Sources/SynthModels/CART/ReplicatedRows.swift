// ReplicatedRows: drops synthetic rows that copy a training row (synthpop `sdc(rm.replicated.uniques)`).

import SynthData

/// Removes synthetic rows identical to a training row on every compared column, as synthpop's
/// `sdc(..., rm.replicated.uniques = TRUE)` does (it removes copies of unique real rows; this
/// removes copies of any real row, which is stricter). Columns are compared by name; identifier
/// and text columns (regenerated or not modelled) take no part. Numbers compare by value
/// (missing equals missing), coded columns by level text, so level numbering does not matter.
public enum ReplicatedRows {
    /// The synthetic table without rows that copy a training row, and how many were removed.
    public static func remove(from synthetic: Table, training: Table) -> (table: Table, removed: Int) {
        let shared = synthetic.columns.indices.compactMap { s -> (Int, Int)? in
            let column = synthetic.columns[s]
            guard column.role != .identifier, column.kind != .identifier, column.kind != .text,
                  let t = training.index(of: column.name), training.columns[t].kind.isNumeric == column.kind.isNumeric
            else { return nil }
            return (s, t)
        }
        guard !shared.isEmpty, synthetic.rowCount > 0, training.rowCount > 0 else { return (synthetic, 0) }
        // Training rows by hash; equal hashes are confirmed cell by cell.
        var buckets: [UInt64: [Int]] = [:]
        for row in 0..<training.rowCount {
            buckets[hash(training, row, shared.map(\.1)), default: []].append(row)
        }
        var kept: [Int] = []
        kept.reserveCapacity(synthetic.rowCount)
        for row in 0..<synthetic.rowCount {
            let h = hash(synthetic, row, shared.map(\.0))
            let copies = buckets[h]?.contains { same(synthetic, row, training, $0, shared) } ?? false
            if !copies { kept.append(row) }
        }
        let removed = synthetic.rowCount - kept.count
        return (removed == 0 ? synthetic : synthetic.gather(kept), removed)
    }

    private static func hash(_ table: Table, _ row: Int, _ columns: [Int]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: UInt64) { h = (h ^ v) &* 0x100_0000_01b3 }
        for c in columns {
            let column = table.columns[c]
            if !column.valid[row] { mix(0x9E37_79B9); continue }
            if column.kind.isNumeric {
                let v = column.numbers[row]
                mix((v == 0 ? 0 : v).bitPattern)
            } else {
                for byte in column.levels[Int(column.codes[row])].utf8 { mix(UInt64(byte)) }
                mix(0xFF)
            }
        }
        return h
    }

    private static func same(_ a: Table, _ i: Int, _ b: Table, _ j: Int, _ columns: [(Int, Int)]) -> Bool {
        for (ca, cb) in columns {
            let x = a.columns[ca], y = b.columns[cb]
            if x.valid[i] != y.valid[j] { return false }
            if !x.valid[i] { continue }
            if x.kind.isNumeric {
                if x.numbers[i] != y.numbers[j] { return false }
            } else if x.levels[Int(x.codes[i])] != y.levels[Int(y.codes[j])] {
                return false
            }
        }
        return true
    }
}

// FeatureEncoder: turns table columns into a dense, standardized design matrix for the utility models.

import SynthData

/// A column encoding fitted on reference rows and applied to any table with the same column
/// names. Numeric kinds (numbers, integers, dates, booleans) are standardized by the reference
/// mean and standard deviation, with missing set to 0 and a missing indicator added when the
/// reference has missing values. Coded columns are one-hot over the reference levels matched by
/// text: levels under 1% of the reference rows, or beyond the 20 most frequent, are pooled into
/// "other", missing is a level of its own, and the most frequent level is the reference (no
/// column), so the encoding has no redundant column next to the intercept. Identifier-role,
/// identifier-kind and text columns are skipped.
struct FeatureEncoder: Sendable {
    enum Spec: Sendable {
        case numeric(name: String, mean: Double, scale: Double, missingIndicator: Bool)
        /// `slots` are the level texts with a column; "other" and missing get columns when
        /// present in the reference (`otherSlot`, `missingSlot` ≥ 0).
        case coded(name: String, slots: [String], otherSlot: Int, missingSlot: Int, reference: String?)
    }

    static let rareShare = 0.01
    static let maxLevels = 20

    let specs: [Spec]
    /// Number of design columns (without the intercept).
    let width: Int

    /// Whether a column takes part in the utility models.
    static func usable(_ column: Column) -> Bool {
        column.isModellable
    }

    /// Fits the encoding on `tables` taken together (rows of every table), for the columns named.
    /// The first table's column decides how a name is encoded; a table whose column of that name
    /// is of the other storage (a category where the first holds numbers) is left out of the
    /// fit, as `encode` reads it as all missing.
    init(columns names: [String], tables: [Table]) {
        var specs: [Spec] = []
        var width = 0
        for name in names {
            guard let first = tables.lazy.compactMap({ $0.column(name) }).first else { continue }
            let cols = tables.compactMap { $0.column(name) }.filter { $0.kind.isNumeric == first.kind.isNumeric }
            if first.kind.isNumeric {
                var sum = 0.0, sumSq = 0.0, n = 0, missing = 0
                for c in cols {
                    for i in 0..<c.count {
                        let v = c.numbers[i]
                        if c.valid[i] && !v.isNaN { sum += v; n += 1 } else { missing += 1 }
                    }
                }
                let mean = n > 0 ? sum / Double(n) : 0
                for c in cols {
                    for i in 0..<c.count where c.valid[i] && !c.numbers[i].isNaN {
                        let d = c.numbers[i] - mean
                        sumSq += d * d
                    }
                }
                let sd = n > 1 ? (sumSq / Double(n - 1)).squareRoot() : 0
                specs.append(.numeric(name: name, mean: mean, scale: sd > 0 ? sd : 1, missingIndicator: missing > 0))
                width += missing > 0 ? 2 : 1
            } else {
                var counts: [String: Int] = [:]
                var missing = 0, total = 0
                for c in cols {
                    var perCode = [Int](repeating: 0, count: c.levels.count)
                    for code in c.codes {
                        if code >= 0 { perCode[Int(code)] += 1 } else { missing += 1 }
                    }
                    for (k, n) in perCode.enumerated() where n > 0 { counts[c.levels[k], default: 0] += n }
                    total += c.count
                }
                // Most frequent first, ties by text, so the order never depends on the input order.
                let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                let threshold = Double(total) * Self.rareShare
                var kept: [String] = []
                var pooled = false
                for (i, entry) in ranked.enumerated() {
                    if i < Self.maxLevels && Double(entry.value) >= threshold { kept.append(entry.key) } else { pooled = true }
                }
                let reference = kept.first
                var slots = Array(kept.dropFirst())
                let otherSlot = pooled ? slots.count : -1
                if pooled { slots.append("\u{0}other") }
                let missingSlot = missing > 0 ? slots.count : -1
                if missing > 0 { slots.append("\u{0}missing") }
                specs.append(.coded(name: name, slots: slots, otherSlot: otherSlot, missingSlot: missingSlot,
                                    reference: reference))
                width += slots.count
            }
        }
        self.specs = specs
        self.width = width
    }

    /// Number of model parameters including the intercept.
    var parameterCount: Int { width + 1 }

    /// The design matrix of `table`, row-major with a leading intercept column of ones
    /// (`rows × parameterCount`). A column absent from `table` reads as all missing.
    func encode(_ table: Table, rows: [Int]? = nil) -> [Double] {
        let rowList = rows ?? Array(0..<table.rowCount)
        let n = rowList.count, p = parameterCount
        var x = [Double](repeating: 0, count: n * p)
        for r in 0..<n { x[r * p] = 1 }
        var offset = 1
        for spec in specs {
            switch spec {
            case let .numeric(name, mean, scale, indicator):
                let column = table.column(name)
                for (r, row) in rowList.enumerated() {
                    if let c = column, c.kind.isNumeric, c.valid[row], !c.numbers[row].isNaN {
                        x[r * p + offset] = (c.numbers[row] - mean) / scale
                    } else if indicator {
                        x[r * p + offset + 1] = 1
                    }
                }
                offset += indicator ? 2 : 1
            case let .coded(name, slots, otherSlot, missingSlot, reference):
                // Slot of each code of this table, looked up by text once per column.
                var slotOf: [Int] = []
                var index: [String: Int] = [:]
                for (k, s) in slots.enumerated() { index[s] = k }
                let column = table.column(name)
                if let c = column, c.kind.isCoded {
                    slotOf = c.levels.map { level in
                        if level == reference { return -1 }
                        return index[level] ?? otherSlot
                    }
                }
                let codes = column.flatMap { $0.kind.isCoded ? $0.codes : nil }
                for (r, row) in rowList.enumerated() {
                    let code = codes?[row] ?? -1
                    let slot = code >= 0 ? slotOf[Int(code)] : missingSlot
                    if slot >= 0 { x[r * p + offset + slot] = 1 }
                }
                offset += slots.count
            }
        }
        return x
    }
}

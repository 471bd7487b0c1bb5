// GowerEncoding: tables encoded once into flat arrays over shared columns, for Gower distances and predicates.

import SynthData

/// Several tables encoded over the same columns: numeric kinds as Double (NaN when missing),
/// coded kinds as Int32 codes into one dictionary shared by all the tables (levels matched by
/// text, -1 when missing), and a Float matrix for Gower distances.
///
/// The Gower matrix stores each cell so that the per-column distance is `min(|a − b|, 1)`:
/// numbers scaled by the range of the real tables, codes as `2 · code` (distinct codes differ
/// by at least 2), and missing as a sentinel far from every value (missing vs present gives 1,
/// missing vs missing gives 0). One branch-free kernel then serves every column kind.
struct GowerEncoding: Sendable {
    /// Distance-space value of a missing cell.
    static let missing: Float = 1e7
    /// Scaled numbers are clamped here so that they stay far from `missing`.
    static let clamp: Double = 1e3

    let names: [String]
    let isNumeric: [Bool]
    /// numbers[table][column], empty for coded columns.
    let numbers: [[[Double]]]
    /// codes[table][column], empty for numeric columns.
    let codes: [[[Int32]]]
    /// Texts of the shared codes, per column.
    let levels: [[String]]
    /// Range (min, max) of each numeric column over the real tables.
    let ranges: [(min: Double, span: Double)]

    /// Columns present by name in every table, numeric in all or coded in all, and neither
    /// identifiers nor free text. In the first table's order.
    static func sharedColumns(_ tables: [Table]) -> [String] {
        guard let first = tables.first else { return [] }
        return first.columns.compactMap { column in
            let matches = tables.compactMap { $0.column(column.name) }
            guard matches.count == tables.count else { return nil }
            let usable = matches.allSatisfy { c in
                c.isModellable
                    && c.kind.isNumeric == column.kind.isNumeric
            }
            return usable ? column.name : nil
        }
    }

    /// Encodes `columns` (names shared by all tables) of `tables`; numeric ranges come from the
    /// first `realTables` tables.
    init(_ tables: [Table], columns: [String], realTables: Int) {
        names = columns
        var isNumeric: [Bool] = []
        var numbers = [[[Double]]](repeating: [], count: tables.count)
        var codes = [[[Int32]]](repeating: [], count: tables.count)
        var levels: [[String]] = []
        var ranges: [(min: Double, span: Double)] = []
        for name in columns {
            // Callers pass sharedColumns(tables): present in every table, of one storage.
            let parts = tables.map { $0.column(name)! }
            let numeric = parts[0].kind.isNumeric
            isNumeric.append(numeric)
            if numeric {
                var lo = Double.infinity, hi = -Double.infinity
                for part in parts.prefix(realTables) {
                    for v in part.numbers where !v.isNaN { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
                }
                let span = hi > lo && (hi - lo).isFinite ? hi - lo : 1
                ranges.append((lo.isFinite ? lo : 0, span))
                levels.append([])
                for t in parts.indices {
                    numbers[t].append(zip(parts[t].numbers, parts[t].valid).map { $1 ? $0 : .nan })
                    codes[t].append([])
                }
            } else {
                // One dictionary per column over all the tables; each level looked up once.
                var ids: [String: Int32] = [:]
                var texts: [String] = []
                ranges.append((0, 1))
                for t in parts.indices {
                    let part = parts[t]
                    let map: [Int32] = part.levels.map { text in
                        if let id = ids[text] { return id }
                        let id = Int32(texts.count)
                        ids[text] = id
                        texts.append(text)
                        return id
                    }
                    let column: [Int32] = (0..<part.count).map { i in
                        let code = Int(part.codes[i])
                        return part.valid[i] && code >= 0 && code < map.count ? map[code] : -1
                    }
                    codes[t].append(column)
                    numbers[t].append([])
                }
                levels.append(texts)
            }
        }
        self.isNumeric = isNumeric
        self.numbers = numbers
        self.codes = codes
        self.levels = levels
        self.ranges = ranges
    }

    var columnCount: Int { names.count }

    func rowCount(_ table: Int) -> Int {
        guard !names.isEmpty else { return 0 }
        return isNumeric[0] ? numbers[table][0].count : codes[table][0].count
    }

    /// The Gower matrix of `table` over the columns `subset` (indices into `names`).
    func matrix(_ table: Int, columns subset: [Int]? = nil) -> GowerMatrix {
        let selected = subset ?? Array(0..<names.count)
        let rows = rowCount(table)
        var values = [Float](repeating: 0, count: rows * selected.count)
        for (k, c) in selected.enumerated() {
            let base = k * rows
            if isNumeric[c] {
                let (lo, span) = ranges[c]
                let column = numbers[table][c]
                for i in 0..<rows {
                    let v = column[i]
                    values[base + i] = v.isNaN ? Self.missing : Float(Swift.min(Self.clamp, Swift.max(-Self.clamp, (v - lo) / span)))
                }
            } else {
                let column = codes[table][c]
                for i in 0..<rows {
                    values[base + i] = column[i] < 0 ? Self.missing : Float(2 * Int(column[i]))
                }
            }
        }
        return GowerMatrix(rows: rows, columns: selected.count, values: values)
    }
}

/// Rows of one table in Gower space, column-major: `values[column * rows + row]`.
struct GowerMatrix: Sendable {
    let rows: Int
    let columns: Int
    let values: [Float]

    /// The Gower distance between row `i` of `a` and row `j` of `b`: the mean over columns of
    /// min(|a − b|, 1).
    static func distance(_ a: GowerMatrix, _ i: Int, _ b: GowerMatrix, _ j: Int) -> Double {
        guard a.columns > 0 else { return 0 }
        var sum: Float = 0
        for c in 0..<a.columns {
            sum += Swift.min(abs(a.values[c * a.rows + i] - b.values[c * b.rows + j]), 1)
        }
        return Double(sum) / Double(a.columns)
    }
}

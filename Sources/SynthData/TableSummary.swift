// TableSummary: per-column summaries of a table, computed in parallel and deterministically.

import SynthCore

/// Summaries for `describe`.
public enum TableSummary {
    /// One summary per column, in column order; `bins` equal-width histogram bins for numeric kinds.
    public static func summarize(_ table: Table, bins: Int = 16) -> [ColumnSummary] {
        let columns = table.columns
        return Parallel.map(columns.count) { summarize(columns[$0], bins: bins) }
    }

    /// The summary of one column.
    public static func summarize(_ column: Column, bins: Int = 16) -> ColumnSummary {
        let missing = column.missingCount
        var summary = ColumnSummary(name: column.name, kind: column.kind, role: column.role,
                                    count: column.count, missing: missing, distinct: 0)
        if column.kind.isNumeric {
            var low = Double.infinity, high = -Double.infinity
            var n = 0
            var mean = 0.0, m2 = 0.0
            var values: [Double] = []
            values.reserveCapacity(column.count - missing)
            for (value, ok) in zip(column.numbers, column.valid) where ok {
                n += 1
                // Welford's update: stable for large, nearly equal values such as datetimes.
                let delta = value - mean
                mean += delta / Double(n)
                m2 += delta * (value - mean)
                low = Swift.min(low, value)
                high = Swift.max(high, value)
                values.append(value)
            }
            values.sort()
            var distinct = 0
            for i in values.indices where i == 0 || values[i] != values[i - 1] { distinct += 1 }
            summary.distinct = distinct
            if n > 0 {
                summary.min = low
                summary.max = high
                summary.mean = mean
                summary.sd = n > 1 ? (m2 / Double(n - 1)).squareRoot() : nil
                // Whole numbers spanning fewer values than bins get one bin per value (a 0..3
                // score reads as 4 bars, not 4 bars among 12 gaps).
                let span = high - low + 1
                let perValue = column.kind != .numeric && span <= Double(bins) && values.allSatisfy { $0 == $0.rounded() }
                let count = perValue ? Int(span) : Swift.max(1, bins)
                var histogram = [Int](repeating: 0, count: count)
                let bins = EqualWidthBins(low: low, high: high, count: count)
                for value in values {
                    // One bar per value: value - low is a whole number below the span, at most `bins`.
                    histogram[perValue ? Int(value - low) : bins.index(of: value)] += 1
                }
                summary.histogram = histogram
            }
            if column.kind == .boolean {
                let trues = values.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
                let names = column.levels.count == 2 ? column.levels : ["false", "true"]
                summary.topLevels = ranked([(names[1], trues), (names[0], values.count - trues)].filter { $0.1 > 0 })
            }
        } else {
            var counts = [Int](repeating: 0, count: column.levels.count)
            for (code, ok) in zip(column.codes, column.valid) where ok && code >= 0 && Int(code) < counts.count {
                counts[Int(code)] += 1
            }
            let all = ranked(zip(column.levels, counts).filter { $0.1 > 0 }.map { ($0.0, $0.1) })
            summary.distinct = all.count
            summary.topLevels = Array(all.prefix(5))
            summary.histogram = all.map(\.count)
        }
        return summary
    }

    /// Most frequent first; ties by level text.
    private static func ranked(_ pairs: [(String, Int)]) -> [(level: String, count: Int)] {
        pairs.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map { (level: $0.0, count: $0.1) }
    }
}

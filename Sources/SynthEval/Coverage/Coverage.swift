// Coverage: missing-value similarity, category coverage and range coverage per column (SDMetrics).

import SynthData

/// Per-column coverage metrics, defined as in SDMetrics' single-column statistical metrics
/// (`MissingValueSimilarity`, `CategoryCoverage`, `RangeCoverage`).
///
/// Columns are matched by name, in the real table's order; identifier columns (by kind or role)
/// are skipped. A metric whose SDMetrics value is undefined (NaN: a constant or empty real
/// column, no present synthetic value for a range) is left out rather than reported as NaN.
public enum Coverage {
    public static let missingValueSimilarity = "MissingValueSimilarity"
    public static let categoryCoverage = "CategoryCoverage"
    public static let rangeCoverage = "RangeCoverage"

    /// Scores every shared non-identifier column: missing-value similarity always, then
    /// category coverage (categorical, boolean) or range coverage (numeric, integer, date, datetime).
    public static func evaluate(real: Table, synthetic: Table) -> [CoverageScore] {
        var scores: [CoverageScore] = []
        for column in real.columns {
            guard !column.isIdentifier, let other = synthetic.column(column.name), !other.isIdentifier else { continue }
            if let score = missingValueScore(real: column, synthetic: other) {
                scores.append(CoverageScore(column: column.name, metric: missingValueSimilarity, score: score))
            }
            let family = ComparedColumn.family(of: column)
            guard family != nil, family == ComparedColumn.family(of: other) else { continue }
            switch family {
            case .categorical:
                if let score = categoryScore(real: column, synthetic: other) {
                    scores.append(CoverageScore(column: column.name, metric: categoryCoverage, score: score))
                }
            case .numerical:
                if let score = rangeScore(real: column, synthetic: other) {
                    scores.append(CoverageScore(column: column.name, metric: rangeCoverage, score: score))
                }
            case nil:
                break
            }
        }
        return scores
    }

    /// 1 − |missing share in real − missing share in synthetic|; nil when a table has no rows.
    static func missingValueScore(real: Column, synthetic: Column) -> Double? {
        guard real.count > 0, synthetic.count > 0 else { return nil }
        let r = Double(real.missingCount) / Double(real.count)
        let s = Double(synthetic.missingCount) / Double(synthetic.count)
        return 1 - abs(r - s)
    }

    /// Share of the real categories (present values only) that occur in the synthetic column;
    /// categories match by level text, booleans by value. Nil when the real column has none.
    static func categoryScore(real: Column, synthetic: Column) -> Double? {
        let realSet = categories(real)
        guard !realSet.isEmpty else { return nil }
        let covered = realSet.intersection(categories(synthetic)).count
        return Double(covered) / Double(realSet.count)
    }

    // Reference: SDMetrics RangeCoverage — with the real range [min_r, max_r]:
    // max(0, 1 − (max((min_s − min_r)/(max_r − min_r), 0) + max((max_r − max_s)/(max_r − min_r), 0))).
    // A synthetic range wider than the real one is not penalised; a constant real column is NaN.
    /// Range coverage of the present values; nil when SDMetrics gives NaN.
    static func rangeScore(real: Column, synthetic: Column) -> Double? {
        guard let (minR, maxR) = range(real), let (minS, maxS) = range(synthetic), minR < maxR else { return nil }
        let span = maxR - minR
        let low = max((minS - minR) / span, 0)
        let high = max((maxR - maxS) / span, 0)
        return min(1, max(0, 1 - (low + high)))
    }

    /// The level texts present in `column`: codes are marked first, so no text is hashed per row.
    private static func categories(_ column: Column) -> Set<String> {
        if column.kind == .boolean {
            var seen = [false, false]
            for i in 0..<column.count where column.valid[i] { seen[column.numbers[i] != 0 ? 1 : 0] = true }
            return Set([seen[0] ? "false" : nil, seen[1] ? "true" : nil].compactMap { $0 })
        }
        var used = [Bool](repeating: false, count: column.levels.count)
        for i in 0..<column.count where column.valid[i] {
            let code = Int(column.codes[i])
            if code >= 0 && code < used.count { used[code] = true }
        }
        return Set(used.indices.filter { used[$0] }.map { column.levels[$0] })
    }

    private static func range(_ column: Column) -> (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for i in 0..<column.count where column.valid[i] {
            let v = column.numbers[i]
            if v.isNaN { continue }
            lo = min(lo, v)
            hi = max(hi, v)
        }
        return lo <= hi ? (lo, hi) : nil
    }
}

// CorrelationSimilarity: 1 − |r_real − r_synthetic| / 2 for a pair of numeric columns.

/// Reference: SDMetrics `CorrelationSimilarity` (Pearson, rows where both values are present).
public enum CorrelationSimilarity {
    /// The score with the two correlations; NaN score when a correlation is undefined
    /// (fewer than two rows, or a constant column). NaN marks a missing value.
    public static func compute(realA: [Double], realB: [Double], syntheticA: [Double], syntheticB: [Double])
        -> (score: Double, real: Double, synthetic: Double) {
        let r = pearson(realA, realB)
        let s = pearson(syntheticA, syntheticB)
        if r.isNaN || s.isNaN { return (.nan, r, s) }
        return (1 - abs(r - s) / 2, r, s)
    }

    /// Pearson's r over the rows where both values are present (two passes for accuracy).
    public static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = min(a.count, b.count)
        var count = 0
        var sa = 0.0, sb = 0.0
        for i in 0..<n where !a[i].isNaN && !b[i].isNaN {
            sa += a[i]
            sb += b[i]
            count += 1
        }
        if count < 2 { return .nan }
        let ma = sa / Double(count), mb = sb / Double(count)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in 0..<n where !a[i].isNaN && !b[i].isNaN {
            let da = a[i] - ma, db = b[i] - mb
            sab += da * db
            saa += da * da
            sbb += db * db
        }
        if saa <= 0 || sbb <= 0 { return .nan }
        return min(1, max(-1, sab / (saa * sbb).squareRoot()))
    }
}

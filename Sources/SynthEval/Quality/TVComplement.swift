// TVComplement: 1 − the total variation distance between two category distributions.

/// Reference: SDMetrics `TVComplement` — missing values dropped, frequencies over the union of
/// categories (a synthetic-only category counts with real share 0).
public enum TVComplement {
    /// `real` and `synthetic` are codes in `0..<categories` of one shared category list
    /// (negative or ≥ `categories` = missing, dropped). NaN when either side has no values.
    public static func compute(real: [Int32], synthetic: [Int32], categories: Int) -> Double {
        let (p, nr) = counts(real, categories)
        let (q, ns) = counts(synthetic, categories)
        if nr == 0 || ns == 0 { return .nan }
        var total = 0.0
        for k in 0..<categories {
            total += abs(Double(p[k]) / Double(nr) - Double(q[k]) / Double(ns))
        }
        return 1 - 0.5 * total
    }

    private static func counts(_ codes: [Int32], _ k: Int) -> ([Int], Int) {
        var counts = [Int](repeating: 0, count: k)
        var n = 0
        for code in codes where code >= 0 && Int(code) < k {
            counts[Int(code)] += 1
            n += 1
        }
        return (counts, n)
    }
}

// KSComplement: 1 − the two-sample Kolmogorov–Smirnov statistic of a numeric column.

/// Reference: SDMetrics `KSComplement` (scipy `ks_2samp` statistic on non-missing values).
public enum KSComplement {
    /// 1 − sup |F_real(x) − F_synthetic(x)| over the present (non-NaN) values; NaN when either
    /// side has none.
    public static func compute(real: [Double], synthetic: [Double]) -> Double {
        let a = real.filter { !$0.isNaN }.sorted()
        let b = synthetic.filter { !$0.isNaN }.sorted()
        return computeSorted(a, b)
    }

    /// The same on already sorted, NaN-free values.
    static func computeSorted(_ a: [Double], _ b: [Double]) -> Double {
        if a.isEmpty || b.isEmpty { return .nan }
        let na = Double(a.count), nb = Double(b.count)
        var i = 0, j = 0
        var statistic = 0.0
        while i < a.count && j < b.count {
            let v = min(a[i], b[j])
            while i < a.count && a[i] == v { i += 1 }
            while j < b.count && b[j] == v { j += 1 }
            statistic = max(statistic, abs(Double(i) / na - Double(j) / nb))
        }
        return 1 - statistic
    }
}

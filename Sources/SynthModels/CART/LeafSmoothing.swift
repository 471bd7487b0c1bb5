// LeafSmoothing: kernel bandwidths, rounding and the never-emit-a-unique-value rule for numeric draws.

import Foundation

/// Numeric helpers of leaf sampling.
enum LeafSmoothing {
    /// The bandwidth of a leaf's values, and a value drawn unsmoothed. As synthpop's
    /// `syn.smooth(smoothing = "density")`: a value holding over 70% of the values is left
    /// unsmoothed and the bandwidth comes from the others; the bandwidth is R's `bw.nrd0`
    /// (Silverman's rule of thumb, 0.9 · min(sd, IQR/1.34) · n^(−1/5)), computed per leaf.
    static func bandwidth(sorted values: [Double]) -> (Double, Double?) {
        guard !values.isEmpty else { return (0, nil) }
        var mode = values[0], modeCount = 0, run = 0
        for i in values.indices {
            run = i > 0 && values[i] == values[i - 1] ? run + 1 : 1
            if run > modeCount { modeCount = run; mode = values[i] }
        }
        var rest = values
        var exempt: Double?
        if Double(modeCount) > 0.7 * Double(values.count) {
            exempt = mode
            rest = values.filter { $0 != mode }
        }
        return (rest.count < 2 ? 0 : bwNrd0(sorted: rest), exempt)
    }

    /// R's `bw.nrd0` of sorted values (n ≥ 2), with its fallbacks when the spread is zero.
    static func bwNrd0(sorted x: [Double]) -> Double {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let sd = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let iqr = quantile(x, 0.75) - quantile(x, 0.25)
        var lo = min(sd, iqr / 1.34)
        if !(lo > 0) { lo = sd > 0 ? sd : (abs(x[0]) > 0 ? abs(x[0]) : 1) }
        return 0.9 * lo * pow(n, -0.2)
    }

    /// Type-7 quantile of sorted values (R's default).
    static func quantile(_ x: [Double], _ p: Double) -> Double {
        let h = Double(x.count - 1) * p
        let i = Int(h.rounded(.down))
        return i + 1 < x.count ? x[i] + (h - Double(i)) * (x[i + 1] - x[i]) : x[i]
    }

    /// Fewest decimal places (0...6) that write every value exactly (synthpop rounds smoothed
    /// values to the observed `decimalplaces`).
    static func decimals(_ values: [Double]) -> Int {
        for d in 0..<6 {
            let scale = pow(10, Double(d))
            if values.allSatisfy({ v in abs((v * scale).rounded() - v * scale) <= 1e-7 * max(1, abs(v * scale)) }) {
                return d
            }
        }
        return 6
    }

    static func round(_ value: Double, decimals: Int) -> Double {
        if decimals >= 6 { return value }
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// Whether `value` is among the sorted `singletons` (values seen once in the real column),
    /// or any sorted list of values.
    static func isSingleton(_ value: Double, _ singletons: [Double]) -> Bool {
        let i = CARTFeature.lowerBound(singletons, value)
        return i < singletons.count && singletons[i] == value
    }

    /// The nearest value to `value` on its rounding grid within [low, high] that is not a real
    /// singleton (steps of one unit outwards, below first); missing (NaN) when every value of the
    /// grid in range is a singleton (a sequence number, a one-row column): nothing can be
    /// released, and inventing a value outside the data would misstate the column.
    static func nudge(_ value: Double, decimals: Int, low: Double, high: Double, singletons: [Double]) -> Double {
        let unit = decimals >= 6 ? max(abs(value) * 1e-9, 1e-9) : pow(10, -Double(decimals))
        for k in 1...10_000 {
            for candidate in [value - Double(k) * unit, value + Double(k) * unit] {
                let c = decimals >= 6 ? candidate : round(candidate, decimals: decimals)
                if c >= low && c <= high && !isSingleton(c, singletons) { return c }
            }
            if value - Double(k) * unit < low && value + Double(k) * unit > high { break }
        }
        return .nan
    }
}

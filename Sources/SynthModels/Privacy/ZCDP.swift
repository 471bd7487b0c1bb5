// ZCDP: conversions between (epsilon, delta)-DP and rho-zero-concentrated DP.
// Reference: Canonne, Kamath & Steinke (2020), "The Discrete Gaussian for Differential Privacy",
// Proposition 12 (the conversion private-pgm's cdp2adp.py implements); Bun & Steinke (2016).

import Foundation

public enum ZCDP {
    /// The smallest delta such that rho-zCDP implies (epsilon, delta)-DP.
    ///
    /// Any alpha > 1 gives a valid delta = exp((alpha-1)(alpha rho - epsilon) + alpha log(1 - 1/alpha))
    /// / (alpha - 1), so an imprecise search only makes delta larger, never unsound. The optimum
    /// is found by bisection on the sign of the derivative (2 alpha - 1) rho - epsilon + log(1 - 1/alpha);
    /// alpha stays at or above 1.01 because below it the formula loses precision, and that
    /// region only matters when epsilon <= rho, where delta is large anyway.
    public static func delta(rho: Double, epsilon: Double) -> Double {
        // Callers' slips, not input: the ledger's epsilon and delta are range-checked (privacy).
        precondition(rho >= 0 && rho.isFinite, "rho must be finite and non-negative")
        precondition(epsilon >= 0, "epsilon must be non-negative")
        if rho == 0 { return 0 }
        if epsilon == .infinity { return 0 }
        var low = 1.01
        var high = (epsilon + 1) / (2 * rho) + 2
        var alpha = (low + high) / 2
        for _ in 0..<1000 {
            let derivative = (2 * alpha - 1) * rho - epsilon + log1p(-1 / alpha)
            if derivative < 0 { low = alpha } else { high = alpha }
            let next = (low + high) / 2
            if next <= low || next >= high { break }
            alpha = next
        }
        let delta = exp((alpha - 1) * (alpha * rho - epsilon) + alpha * log1p(-1 / alpha)) / (alpha - 1)
        return min(delta, 1)
    }

    /// The smallest epsilon such that rho-zCDP implies (epsilon, delta)-DP.
    ///
    /// Bisection between 0 and Bun & Steinke's bound rho + 2 sqrt(rho log(1/delta)), which
    /// always suffices; the returned value is the upper end of the bracket, so it satisfies
    /// delta(rho, epsilon) <= delta.
    public static func epsilon(rho: Double, delta: Double) -> Double {
        // Callers' slips, not input: the ledger's epsilon and delta are range-checked (privacy).
        precondition(rho >= 0 && rho.isFinite, "rho must be finite and non-negative")
        precondition(delta > 0 && delta < 1, "delta must be in (0, 1)")
        if rho == 0 { return 0 }
        var low = 0.0
        var high = rho + 2 * (rho * log(1 / delta)).squareRoot()
        // The bound holds in exact arithmetic; widen if rounding says otherwise.
        while Self.delta(rho: rho, epsilon: high) > delta { high *= 2 }
        for _ in 0..<1000 {
            let mid = (low + high) / 2
            if mid <= low || mid >= high { break }
            if Self.delta(rho: rho, epsilon: mid) <= delta { high = mid } else { low = mid }
        }
        return high
    }

    /// The largest rho such that rho-zCDP implies (epsilon, delta)-DP.
    ///
    /// Bisection on rho in [0, epsilon + 1] (widened if needed); delta(rho, epsilon) increases
    /// with rho. The returned value is the lower end of the bracket, so it satisfies
    /// delta(rho, epsilon) <= delta.
    public static func rho(epsilon: Double, delta: Double) -> Double {
        // Callers' slips, not input: the ledger's epsilon and delta are range-checked (privacy).
        precondition(epsilon >= 0 && epsilon.isFinite, "epsilon must be finite and non-negative")
        precondition(delta > 0 && delta < 1, "delta must be in (0, 1)")
        var low = 0.0
        var high = epsilon + 1
        while Self.delta(rho: high, epsilon: epsilon) <= delta { low = high; high *= 2 }
        for _ in 0..<1000 {
            let mid = (low + high) / 2
            if mid <= low || mid >= high { break }
            if Self.delta(rho: mid, epsilon: epsilon) <= delta { low = mid } else { high = mid }
        }
        return low
    }
}

// ZCDP: conversions between (epsilon, delta)-DP and rho-zero-concentrated DP.
// Reference: Canonne, Kamath & Steinke (2020), "The Discrete Gaussian for Differential Privacy",
// Proposition 12 (the conversion private-pgm's cdp2adp.py implements); Bun & Steinke (2016).

import Foundation

public enum ZCDP {
    /// The smallest delta such that rho-zCDP implies (epsilon, delta)-DP.
    public static func delta(rho: Double, epsilon: Double) -> Double {
        fatalError("not implemented")
    }

    /// The smallest epsilon such that rho-zCDP implies (epsilon, delta)-DP.
    public static func epsilon(rho: Double, delta: Double) -> Double {
        fatalError("not implemented")
    }

    /// The largest rho such that rho-zCDP implies (epsilon, delta)-DP.
    public static func rho(epsilon: Double, delta: Double) -> Double {
        fatalError("not implemented")
    }
}

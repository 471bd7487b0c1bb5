// Mechanisms: the noise primitives differentially private fits are built from.

import Foundation
import SynthCore

public enum Mechanisms {
    /// The Gaussian mechanism's noise scale for a statistic of L2 sensitivity `sensitivity`
    /// under rho-zCDP: sigma = sensitivity / sqrt(2 rho) (Bun & Steinke 2016, Prop. 1.6).
    public static func gaussianSigma(rho: Double, sensitivity: Double = 1) -> Double {
        // A caller's slip, not input: a rho is priced from an epsilon of at least 1e-6 (Session.price).
        precondition(rho > 0, "rho must be positive")
        precondition(sensitivity >= 0, "sensitivity must be non-negative")
        return sensitivity / (2 * rho).squareRoot()
    }

    /// `values` plus independent N(0, sigma^2) noise, drawn from `rng` in index order.
    public static func gaussian(_ values: [Double], sigma: Double, rng: inout SeededRNG) -> [Double] {
        precondition(sigma >= 0, "sigma must be non-negative")
        // One nextGaussian() per value, in index order: callers replay streams by this contract.
        var noisy = values
        for i in noisy.indices {
            noisy[i] = values[i] + sigma * rng.nextGaussian()
        }
        return noisy
    }

    /// The exponential mechanism: index i with probability proportional to
    /// exp(epsilon * scores[i] / (2 * sensitivity)) (higher scores are better). Under zCDP it
    /// costs epsilon^2 / 8 (Cesar & Rogers 2021).
    ///
    /// Uses exactly one `nextDouble()` draw. Scores are shifted by their maximum so the
    /// weights cannot overflow; the best score always has weight 1.
    public static func exponential(scores: [Double], epsilon: Double, sensitivity: Double, rng: inout SeededRNG) -> Int {
        // A caller's slip, not input: PrivateBounds scores its fixed grid, MSTSelection stops when
        // no candidate is left, and both scores are counts or finite sums of them.
        precondition(!scores.isEmpty, "the exponential mechanism needs at least one candidate")
        precondition(scores.allSatisfy(\.isFinite), "scores must be finite")
        precondition(epsilon >= 0 && !epsilon.isNaN, "epsilon must be non-negative")
        precondition(sensitivity > 0 && sensitivity.isFinite, "sensitivity must be positive and finite")
        let best = scores.max()!
        let weights: [Double] = scores.map { score in
            // With infinite epsilon only the best scores remain (avoids infinity * 0).
            if epsilon == .infinity { return score == best ? 1 : 0 }
            return exp(epsilon * (score - best) / (2 * sensitivity))
        }
        let total = weights.reduce(0, +)
        let u = rng.nextDouble() * total
        var cumulative = 0.0
        var lastPositive = 0
        for (i, weight) in weights.enumerated() where weight > 0 {
            cumulative += weight
            lastPositive = i
            if u < cumulative { return i }
        }
        // Rounding can leave u at or just above the final cumulative sum.
        return lastPositive
    }
}

// Mechanisms: the noise primitives differentially private fits are built from.

import Foundation
import SynthCore

public enum Mechanisms {
    /// The Gaussian mechanism's noise scale for a statistic of L2 sensitivity `sensitivity`
    /// under rho-zCDP: sigma = sensitivity / sqrt(2 rho) (Bun & Steinke 2016, Prop. 1.6).
    public static func gaussianSigma(rho: Double, sensitivity: Double = 1) -> Double {
        sensitivity / (2 * rho).squareRoot()
    }

    /// `values` plus independent N(0, sigma^2) noise, drawn from `rng` in index order.
    public static func gaussian(_ values: [Double], sigma: Double, rng: inout SeededRNG) -> [Double] {
        var out = values
        for i in out.indices { out[i] += sigma * rng.nextGaussian() }
        return out
    }

    /// The exponential mechanism: index i with probability proportional to
    /// exp(epsilon * scores[i] / (2 * sensitivity)) (higher scores are better). Under zCDP it
    /// costs epsilon^2 / 8 (Cesar & Rogers 2021).
    public static func exponential(scores: [Double], epsilon: Double, sensitivity: Double, rng: inout SeededRNG) -> Int {
        let top = scores.max() ?? 0
        let weights = scores.map { exp(epsilon * ($0 - top) / (2 * sensitivity)) }
        let target = rng.nextDouble() * weights.reduce(0, +)
        var cumulative = 0.0
        for (i, w) in weights.enumerated() {
            cumulative += w
            if target < cumulative { return i }
        }
        return weights.count - 1
    }
}

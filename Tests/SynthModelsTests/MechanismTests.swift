// MechanismTests: Gaussian noise and the exponential mechanism against their distributions.

import Foundation
import SynthCore
import Testing
@testable import SynthModels

@Suite struct MechanismTests {
    @Test func gaussianSigmaOnAHandCase() {
        // sigma = sensitivity / sqrt(2 rho): rho 0.5 gives 1; rho 2, sensitivity 3 gives 1.5.
        #expect(Mechanisms.gaussianSigma(rho: 0.5) == 1)
        #expect(Mechanisms.gaussianSigma(rho: 2, sensitivity: 3) == 1.5)
        #expect(abs(Mechanisms.gaussianSigma(rho: 0.01) - 1 / 0.02.squareRoot()) < 1e-12)
    }

    @Test(arguments: [(UInt64(1), 1.0), (2, 3.5), (3, 0.25)])
    func gaussianNoiseHasTheRequestedVarianceAndZeroMean(seed: UInt64, sigma: Double) {
        // Setup: 20,000 values of 10.
        let n = 20_000
        var rng = SeededRNG(seed: seed)
        // Run
        let noisy = Mechanisms.gaussian([Double](repeating: 10, count: n), sigma: sigma, rng: &rng)
        // Assert: variance within 5% of sigma^2 and mean within 4 standard errors of 10.
        let noise = noisy.map { $0 - 10 }
        let mean = noise.reduce(0, +) / Double(n)
        let variance = noise.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        #expect(abs(variance / (sigma * sigma) - 1) < 0.05, "variance \(variance)")
        #expect(abs(mean) < 4 * sigma / Double(n).squareRoot(), "mean \(mean)")
    }

    @Test func gaussianDrawsOneNormalPerValueInIndexOrder() {
        // Setup
        let values = [1.0, -2.0, 3.0, 100.0]
        var rng = SeededRNG(seed: 42)
        var replay = SeededRNG(seed: 42)
        // Run
        let noisy = Mechanisms.gaussian(values, sigma: 2, rng: &rng)
        // Assert: exactly values[i] + sigma * nextGaussian() in order, and the streams end level.
        let expected = values.map { $0 + 2 * replay.nextGaussian() }
        #expect(noisy == expected)
        #expect(rng == replay)
        #expect(Mechanisms.gaussian([], sigma: 1, rng: &rng).isEmpty)
        #expect(Mechanisms.gaussian([5], sigma: 0, rng: &rng) == [5])
    }

    @Test func exponentialFrequenciesMatchSoftmaxOnAHandCase() {
        // Setup: scores 0, 1, 2 with epsilon 2, sensitivity 1: weights exp(s), so the
        // probabilities are e^0, e^1, e^2 over their sum = 0.0900306, 0.2447285, 0.6652410.
        let expected = [0.09003057317038046, 0.24472847105479764, 0.6652409557748219]
        var rng = SeededRNG(seed: 7)
        let draws = 30_000
        // Run
        var counts = [0, 0, 0]
        for _ in 0..<draws {
            counts[Mechanisms.exponential(scores: [0, 1, 2], epsilon: 2, sensitivity: 1, rng: &rng)] += 1
        }
        // Assert: each frequency within 4 standard errors (at most 0.011).
        for i in 0..<3 {
            let frequency = Double(counts[i]) / Double(draws)
            let standardError = (expected[i] * (1 - expected[i]) / Double(draws)).squareRoot()
            #expect(abs(frequency - expected[i]) < 4 * standardError, "index \(i): \(frequency)")
        }
    }

    @Test func exponentialUsesExactlyOneUniformDraw() {
        // Setup
        var rng = SeededRNG(seed: 11)
        var replay = SeededRNG(seed: 11)
        // Run
        _ = Mechanisms.exponential(scores: [3, 1, 4, 1, 5], epsilon: 1, sensitivity: 1, rng: &rng)
        _ = replay.nextDouble()
        // Assert
        #expect(rng == replay)
    }

    @Test func hugeEpsilonPicksTheBestScore() {
        // Setup
        var rng = SeededRNG(seed: 3)
        let scores = [-5.0, 10, 9.5, 0, 2]
        // Run
        let picks = (0..<1000).map { _ in Mechanisms.exponential(scores: scores, epsilon: 1000, sensitivity: 1, rng: &rng) }
        let infinite = (0..<100).map { _ in Mechanisms.exponential(scores: scores, epsilon: .infinity, sensitivity: 1, rng: &rng) }
        // Assert
        #expect(picks.allSatisfy { $0 == 1 })
        #expect(infinite.allSatisfy { $0 == 1 })
    }

    @Test func zeroEpsilonIsUniform() {
        // Setup: four candidates with very different scores.
        var rng = SeededRNG(seed: 5)
        let draws = 20_000
        // Run
        var counts = [0, 0, 0, 0]
        for _ in 0..<draws {
            counts[Mechanisms.exponential(scores: [-1e6, 0, 3, 1e6], epsilon: 0, sensitivity: 1, rng: &rng)] += 1
        }
        // Assert: each 0.25 within 4 standard errors (0.0122).
        let standardError = (0.25 * 0.75 / Double(draws)).squareRoot()
        for count in counts {
            #expect(abs(Double(count) / Double(draws) - 0.25) < 4 * standardError, "\(counts)")
        }
    }

    @Test func extremeScoresDoNotOverflow() {
        // Setup: scores far apart; subtracting the maximum keeps weights in [0, 1].
        var rng = SeededRNG(seed: 9)
        // Run
        let pick = Mechanisms.exponential(scores: [1e300, -1e300, 1e300 - 1], epsilon: 10, sensitivity: 1, rng: &rng)
        let single = Mechanisms.exponential(scores: [42], epsilon: 1, sensitivity: 1, rng: &rng)
        // Assert
        #expect(pick == 0 || pick == 2)
        #expect(single == 0)
    }
}

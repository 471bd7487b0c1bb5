// NormalDistributionTests: Φ and Φ⁻¹ against published values and each other.

import Testing
@testable import SynthModels

@Suite struct NormalDistributionTests {
    @Test(arguments: [(0.5, 0.0), (0.975, 1.959963984540054), (0.025, -1.959963984540054),
                      (0.8413447460685429, 1.0), (1e-10, -6.361340902404056), (0.999, 3.090232306167814)])
    func quantileMatchesTables(p: Double, z: Double) {
        // Tolerance 1e-12 absolute.
        #expect(abs(NormalDistribution.quantile(p) - z) <= 1e-12)
    }

    @Test func roundTrip() {
        // Φ(Φ⁻¹(p)) = p to 1e-14 relative over the whole range, including the tails.
        for p in [1e-300, 1e-20, 1e-8, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97575, 0.99, 1 - 1e-12] {
            let back = NormalDistribution.cdf(NormalDistribution.quantile(p))
            #expect(abs(back - p) <= 1e-14 * max(p, 1e-3), "p = \(p)")
        }
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
    }
}

// ZCDPTests: the zCDP to (epsilon, delta) conversions against an independent grid search.

import Foundation
import Testing
@testable import SynthModels

@Suite struct ZCDPTests {
    /// Canonne, Kamath & Steinke (2020), Prop. 12, minimised over a fine log-spaced grid of
    /// alpha instead of by bisection: an independent check of `ZCDP.delta`.
    static func gridDelta(rho: Double, epsilon: Double) -> Double {
        var best = 1.0
        let steps = 200_000
        for i in 1...steps {
            let alpha = 1 + pow(10, -4 + 9 * Double(i) / Double(steps))  // alpha - 1 in (1e-4, 1e5]
            let value = exp((alpha - 1) * (alpha * rho - epsilon) + alpha * log(1 - 1 / alpha)) / (alpha - 1)
            best = min(best, value)
        }
        return best
    }

    @Test(arguments: [(0.01, 1.0), (0.0244, 1.0), (0.1, 0.5), (0.5, 3.0), (2.0, 10.0), (1.0, 1.0)])
    func deltaMatchesAGridSearchOverAlpha(rho: Double, epsilon: Double) {
        // Run
        let delta = ZCDP.delta(rho: rho, epsilon: epsilon)
        let grid = Self.gridDelta(rho: rho, epsilon: epsilon)
        // Assert: within 0.1% relative; bisection should never be worse than the grid by more.
        #expect(abs(delta - grid) <= 1e-3 * grid, "rho \(rho), epsilon \(epsilon): \(delta) vs \(grid)")
    }

    @Test func rhoForEpsilonOneDeltaOneInAMillion() {
        // Run
        let rho = ZCDP.rho(epsilon: 1, delta: 1e-6)
        // Assert: about 0.02436 (private-pgm's cdp_rho gives 0.024355970...), and the answer sits
        // at the boundary of the independent formula: met at rho (to the grid's resolution,
        // 1e-5 relative), broken 0.1% above.
        #expect(abs(rho - 0.024356) < 1e-6)
        #expect(Self.gridDelta(rho: rho, epsilon: 1) <= 1e-6 * (1 + 1e-5))
        #expect(Self.gridDelta(rho: rho * 1.001, epsilon: 1) > 1e-6)
        #expect(ZCDP.delta(rho: rho, epsilon: 1) <= 1e-6)
    }

    @Test(arguments: [(0.1, 1e-9), (0.5, 1e-6), (1.0, 1e-5), (3.0, 1e-6), (10.0, 1e-3), (1.0, 0.5)])
    func epsilonOfRhoRoundTrips(epsilon: Double, delta: Double) {
        // Run
        let rho = ZCDP.rho(epsilon: epsilon, delta: delta)
        let back = ZCDP.epsilon(rho: rho, delta: delta)
        // Assert
        #expect(rho > 0)
        #expect(abs(back - epsilon) <= 1e-9 * max(1, epsilon), "epsilon \(epsilon), delta \(delta): \(back)")
    }

    @Test func returnedEpsilonNeverExceedsTheClassicBound() {
        for rho in [1e-4, 0.001, 0.01, 0.1, 1, 10, 100] {
            for delta in [0.1, 1e-3, 1e-6, 1e-9, 1e-12] {
                // Run
                let epsilon = ZCDP.epsilon(rho: rho, delta: delta)
                // Assert: Bun & Steinke (2016) Prop. 1.3, and the guarantee itself.
                let classic = rho + 2 * (rho * log(1 / delta)).squareRoot()
                #expect(epsilon <= classic, "rho \(rho), delta \(delta)")
                #expect(ZCDP.delta(rho: rho, epsilon: epsilon) <= delta, "rho \(rho), delta \(delta)")
            }
        }
    }

    @Test func conversionsAreMonotone() {
        // delta grows with rho and falls with epsilon.
        let rhos = [0.001, 0.01, 0.1, 0.5, 1, 5]
        let epsilons = [0.1, 0.5, 1, 2, 5, 10]
        for epsilon in epsilons {
            let deltas = rhos.map { ZCDP.delta(rho: $0, epsilon: epsilon) }
            #expect(zip(deltas, deltas.dropFirst()).allSatisfy { $0 <= $1 }, "epsilon \(epsilon): \(deltas)")
        }
        for rho in rhos {
            let deltas = epsilons.map { ZCDP.delta(rho: rho, epsilon: $0) }
            #expect(zip(deltas, deltas.dropFirst()).allSatisfy { $0 >= $1 }, "rho \(rho): \(deltas)")
        }
        // epsilon grows with rho and falls with delta; rho grows with epsilon and delta.
        let eps = rhos.map { ZCDP.epsilon(rho: $0, delta: 1e-6) }
        #expect(zip(eps, eps.dropFirst()).allSatisfy { $0 < $1 })
        let epsByDelta = [1e-9, 1e-6, 1e-3].map { ZCDP.epsilon(rho: 0.1, delta: $0) }
        #expect(zip(epsByDelta, epsByDelta.dropFirst()).allSatisfy { $0 > $1 })
        let rhoByEpsilon = epsilons.map { ZCDP.rho(epsilon: $0, delta: 1e-6) }
        #expect(zip(rhoByEpsilon, rhoByEpsilon.dropFirst()).allSatisfy { $0 < $1 })
        let rhoByDelta = [1e-9, 1e-6, 1e-3].map { ZCDP.rho(epsilon: 1, delta: $0) }
        #expect(zip(rhoByDelta, rhoByDelta.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func degenerateCases() {
        #expect(ZCDP.delta(rho: 0, epsilon: 1) == 0)
        #expect(ZCDP.delta(rho: 0, epsilon: 0) == 0)
        #expect(ZCDP.epsilon(rho: 0, delta: 1e-6) == 0)
        #expect(ZCDP.delta(rho: 5, epsilon: 0) <= 1)
        #expect(ZCDP.delta(rho: 1000, epsilon: 0.1) == 1)
        #expect(ZCDP.rho(epsilon: 0, delta: 1e-6) >= 0)
        #expect(ZCDP.rho(epsilon: 0, delta: 1e-6) < 1e-10)
    }
}

// AttackRate: attack success rates with Wilson score intervals, and the residual risk over control.

/// A success rate estimated with the Wilson score interval, as anonymeter's `success_rate`:
/// the centre (k + z²/2) / (n + z²) and the half-width z / (n + z²) · √(k(n − k)/n + z²/4).
/// Reference: E. B. Wilson, JASA 22 (1927) 209–212; anonymeter `stats/confidence.py`.
struct AttackRate: Equatable, Sendable {
    var value: Double
    var error: Double

    /// The standard normal quantile at 0.975, for 95% intervals.
    static let z95 = 1.959963984540054

    init(value: Double, error: Double) {
        self.value = value
        self.error = error
    }

    init(successes: Double, attacks: Int, z: Double = AttackRate.z95) {
        let n = Double(attacks)
        let z2 = z * z
        let denominator = n + z2
        let variance = n > 0 ? successes * (n - successes) / n : 0
        value = (successes + 0.5 * z2) / denominator
        error = z / denominator * (Swift.max(0, variance) + 0.25 * z2).squareRoot()
    }

    /// (main − control) / (1 − control), its error propagated to first order.
    static func residual(main: AttackRate, control: AttackRate) -> AttackRate {
        let margin = 1 - control.value
        let value = (main.value - control.value) / margin
        let dMain = 1 / abs(margin)
        let dControl = (main.value - 1) / (margin * margin)
        let error = ((main.error * dMain) * (main.error * dMain) + (control.error * dControl) * (control.error * dControl)).squareRoot()
        return AttackRate(value: value, error: error)
    }

    /// The anonymeter risk report: residual over control, point and interval clipped to [0, 1].
    /// With no attacks nothing is known: risk 0 in [0, 1].
    static func risk(name: String, attacks: Int, mainSuccesses: Double, controlSuccesses: Double) -> AttackRisk {
        guard attacks > 0 else {
            return AttackRisk(name: name, attacks: 0, mainSuccess: 0, controlSuccess: 0, risk: 0, riskLow: 0, riskHigh: 1)
        }
        let main = AttackRate(successes: mainSuccesses, attacks: attacks)
        let control = AttackRate(successes: controlSuccesses, attacks: attacks)
        let residual = residual(main: main, control: control)
        func clip(_ x: Double) -> Double { Swift.min(Swift.max(x, 0), 1) }
        return AttackRisk(name: name, attacks: attacks, mainSuccess: main.value, controlSuccess: control.value,
                          risk: clip(residual.value), riskLow: clip(residual.value - residual.error),
                          riskHigh: clip(residual.value + residual.error))
    }
}

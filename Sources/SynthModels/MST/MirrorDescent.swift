// MirrorDescent: fits a TreeModel's marginals to noisy measurements (private-pgm's FactoredInference).

import Foundation
import SynthCore

/// Estimates the clique marginals of a `TreeModel` that best explain a set of noisy
/// measurements in least squares, by mirror descent on the log-potentials.
///
/// The loss is `sum_m 0.5 * ||(Q_m mu_m - y_m) / sigma_m||^2`, where `mu_m` is the measured
/// marginal read from a clique that contains it. Each step moves theta against the gradient
/// with respect to mu (the exponential family's mirror map), with Armijo backtracking.
struct MirrorDescent {
    let model: TreeModel
    let measurements: [NoisyMarginal]
    /// The number of rows the marginals sum to.
    let total: Double

    /// Where each measurement is read: its model clique, and which axis of that clique it
    /// keeps (-1 when the measurement is the whole clique).
    private let targets: [(clique: Int, axis: Int)]

    init(model: TreeModel, measurements: [NoisyMarginal], total: Double) {
        self.model = model
        self.measurements = measurements
        self.total = total
        targets = measurements.map { m in
            if let exact = model.cliques.firstIndex(of: m.clique) { return (exact, -1) }
            // MST.fit makes every measured edge a clique and puts every column in one; the rest
            // are one-way measurements, read from the first clique holding their column.
            precondition(m.clique.count == 1, "a two-way measurement needs its own clique")
            let column = m.clique[0]
            let c = model.cliques.firstIndex { $0.contains(column) }!
            return (c, model.cliques[c].firstIndex(of: column)!)
        }
    }

    /// Runs at most `iterations` steps from the uniform distribution and returns the
    /// marginals (counts, flat in the model's layout).
    func run(iterations: Int) -> [Double] { fit(iterations: iterations).marginals }

    /// As `run`, also returning the final loss and the number of steps taken.
    func fit(iterations: Int) -> (marginals: [Double], loss: Double, steps: Int) {
        let cells = model.cellCount
        var workspace = model.makeWorkspace()
        var theta = [Double](repeating: 0, count: cells)
        var mu = theta, grad = theta
        model.marginals(theta: theta, total: total, into: &mu, workspace: &workspace)
        var loss = lossAndGradient(mu, gradient: &grad)
        if loss == 0 || iterations <= 0 { return (mu, loss, 0) }
        // The reference starts at 1 / total^2 and tries twice the last accepted step each
        // iteration, halving until the Armijo condition holds (at most 25 times).
        var alpha = 1 / (total * total)
        var omega = theta, nu = mu, dL = grad
        var quiet = 0, steps = 0
        for _ in 0..<iterations {
            // Ctrl-C: stop; the caller checks and throws the unfinished estimate away.
            if Cancellation.isRequested { break }
            steps += 1
            swap(&omega, &theta)
            swap(&nu, &mu)
            swap(&dL, &grad)
            let previous = loss
            alpha = min(alpha * 2, 1e300)
            for _ in 0..<25 {
                for i in 0..<cells { theta[i] = omega[i] - alpha * dL[i] }
                model.marginals(theta: theta, total: total, into: &mu, workspace: &workspace)
                loss = lossAndGradient(mu, gradient: &grad)
                var decrease = 0.0
                for i in 0..<cells { decrease += dL[i] * (nu[i] - mu[i]) }
                if previous - loss >= 0.5 * alpha * decrease { break }
                alpha *= 0.5
            }
            // Stop once the loss has stopped moving for a while; more steps would not change
            // the released marginals beyond rounding.
            quiet = abs(previous - loss) <= 1e-10 * max(abs(previous), 1e-300) ? quiet + 1 : 0
            if quiet >= 10 { break }
        }
        return (mu, loss, steps)
    }

    /// The loss at `mu`, with its gradient with respect to mu written into `gradient`.
    func lossAndGradient(_ mu: [Double], gradient: inout [Double]) -> Double {
        for i in gradient.indices { gradient[i] = 0 }
        var loss = 0.0
        var projected: [Double] = []
        for (m, target) in zip(measurements, targets) {
            let base = model.offsets[target.clique]
            let clique = model.cliques[target.clique]
            let precision = 1 / (m.sigma * m.sigma)
            if target.axis < 0 {
                for x in m.values.indices {
                    let diff = m.weights[x] * mu[base + x] - m.values[x]
                    loss += 0.5 * diff * diff * precision
                    gradient[base + x] += m.weights[x] * diff * precision
                }
                continue
            }
            let na = model.sizes[clique[0]], nb = model.sizes[clique[1]]
            projected = [Double](repeating: 0, count: target.axis == 0 ? na : nb)
            for xa in 0..<na {
                for xb in 0..<nb { projected[target.axis == 0 ? xa : xb] += mu[base + xa * nb + xb] }
            }
            // Reuse `projected` for the gradient of each kept cell, then spread it over the
            // clique cells that sum into that cell.
            for x in projected.indices {
                let diff = m.weights[x] * projected[x] - m.values[x]
                loss += 0.5 * diff * diff * precision
                projected[x] = m.weights[x] * diff * precision
            }
            for xa in 0..<na {
                for xb in 0..<nb { gradient[base + xa * nb + xb] += projected[target.axis == 0 ? xa : xb] }
            }
        }
        return loss
    }

    /// The minimum-variance estimate of the row count from the one-way measurements: each
    /// column's noisy cells sum to the count with variance (original size) * sigma^2, which is
    /// `sum_x (1 / w_x^2)` cells' worth after compression. Never below 1.
    static func estimateTotal(_ oneWay: [NoisyMarginal]) -> Double {
        var weightSum = 0.0, weighted = 0.0
        for m in oneWay where m.clique.count == 1 {
            // Q^T v = 1 has the solution v_x = 1 / w_x, so v.y re-adds the merged cells.
            var estimate = 0.0, cells = 0.0
            for x in m.values.indices {
                estimate += m.values[x] / m.weights[x]
                cells += 1 / (m.weights[x] * m.weights[x])
            }
            let variance = cells * m.sigma * m.sigma
            weightSum += 1 / variance
            weighted += estimate / variance
        }
        return weightSum > 0 ? max(1, weighted / weightSum) : 1
    }
}

// LinearFit: ridge-penalised logistic regression (Newton/IRLS) and ridge least squares on a dense matrix.

import SynthCore

/// Linear models on a row-major design matrix whose first column is the intercept.
///
/// Both add a small ridge penalty λ‖β‖² (intercept not penalised) with λ = `ridge` = 1e-4 per
/// row: on standardized features it changes well-determined coefficients by far less than
/// their standard errors, while keeping the Newton system solvable when columns are collinear
/// or the classes are separable (then the fitted scores approach 0 and 1 instead of diverging).
enum LinearFit {
    static let ridgePerRow = 1e-4
    static let maxIterations = 50

    /// Logistic regression coefficients for labels `y` (0/1), fitted by Newton's method.
    static func logistic(x: [Double], y: [Double], p: Int) throws -> [Double] {
        let n = y.count
        let lambda = ridgePerRow * Double(max(n, 1))
        var beta = [Double](repeating: 0, count: p)
        var lastDeviance = Double.infinity
        for _ in 0..<maxIterations {
            let (hessian, gradient, deviance) = try accumulate(x: x, y: y, p: p, beta: beta, logistic: true)
            var h = hessian, g = gradient
            for j in 1..<max(p, 1) {
                h[j * p + j] += 2 * lambda
                g[j] -= 2 * lambda * beta[j]
            }
            guard let step = solve(h, g, p) else { break }
            var maxStep = 0.0
            for j in 0..<p {
                beta[j] += step[j]
                maxStep = max(maxStep, abs(step[j]))
            }
            if maxStep < 1e-8 || abs(lastDeviance - deviance) < 1e-10 * (abs(deviance) + 1) { break }
            lastDeviance = deviance
        }
        return beta
    }

    /// Ridge least-squares coefficients for `y`.
    static func ridge(x: [Double], y: [Double], p: Int) throws -> [Double] {
        let lambda = ridgePerRow * Double(max(y.count, 1))
        let (hessian, gradient, _) = try accumulate(x: x, y: y, p: p, beta: [Double](repeating: 0, count: p), logistic: false)
        var h = hessian
        for j in 1..<max(p, 1) { h[j * p + j] += lambda }
        return solve(h, gradient, p) ?? [Double](repeating: 0, count: p)
    }

    /// Linear predictor xᵀβ of every row.
    static func predict(x: [Double], beta: [Double], p: Int) -> [Double] {
        let n = p > 0 ? x.count / p : 0
        return x.withUnsafeBufferPointer { xs in
            (0..<n).map { r in
                var s = 0.0
                for j in 0..<p { s += xs[r * p + j] * beta[j] }
                return s
            }
        }
    }

    static func sigmoid(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }

    /// XᵀWX and Xᵀ(y − μ) (logistic: W = μ(1 − μ)) or XᵀX and Xᵀy (least squares), summed over
    /// fixed row chunks in parallel and added in chunk order so the result is deterministic.
    /// Throws `CancellationError` on Ctrl-C.
    private static func accumulate(x: [Double], y: [Double], p: Int, beta: [Double], logistic: Bool)
        throws -> (hessian: [Double], gradient: [Double], deviance: Double) {
        let n = y.count
        let chunks = Parallel.chunks(n, count: 16)
        let parts = try Parallel.cancellableMap(chunks.count) { c -> ([Double], [Double], Double) in
            var h = [Double](repeating: 0, count: p * p)
            var g = [Double](repeating: 0, count: p)
            var deviance = 0.0
            x.withUnsafeBufferPointer { xs in
                h.withUnsafeMutableBufferPointer { hs in
                    for r in chunks[c] {
                        // A row exists, so x is not empty and has a base address.
                        let row = xs.baseAddress! + r * p
                        var w = 1.0, resid = y[r]
                        if logistic {
                            var eta = 0.0
                            for j in 0..<p { eta += row[j] * beta[j] }
                            let mu = sigmoid(eta)
                            w = mu * (1 - mu)
                            resid = y[r] - mu
                            deviance -= y[r] > 0.5 ? log(max(mu, 1e-300)) : log(max(1 - mu, 1e-300))
                        }
                        for j in 0..<p {
                            let a = row[j]
                            if a == 0 { continue }
                            g[j] += a * resid
                            let wa = w * a
                            let base = j * p
                            for k in j..<p { hs[base + k] += wa * row[k] }
                        }
                    }
                }
            }
            return (h, g, deviance)
        }
        var h = [Double](repeating: 0, count: p * p)
        var g = [Double](repeating: 0, count: p)
        var deviance = 0.0
        for part in parts {
            for i in 0..<(p * p) { h[i] += part.0[i] }
            for j in 0..<p { g[j] += part.1[j] }
            deviance += part.2
        }
        for j in 0..<p { for k in 0..<j { h[j * p + k] = h[k * p + j] } }
        return (h, g, deviance)
    }

    /// Solves the symmetric positive-definite system `a z = b` by Cholesky; nil if it is not.
    static func solve(_ a: [Double], _ b: [Double], _ p: Int) -> [Double]? {
        // A column with no information (e.g. all zero) gets a pinned pivot and coefficient 0.
        guard let l = Cholesky.factor(a, dimension: p, pinDegenerate: true) else { return nil }
        let z = Cholesky.solve(factor: l, b, dimension: p)
        return z.allSatisfy { $0.isFinite } ? z : nil
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

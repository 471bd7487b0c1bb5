// CorrelationMatrix: Pearson correlation of latent normal scores, made positive definite.

import SynthCore

/// A symmetric correlation matrix stored row-major, with its Cholesky factor.
enum CorrelationMatrix {
    /// Rows per block when accumulating cross products; a machine-independent constant so the
    /// summation order (and so every bit of the result) does not depend on the core count.
    static let blockRows = 2048

    /// Pearson correlation of the columns `scores` (each of length `rows`), row-major d×d.
    /// A column with zero variance is uncorrelated with every other.
    static func pearson(_ scores: [[Double]], rows: Int) -> [Double] {
        let d = scores.count
        if d == 0 { return [] }
        let means = Parallel.map(d) { i -> Double in
            var sum = 0.0
            for v in scores[i] { sum += v }
            return rows == 0 ? 0 : sum / Double(rows)
        }
        let blocks = (rows + blockRows - 1) / blockRows
        let partials = Parallel.map(blocks) { b -> [Double] in
            // Ctrl-C: the caller checks after this and throws the partial sums away.
            if Cancellation.isRequested { return [Double](repeating: 0, count: d * d) }
            let start = b * blockRows
            let count = min(blockRows, rows - start)
            var buffer = [Double](repeating: 0, count: d * count)
            for i in 0..<d {
                let mean = means[i]
                scores[i].withUnsafeBufferPointer { src in
                    for r in 0..<count { buffer[i * count + r] = src[start + r] - mean }
                }
            }
            var out = [Double](repeating: 0, count: d * d)
            buffer.withUnsafeBufferPointer { buf in
                // A dimension exists (i < d), so buffer holds its scores and has a base address.
                for i in 0..<d {
                    let a = buf.baseAddress! + i * count
                    for j in i..<d {
                        let c = buf.baseAddress! + j * count
                        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                        var r = 0
                        while r + 4 <= count {
                            s0 += a[r] * c[r]
                            s1 += a[r + 1] * c[r + 1]
                            s2 += a[r + 2] * c[r + 2]
                            s3 += a[r + 3] * c[r + 3]
                            r += 4
                        }
                        while r < count { s0 += a[r] * c[r]; r += 1 }
                        out[i * d + j] = (s0 + s1) + (s2 + s3)
                    }
                }
            }
            return out
        }
        var cross = [Double](repeating: 0, count: d * d)
        for partial in partials {
            for k in 0..<(d * d) { cross[k] += partial[k] }
        }
        var corr = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            corr[i * d + i] = 1
            for j in (i + 1)..<max(i + 1, d) {
                let denominator = (cross[i * d + i] * cross[j * d + j]).squareRoot()
                let r = denominator > 1e-300 ? cross[i * d + j] / denominator : 0
                let clipped = min(1, max(-1, r))
                corr[i * d + j] = clipped
                corr[j * d + i] = clipped
            }
        }
        return corr
    }

    /// Shrinkage steps tried in order: the first λ whose (1 − λ)R + λI has a Cholesky factor wins.
    static let shrinkageSteps: [Double] = [0, 1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 0.05, 0.1, 0.25, 0.5, 1]

    /// The least-shrunk positive definite version of `corr` and the λ used.
    static func positiveDefinite(_ corr: [Double], dimension d: Int) -> (matrix: [Double], lambda: Double) {
        for lambda in shrinkageSteps {
            let shrunk = shrink(corr, dimension: d, lambda: lambda)
            if cholesky(shrunk, dimension: d) != nil { return (shrunk, lambda) }
        }
        return (shrink(corr, dimension: d, lambda: 1), 1)
    }

    static func shrink(_ corr: [Double], dimension d: Int, lambda: Double) -> [Double] {
        if lambda == 0 { return corr }
        var out = corr
        for i in 0..<d {
            for j in 0..<d { out[i * d + j] = i == j ? 1 : (1 - lambda) * corr[i * d + j] }
        }
        return out
    }

    /// Lower-triangular L with L·Lᵀ = `matrix` (row-major), or nil when it is not positive definite.
    static func cholesky(_ matrix: [Double], dimension d: Int) -> [Double]? {
        Cholesky.factor(matrix, dimension: d)
    }
}

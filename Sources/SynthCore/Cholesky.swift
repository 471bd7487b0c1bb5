// Cholesky: factor and solve symmetric positive-definite systems (row-major, dense).

public enum Cholesky {
    /// Lower-triangular L with L·Lᵀ = `matrix`. A pivot at or below `1e-12 · max(1, |a_ii|)` makes
    /// the matrix not positive definite: nil, or with `pinDegenerate` (a column that carries no
    /// information, as in a regression) the pivot is set to 1 so its coefficient stays 0.
    public static func factor(_ matrix: [Double], dimension d: Int, pinDegenerate: Bool = false) -> [Double]? {
        var l = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0...i {
                var sum = matrix[i * d + j]
                for k in 0..<j { sum -= l[i * d + k] * l[j * d + k] }
                if i == j {
                    if sum > 1e-12 * max(1, abs(matrix[i * d + i])) {
                        l[i * d + i] = sum.squareRoot()
                    } else if pinDegenerate {
                        l[i * d + i] = 1
                    } else {
                        return nil
                    }
                } else {
                    l[i * d + j] = sum / l[j * d + j]
                }
            }
        }
        return l
    }

    /// z with L·Lᵀ·z = `b`, by forward and back substitution on the factor `l`.
    public static func solve(factor l: [Double], _ b: [Double], dimension d: Int) -> [Double] {
        var z = b
        for i in 0..<d {
            var s = z[i]
            for k in 0..<i { s -= l[i * d + k] * z[k] }
            z[i] = s / l[i * d + i]
        }
        for i in stride(from: d - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<d { s -= l[k * d + i] * z[k] }
            z[i] = s / l[i * d + i]
        }
        return z
    }
}

// CopulaConditioning: samples a Gaussian copula given one column's value exactly — a truncated
// normal on that column's latent dimension, the exact conditional normal on the others.

import Foundation
import SynthCore
import SynthData

/// A condition on one modelled column's value that a copula can sample from directly.
public enum ColumnCondition: Sendable, Equatable {
    /// lower ≤ value ≤ upper in the column's stored units (dates in days, datetimes in seconds,
    /// booleans 0/1); nil leaves that side open.
    case range(column: String, lower: Double?, upper: Double?)
    /// The value is one of these categories; a boolean takes "false"/"true" or its own labels.
    case levels(column: String, [String])

    /// The column the condition is on.
    public var column: String {
        switch self {
        case let .range(column, _, _), let .levels(column, _): return column
        }
    }
}

extension CopulaModel {
    /// Probability under the model that the column's value dimension falls in the condition's
    /// latent region (a superset of the condition, equal to it up to the rounding of values);
    /// nil when the column is not modelled or the condition does not fit its kind.
    public func latentMass(_ condition: ColumnCondition) -> Double? {
        region(condition).map { $0.intervals.reduce(0) { $0 + Self.normalMass($1.lower, $1.upper) } }
    }

    /// Draws `rows` rows given `condition`: the conditioned column's latent value z_k from the
    /// standard normal truncated to the condition's region, every other dimension from its
    /// normal given z_k (mean R[:,k]·z_k, covariance R − R[:,k]R[k,:]). Rows may still miss the
    /// condition where the column is drawn missing or a rounded value falls on its boundary,
    /// so callers filter by the condition too; the draws they keep follow the model exactly.
    public func sample(rows: Int, rng: SeededRNG, given condition: ColumnCondition) throws -> Table {
        guard rows >= 0 else { throw ModelError.invalid("rows must not be negative") }
        let (_, decoders) = try prepared()
        guard let region = region(condition) else {
            throw ModelError.invalid("the copula cannot condition on '\(condition.column)': it is not a modelled column of a matching kind")
        }
        let masses = region.intervals.map { Self.normalMass($0.lower, $0.upper) }
        let total = masses.reduce(0, +)
        guard let k = region.dimension, total > 0 else {
            throw ModelError.invalid("the condition has probability zero under the model")
        }
        let d = correlation.count
        let others = (0..<d).filter { $0 != k }
        let m = others.count
        var schur = [Double](repeating: 0, count: m * m)
        for (p, i) in others.enumerated() {
            for (q, j) in others.enumerated() {
                schur[p * m + q] = correlation[i][j] - correlation[i][k] * correlation[k][j]
            }
        }
        guard let factor = Self.factorWithJitter(schur, dimension: m) else {
            throw ModelError.invalid("the correlation matrix is too close to singular to condition on '\(condition.column)'")
        }
        let slopes = others.map { correlation[$0][k] }
        var running = 0.0
        let cumulative = masses.map { running += $0; return running }
        let intervals = region.intervals
        return try decodeChunks(rows: rows, rng: rng, decoders: decoders) { count, stream in
            var latent = [Double](repeating: 0, count: d * count)
            var eps = [Double](repeating: 0, count: m)
            for row in 0..<count {
                // Pick an interval in proportion to its mass, then invert the CDF inside it.
                let w = CopulaMarginal.openUniform(&stream) * total
                let j = cumulative.firstIndex { w < $0 } ?? intervals.count - 1
                let zk = Self.truncatedNormal(intervals[j].lower, intervals[j].upper, CopulaMarginal.openUniform(&stream))
                latent[k * count + row] = zk
                for p in 0..<m { eps[p] = stream.nextGaussian() }
                for p in 0..<m {
                    var sum = slopes[p] * zk
                    for q in 0...p { sum += factor[p * m + q] * eps[q] }
                    latent[others[p] * count + row] = sum
                }
            }
            return latent
        }
    }

    /// The condition's region on the column's latent value dimension, as disjoint intervals of z.
    private func region(_ condition: ColumnCondition) -> (dimension: Int?, intervals: [(lower: Double, upper: Double)])? {
        guard let marginal = marginals.first(where: { $0.column == condition.column }),
              let field = schema.first(where: { $0.name == condition.column }) else { return nil }
        let uniform: [(lower: Double, upper: Double)]
        switch (condition, marginal.shape) {
        case (_, .allMissing):
            guard field.kind.isNumeric || field.kind.isCoded else { return nil }
            return (nil, [])
        case let (.range(_, lower, upper), .quantiles):
            guard let interval = Self.quantileRegion(marginal.quantiles ?? [], lower: lower, upper: upper, field: field) else { return nil }
            uniform = interval.map { [$0] } ?? []
        case let (.range(_, lower, upper), .categories) where field.kind == .boolean:
            let wanted = (marginal.categories ?? []).indices.filter {
                let value: Double = marginal.categories?[$0] == "true" ? 1 : 0
                return value >= (lower ?? -.infinity) && value <= (upper ?? .infinity)
            }
            uniform = Self.categoryRegion(marginal, wanted)
        case let (.levels(_, names), .categories):
            let categories = marginal.categories ?? []
            let wanted = names.compactMap { name -> Int? in
                if let p = categories.firstIndex(of: name) { return p }
                // A boolean's own spelling ("No"/"Yes") stands for false/true.
                if field.kind == .boolean, let i = field.booleanLabels?.firstIndex(of: name), i < 2 {
                    return categories.firstIndex(of: i == 1 ? "true" : "false")
                }
                return nil
            }
            uniform = Self.categoryRegion(marginal, wanted)
        default:
            return nil
        }
        return (marginal.valueDimension, uniform.map {
            (NormalDistribution.quantile($0.lower), NormalDistribution.quantile($0.upper))
        })
    }

    /// Widening of a region in u = Φ(z), far above the error of the Φ⁻¹ → Φ round trip, so that
    /// no u whose value meets the condition falls outside the region.
    private static let slack = 1e-12

    /// The u interval whose decoded values (interpolated on the quantile grid exactly as the
    /// decoder does, then rounded as the column is) can lie in [lower, upper]; nil when the bounds
    /// are not numbers, .some(nil) when no value can.
    private static func quantileRegion(_ q: [Double], lower: Double?, upper: Double?,
                                       field: ColumnSchema) -> (lower: Double, upper: Double)?? {
        var a = lower ?? -.infinity, b = upper ?? .infinity
        guard !a.isNaN, !b.isNaN, !q.isEmpty else { return nil }
        // A rounded value r meets [a, b] only if the unrounded x is within half a unit of it.
        if field.kind == .integer || field.kind == .date || field.kind == .datetime {
            if a.isFinite { a = a.rounded(.up) - 0.5 }
            if b.isFinite { b = b.rounded(.down) + 0.5 }
        } else if let decimals = field.decimals {
            let half = 0.5 * pow(10, -Double(decimals))
            a -= half
            b += half
        }
        let k = q.count
        guard a <= b, a <= q[k - 1], b >= q[0] else { return .some(nil) }
        if k == 1 { return (0, 1) }
        let steps = Double(k - 1)
        // Smallest u with value(u) ≥ a: on the first segment that reaches a.
        var uLower = 0.0
        if a > q[0], let i = q.firstIndex(where: { $0 >= a }) {
            uLower = (Double(i - 1) + (a - q[i - 1]) / (q[i] - q[i - 1])) / steps
        }
        // Largest u with value(u) ≤ b: on the last segment that starts at or below b.
        var uUpper = 1.0
        if b < q[k - 1], let i = q.lastIndex(where: { $0 <= b }) {
            uUpper = (Double(i) + (b - q[i]) / (q[i + 1] - q[i])) / steps
        }
        return (max(0, uLower - slack), min(1, uUpper + slack))
    }

    /// The u intervals of the categories at `positions` (decoded as the decoder does: category p
    /// for u in [upper[p − 1], upper[p]), the last one up to 1), adjacent ones merged.
    private static func categoryRegion(_ marginal: CopulaMarginal, _ positions: [Int]) -> [(lower: Double, upper: Double)] {
        var cumulative = 0.0
        let upper = (marginal.frequencies ?? []).map { cumulative += $0; return cumulative }
        var merged: [(lower: Double, upper: Double)] = []
        for p in Set(positions).sorted() where p < upper.count {
            let lo = max(0, (p == 0 ? 0 : upper[p - 1]) - slack)
            let hi = p == upper.count - 1 ? 1 : min(1, upper[p] + slack)
            if let last = merged.last, lo <= last.upper {
                merged[merged.count - 1].upper = max(last.upper, hi)
            } else {
                merged.append((lo, hi))
            }
        }
        return merged
    }

    /// P(a ≤ Z ≤ b) for a standard normal Z, from the tail nearer the interval for precision.
    static func normalMass(_ a: Double, _ b: Double) -> Double {
        guard a < b else { return 0 }
        if a >= 0 { return max(0, NormalDistribution.cdf(-a) - NormalDistribution.cdf(-b)) }
        return max(0, NormalDistribution.cdf(b) - NormalDistribution.cdf(a))
    }

    /// The standard normal truncated to [a, b] at fraction `f` of its mass (inverse CDF), on the
    /// mirrored side when the interval lies right of 0 so far upper tails keep their precision.
    static func truncatedNormal(_ a: Double, _ b: Double, _ f: Double) -> Double {
        let z: Double
        if a >= 0 {
            let low = NormalDistribution.cdf(-b), high = NormalDistribution.cdf(-a)
            z = -NormalDistribution.quantile(low + f * (high - low))
        } else {
            let low = NormalDistribution.cdf(a), high = NormalDistribution.cdf(b)
            z = NormalDistribution.quantile(low + f * (high - low))
        }
        // Beyond ±38 Φ is 0 or 1 in doubles; keep z finite so R[:,k]·z stays a number.
        return min(max(z, max(a, -38)), min(b, 38))
    }

    /// Cholesky factor of a covariance that may be nearly singular, with the smallest diagonal
    /// jitter that makes it factor.
    private static func factorWithJitter(_ matrix: [Double], dimension m: Int) -> [Double]? {
        if let factor = Cholesky.factor(matrix, dimension: m) { return factor }
        for jitter in [1e-12, 1e-10, 1e-8, 1e-6] {
            var jittered = matrix
            for i in 0..<m { jittered[i * m + i] += jitter }
            if let factor = Cholesky.factor(jittered, dimension: m) { return factor }
        }
        return nil
    }
}

// CopulaMarginal: one column's marginal distribution in a Gaussian copula, and its normal scores.

import SynthCore
import SynthData

/// The marginal distribution of one modelled column and the latent dimensions it owns.
///
/// Numeric kinds keep their empirical quantile function; coded kinds and booleans keep category
/// frequencies, each category an interval of [0, 1] (most frequent first, ties by text). A column
/// with missing values owns a second latent dimension, the "is missing" indicator.
public struct CopulaMarginal: Codable, Sendable, Equatable {
    /// How the column's values are represented.
    public enum Shape: String, Codable, Sendable {
        case quantiles, categories, allMissing
    }

    public var column: String
    public var shape: Shape
    /// Empirical quantiles at the equally spaced probabilities 0, 1/(k−1), ..., 1 (k ≤ 1001).
    public var quantiles: [Double]?
    /// Category texts in interval order; booleans use "false" and "true".
    public var categories: [String]?
    /// Share of each category among present values, in interval order.
    public var frequencies: [Double]?
    /// Share of missing values in the column.
    public var missingRate: Double
    /// Index of the value dimension in the latent vector (nil when all values are missing).
    public var valueDimension: Int?
    /// Index of the "is missing" dimension (nil when the column has no missing values, or only).
    public var missingDimension: Int?

    /// Largest number of stored quantile points.
    public static let maxQuantiles = 1001

    public init(column: String, shape: Shape, quantiles: [Double]? = nil, categories: [String]? = nil,
                frequencies: [Double]? = nil, missingRate: Double, valueDimension: Int? = nil,
                missingDimension: Int? = nil) {
        self.column = column
        self.shape = shape
        self.quantiles = quantiles
        self.categories = categories
        self.frequencies = frequencies
        self.missingRate = missingRate
        self.valueDimension = valueDimension
        self.missingDimension = missingDimension
    }
}

/// A fitted marginal with the normal scores of the training rows, before dimensions are numbered.
struct MarginalFit: Sendable {
    var marginal: CopulaMarginal
    /// Normal score of each row's value (0 at missing rows); nil when the column is all missing.
    var valueScores: [Double]?
    /// Normal score of each row's missing indicator; nil when no value (or every value) is missing.
    var missingScores: [Double]?
}

extension CopulaMarginal {
    /// Fits the marginal of `column` and computes its normal scores; `rng` places values inside
    /// their category intervals.
    static func fit(_ column: Column, rng: SeededRNG) -> MarginalFit {
        var rng = rng
        let n = column.count
        let present = n - column.missingCount
        let missingRate = n == 0 ? 0 : Double(n - present) / Double(n)
        if present == 0 {
            return MarginalFit(marginal: CopulaMarginal(column: column.name, shape: .allMissing, missingRate: 1),
                               valueScores: nil, missingScores: nil)
        }
        var fit: MarginalFit
        if column.kind == .boolean || column.kind.isCoded {
            fit = fitCategories(column, present: present, rng: &rng)
        } else {
            fit = fitQuantiles(column, present: present)
        }
        fit.marginal.missingRate = missingRate
        if present < n {
            fit.missingScores = indicatorScores(column.valid, missingRate: missingRate, rng: &rng)
        }
        return fit
    }

    // Reference: SDV GaussianCopula with RDT's empirical marginals; normal scores
    // Φ⁻¹((rank − 0.5)/n) with average ranks for ties (van der Waerden scores).
    private static func fitQuantiles(_ column: Column, present: Int) -> MarginalFit {
        let n = column.count
        var rows = [Int]()
        rows.reserveCapacity(present)
        for i in 0..<n where column.valid[i] { rows.append(i) }
        let values = column.numbers
        rows.sort { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        let sorted = rows.map { values[$0] }

        let k = min(maxQuantiles, present)
        var quantiles = [Double](repeating: 0, count: k)
        for j in 0..<k {
            // Linear interpolation between order statistics (Hyndman & Fan type 7).
            let h = k == 1 ? 0 : Double(j) * Double(present - 1) / Double(k - 1)
            let lo = Int(h)
            let hi = min(lo + 1, present - 1)
            quantiles[j] = sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }

        var scores = [Double](repeating: 0, count: n)
        var start = 0
        while start < present {
            var end = start + 1
            while end < present && sorted[end] == sorted[start] { end += 1 }
            let averageRank = Double(start + end + 1) / 2  // ranks are 1-based
            let score = NormalDistribution.quantile((averageRank - 0.5) / Double(present))
            for r in start..<end { scores[rows[r]] = score }
            start = end
        }
        let marginal = CopulaMarginal(column: column.name, shape: .quantiles, quantiles: quantiles, missingRate: 0)
        return MarginalFit(marginal: marginal, valueScores: scores, missingScores: nil)
    }

    // Reference: RDT UniformEncoder / FrequencyEncoder — each category an interval of [0, 1]
    // sized by its frequency, a value encoded as a uniform draw inside its interval.
    private static func fitCategories(_ column: Column, present: Int, rng: inout SeededRNG) -> MarginalFit {
        let n = column.count
        let isBoolean = column.kind == .boolean
        let texts = isBoolean ? ["false", "true"] : column.levels
        var codes = [Int32](repeating: -1, count: n)
        if isBoolean {
            for i in 0..<n where column.valid[i] { codes[i] = column.numbers[i] != 0 ? 1 : 0 }
        } else {
            codes = column.codes
        }
        var counts = [Int](repeating: 0, count: texts.count)
        for i in 0..<n where column.valid[i] {
            let code = Int(codes[i])
            if code >= 0 && code < counts.count { counts[code] += 1 }
        }
        // A category seen once would single its patient out: the model never learns it (its rows
        // get a neutral score), unless every category is a singleton (a tiny table).
        var order = (0..<texts.count).filter { counts[$0] > 1 }
        if order.isEmpty { order = (0..<texts.count).filter { counts[$0] > 0 } }
        order.sort { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : texts[$0] < texts[$1] }
        let total = Double(order.reduce(0) { $0 + counts[$1] })
        var position = [Int](repeating: -1, count: texts.count)
        var lower = [Double](repeating: 0, count: order.count)
        var width = [Double](repeating: 0, count: order.count)
        var cumulative = 0.0
        for (p, code) in order.enumerated() {
            position[code] = p
            lower[p] = cumulative
            width[p] = Double(counts[code]) / total
            cumulative += width[p]
        }
        var scores = [Double](repeating: 0, count: n)
        for i in 0..<n where column.valid[i] {
            let code = Int(codes[i])
            guard code >= 0 && code < position.count, position[code] >= 0 else { continue }
            let p = position[code]
            scores[i] = NormalDistribution.quantile(clampOpen(lower[p] + width[p] * openUniform(&rng)))
        }
        let marginal = CopulaMarginal(column: column.name, shape: .categories,
                                      categories: order.map { texts[$0] }, frequencies: width, missingRate: 0)
        return MarginalFit(marginal: marginal, valueScores: scores, missingScores: nil)
    }

    /// Scores of the missing indicator: present rows in [0, 1 − r), missing rows in [1 − r, 1).
    private static func indicatorScores(_ valid: [Bool], missingRate: Double, rng: inout SeededRNG) -> [Double] {
        let cut = 1 - missingRate
        return valid.map { isValid in
            let u = isValid ? cut * openUniform(&rng) : cut + missingRate * openUniform(&rng)
            return NormalDistribution.quantile(clampOpen(u))
        }
    }

    /// A uniform draw in the open interval (0, 1).
    @inline(__always)
    static func openUniform(_ rng: inout SeededRNG) -> Double {
        (Double(rng.next() >> 11) + 0.5) * 0x1.0p-53
    }

    @inline(__always)
    static func clampOpen(_ u: Double) -> Double {
        min(max(u, 0x1.0p-60), 1 - 0x1.0p-53)
    }
}

// MarginalDecoder: maps latent normal draws back to one column's values (inverse CDF).

import SynthData

/// A marginal prepared for fast decoding: cumulative interval bounds, quantile grid, rounding.
struct MarginalDecoder: Sendable {
    let shape: CopulaMarginal.Shape
    let coded: Bool
    let boolean: Bool
    let round: Bool
    let quantiles: [Double]
    /// Upper bound of each category's interval in [0, 1].
    let upper: [Double]
    /// For booleans: the 0/1 value of each category.
    let booleanValues: [Double]
    let missingCut: Double
    let valueDimension: Int?
    let missingDimension: Int?

    /// Prepares `marginal` for an output column of `kind` (booleans write 0/1; integers,
    /// dates and datetimes round to whole units).
    init(_ marginal: CopulaMarginal, kind: ColumnKind, dimensions: Int) throws {
        shape = marginal.shape
        valueDimension = marginal.valueDimension
        missingDimension = marginal.missingDimension
        for dim in [valueDimension, missingDimension].compactMap({ $0 }) where dim < 0 || dim >= dimensions {
            throw ModelError.invalid("column '\(marginal.column)' refers to latent dimension \(dim) of \(dimensions)")
        }
        coded = kind.isCoded
        boolean = kind == .boolean
        round = kind == .integer || kind == .date || kind == .datetime
        missingCut = 1 - marginal.missingRate
        quantiles = marginal.quantiles ?? []
        let categories = marginal.categories ?? []
        var cumulative = 0.0
        upper = (marginal.frequencies ?? []).map { cumulative += $0; return cumulative }
        booleanValues = categories.map { $0 == "true" ? 1 : 0 }
        switch shape {
        case .quantiles:
            if quantiles.isEmpty || coded || boolean {
                throw ModelError.invalid("column '\(marginal.column)' has no quantiles for a \(kind.rawValue) column")
            }
        case .categories:
            if categories.isEmpty || upper.count != categories.count || !(coded || boolean) {
                throw ModelError.invalid("column '\(marginal.column)' has no category frequencies for a \(kind.rawValue) column")
            }
        case .allMissing:
            break
        }
    }

    /// Decodes `count` rows of the dimension-major latent block. The dimensions were checked to
    /// lie inside the block, and a categories shape to have one bound per category (init).
    func decode(_ latent: [Double], count: Int) -> ColumnPart {
        var part = ColumnPart()
        part.valid = [Bool](repeating: true, count: count)
        if let m = missingDimension {
            for r in 0..<count where NormalDistribution.cdf(latent[m * count + r]) >= missingCut {
                part.valid[r] = false
            }
        }
        guard let v = valueDimension, shape != .allMissing else {
            part.valid = [Bool](repeating: false, count: count)
            if coded { part.codes = [Int32](repeating: -1, count: count) } else { part.numbers = [Double](repeating: .nan, count: count) }
            return part
        }
        if shape == .categories {
            if coded {
                part.codes = [Int32](repeating: -1, count: count)
                for r in 0..<count where part.valid[r] {
                    part.codes[r] = Int32(category(NormalDistribution.cdf(latent[v * count + r])))
                }
            } else {
                part.numbers = [Double](repeating: .nan, count: count)
                for r in 0..<count where part.valid[r] {
                    part.numbers[r] = booleanValues[category(NormalDistribution.cdf(latent[v * count + r]))]
                }
            }
        } else {
            part.numbers = [Double](repeating: .nan, count: count)
            for r in 0..<count where part.valid[r] {
                let x = value(NormalDistribution.cdf(latent[v * count + r]))
                part.numbers[r] = round ? x.rounded() : x
            }
        }
        return part
    }

    /// The category whose interval holds `u` (binary search on the upper bounds).
    @inline(__always)
    private func category(_ u: Double) -> Int {
        var lo = 0
        var hi = upper.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if u < upper[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The quantile function at `u`, interpolating linearly between grid points.
    @inline(__always)
    private func value(_ u: Double) -> Double {
        let k = quantiles.count
        if k == 1 { return quantiles[0] }
        let position = u * Double(k - 1)
        let i = min(max(Int(position), 0), k - 2)
        let t = position - Double(i)
        return quantiles[i] + t * (quantiles[i + 1] - quantiles[i])
    }
}

// CopulaModel+Validation: a copula read from a file is checked part by part before it samples.

import SynthData

extension CopulaModel {
    /// Checks that the parts fit together (as a model read from a file must) and returns the
    /// Cholesky factor and the decoders sampling uses. After it, every latent dimension a
    /// marginal names exists and is owned by that marginal alone, every value a decoder can
    /// produce is one its column can hold, and every draw has weights that sum to 1.
    func prepared() throws -> (factor: [Double], decoders: [MarginalDecoder]) {
        let d = correlation.count
        guard correlation.allSatisfy({ $0.count == d }) else {
            throw ModelError.invalid("the correlation matrix is not square")
        }
        for i in 0..<d {
            guard abs(correlation[i][i] - 1) < 1e-9 else {
                throw ModelError.invalid("the correlation matrix must have ones on its diagonal (row \(i + 1))")
            }
            for j in 0..<i where !(abs(correlation[i][j] - correlation[j][i]) < 1e-12 && abs(correlation[i][j]) <= 1) {
                throw ModelError.invalid("the correlation matrix is not a symmetric matrix of correlations")
            }
        }
        guard trainingRows > 0 else { throw ModelError.invalid("the model must come from at least one training row") }
        guard shrinkage >= 0 && shrinkage <= 1 else {
            throw ModelError.invalid("the shrinkage of the correlation matrix must lie between 0 and 1")
        }
        let flat = correlation.flatMap { $0 }
        guard let factor = CorrelationMatrix.cholesky(flat, dimension: d) else {
            throw ModelError.invalid("the correlation matrix is not positive definite")
        }
        let fields = schema.filter(\.isModelled)
        guard fields.count == marginals.count else {
            throw ModelError.invalid("the model has \(marginals.count) marginals for \(fields.count) modelled columns")
        }
        let decoders = try zip(marginals, fields).map { try MarginalDecoder($0, kind: $1.kind, dimensions: d) }
        for (marginal, field) in zip(marginals, fields) where marginal.column != field.name {
            throw ModelError.invalid("marginal '\(marginal.column)' does not belong to column '\(field.name)'")
        }
        for (marginal, field) in zip(marginals, fields) {
            try marginal.validate(kind: field.kind)
        }
        try validateDimensions(d)
        for name in unmodelledColumns where !schema.contains(where: { $0.name == name && $0.kind == .text && !$0.isIdentifier }) {
            throw ModelError.invalid("unmodelled column '\(name)' is not a text column of the schema")
        }
        return (factor, decoders)
    }

    /// Every latent dimension belongs to exactly one marginal (its value or its missing
    /// indicator), as the fit numbers them.
    private func validateDimensions(_ d: Int) throws {
        var owner = [String?](repeating: nil, count: d)
        for marginal in marginals {
            // MarginalDecoder has checked that each dimension lies in 0..<d.
            for dimension in [marginal.valueDimension, marginal.missingDimension].compactMap({ $0 }) {
                if let other = owner[dimension] {
                    throw ModelError.invalid("columns '\(other)' and '\(marginal.column)' share latent dimension \(dimension)")
                }
                owner[dimension] = marginal.column
            }
        }
        if let unused = owner.firstIndex(where: { $0 == nil }) {
            throw ModelError.invalid("latent dimension \(unused) of the correlation matrix belongs to no column")
        }
    }
}

extension CopulaMarginal {
    /// Checks the marginal of a column of `kind`: a shape with the dimensions it needs, quantiles
    /// in order and in the column's range, distinct categories with frequencies summing to 1.
    func validate(kind: ColumnKind) throws {
        guard missingRate >= 0 && missingRate <= 1 else {
            throw ModelError.invalid("the missing rate of column '\(column)' is not a share")
        }
        if shape == .allMissing {
            guard missingRate == 1, valueDimension == nil, missingDimension == nil else {
                throw ModelError.invalid("column '\(column)' is all missing but has a missing rate below 1 or latent dimensions")
            }
            return
        }
        guard valueDimension != nil else {
            throw ModelError.invalid("column '\(column)' has no latent dimension for its values")
        }
        guard (missingDimension != nil) == (missingRate > 0), missingRate < 1 else {
            throw ModelError.invalid("the missing rate of column '\(column)' does not match its missing-value dimension")
        }
        if let q = quantiles {
            guard q.count <= ModelLimits.maximumQuantiles else {
                throw ModelError.invalid("column '\(column)' has more than \(ModelLimits.maximumQuantiles) quantiles")
            }
            guard zip(q, q.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw ModelError.invalid("the quantiles of column '\(column)' are not increasing")
            }
            guard q.allSatisfy({ ModelLimits.holds($0, kind: kind) }) else {
                throw ModelError.invalid("the quantiles of column '\(column)' hold a value too large for a column of kind \(kind.rawValue)")
            }
        }
        if let f = frequencies, f.contains(where: { !($0 > 0) }) || abs(f.reduce(0, +) - 1) > 1e-9 {
            throw ModelError.invalid("the category frequencies of column '\(column)' do not sum to 1")
        }
        if let categories {
            guard Set(categories).count == categories.count else {
                throw ModelError.invalid("the categories of column '\(column)' repeat a label")
            }
            if kind == .boolean, !categories.allSatisfy({ $0 == "false" || $0 == "true" }) {
                throw ModelError.invalid("the categories of boolean column '\(column)' must be \"false\" and \"true\"")
            }
        }
    }
}

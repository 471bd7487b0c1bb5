// GaussianCopula: fits per-column marginals and the normal-scores correlation of a table.

import SynthCore
import SynthData

/// The Gaussian copula synthesizer: a recipe of four steps — choose columns, fit marginals
/// (with their normal scores), correlate the scores, make the correlation positive definite.
///
/// Reference: SDV `GaussianCopulaSynthesizer` (empirical marginals, RDT uniform encoding of
/// categories) and Nelsen, "An Introduction to Copulas" (2006), §5.
public enum GaussianCopula {
    /// Fits a copula model to `table`. Identifier columns (by role or kind) never reach the
    /// model; text columns are not modelled.
    public static func fit(_ table: Table, options: CopulaOptions = .init()) throws -> CopulaModel {
        let rows = table.rowCount
        guard rows > 0 else { throw ModelError.emptyTable }

        // 1. Choose columns.
        let modelled = table.columns.indices.filter { table.columns[$0].isModellable }
        guard !modelled.isEmpty else { throw ModelError.noModelableColumns }
        for index in modelled where table.columns[index].count != rows {
            throw ModelError.invalid("column '\(table.columns[index].name)' has \(table.columns[index].count) values, expected \(rows)")
        }
        try ModelLimits.checkValues(modelled.map { table.columns[$0] })

        // 2. Marginals and normal scores, one independent stream per column.
        let base = SeededRNG(seed: options.seed)
        let fits = try Parallel.cancellableMap(modelled.count) { k in
            CopulaMarginal.fit(table.columns[modelled[k]], rng: base.stream(modelled[k]))
        }

        // Number the latent dimensions: each column's value, then its missing indicator.
        var marginals: [CopulaMarginal] = []
        var scores: [[Double]] = []
        for fit in fits {
            var marginal = fit.marginal
            if let values = fit.valueScores {
                marginal.valueDimension = scores.count
                scores.append(values)
            }
            if let indicator = fit.missingScores {
                marginal.missingDimension = scores.count
                scores.append(indicator)
            }
            marginals.append(marginal)
        }

        // 3. Correlation of the scores; 4. the least shrinkage that is positive definite.
        let d = scores.count
        let pearson = CorrelationMatrix.pearson(scores, rows: rows)
        try Cancellation.check()
        let (matrix, lambda) = CorrelationMatrix.positiveDefinite(pearson, dimension: d)
        let correlation = (0..<d).map { i in Array(matrix[(i * d)..<((i + 1) * d)]) }

        let text = table.columns.filter { $0.kind == .text && !$0.isIdentifier }.map(\.name)
        return CopulaModel(schema: table.columns.map(ColumnSchema.init), trainingRows: rows,
                           identifierPolicy: options.identifiers, unmodelledColumns: text,
                           marginals: marginals, correlation: correlation, shrinkage: lambda)
    }
}

// QualityEvaluator: builds a QualityReport by running shape metrics per column and trend metrics per pair.

import SynthCore
import SynthData

/// Reference: SDMetrics single-table `QualityReport` (properties Column Shapes and Column Pair
/// Trends; numerical = numeric, integer, date, datetime; categorical = categorical, boolean;
/// identifier and text columns skipped).
public enum QualityEvaluator {
    /// Scores `synthetic` against `real`, matching columns by name (in the real table's order).
    public static func evaluate(real: Table, synthetic: Table) throws -> QualityReport {
        var notes: [String] = []
        var pairsToEncode: [(Column, Column)] = []
        for column in real.columns {
            guard ComparedColumn.family(of: column) != nil else { continue }
            guard let other = synthetic.column(column.name) else {
                notes.append("column '\(column.name)' is not in the synthetic table")
                continue
            }
            pairsToEncode.append((column, other))
        }
        let toEncode = pairsToEncode
        let encoded = Parallel.map(toEncode.count) { i in
            ComparedColumn.make(real: toEncode[i].0, synthetic: toEncode[i].1)
        }
        var encodedColumns: [ComparedColumn] = []
        for result in encoded {
            switch result {
            case let .success(column): encodedColumns.append(column)
            case let .failure(skip): notes.append(skip.reason)
            }
        }
        let columns = encodedColumns

        let shapeResults = try Parallel.cancellableMap(columns.count) { shape(columns[$0]) }
        var shapes: [ShapeScore] = []
        for (column, score) in zip(columns, shapeResults) {
            if score.score.isNaN {
                notes.append("column '\(column.name)': \(score.metric.rawValue) needs present values in both tables")
            } else {
                shapes.append(score)
            }
        }

        var pairIndices: [(Int, Int)] = []
        for i in columns.indices { for j in (i + 1)..<columns.count { pairIndices.append((i, j)) } }
        let indexPairs = pairIndices
        // Ctrl-C: pairs not yet scored are skipped and the evaluation throws.
        let pairResults = try Parallel.cancellableMap(indexPairs.count) { k in
            pair(columns[indexPairs[k].0], columns[indexPairs[k].1])
        }
        var pairs: [PairScore] = []
        for result in pairResults {
            if result.score.isNaN {
                notes.append("pair '\(result.columnA)', '\(result.columnB)': \(result.metric.rawValue) is undefined (constant or empty column)")
            } else {
                pairs.append(result)
            }
        }
        return QualityReport(shapes: shapes, pairs: pairs, notes: notes)
    }

    static func shape(_ column: ComparedColumn) -> ShapeScore {
        switch column.family {
        case .numerical:
            return ShapeScore(column: column.name, metric: .ksComplement,
                              score: KSComplement.compute(real: column.realValues, synthetic: column.syntheticValues))
        case .categorical:
            // The last code is "missing", which TVComplement drops.
            return ShapeScore(column: column.name, metric: .tvComplement,
                              score: TVComplement.compute(real: column.realCodes, synthetic: column.syntheticCodes,
                                                          categories: column.cardinality - 1))
        }
    }

    static func pair(_ a: ComparedColumn, _ b: ComparedColumn) -> PairScore {
        if a.family == .numerical && b.family == .numerical {
            let result = CorrelationSimilarity.compute(realA: a.realValues, realB: b.realValues,
                                                       syntheticA: a.syntheticValues, syntheticB: b.syntheticValues)
            return PairScore(columnA: a.name, columnB: b.name, metric: .correlationSimilarity, score: result.score,
                             realValue: result.real.isNaN ? nil : result.real,
                             syntheticValue: result.synthetic.isNaN ? nil : result.synthetic)
        }
        guard a.hasCodes && b.hasCodes else {
            return PairScore(columnA: a.name, columnB: b.name, metric: .contingencySimilarity, score: .nan)
        }
        let score = ContingencySimilarity.compute(realA: a.realCodes, realB: b.realCodes,
                                                  syntheticA: a.syntheticCodes, syntheticB: b.syntheticCodes,
                                                  cardinalityA: a.cardinality, cardinalityB: b.cardinality)
        return PairScore(columnA: a.name, columnB: b.name, metric: .contingencySimilarity, score: score)
    }
}

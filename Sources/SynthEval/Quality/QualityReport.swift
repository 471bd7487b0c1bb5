// QualityReport: column-shape and column-pair-trend scores of a synthetic table, as plain data.

/// The metrics a quality report runs, named as in SDMetrics.
public enum QualityMetric: String, Codable, Sendable, Equatable {
    case ksComplement = "KSComplement"
    case tvComplement = "TVComplement"
    case correlationSimilarity = "CorrelationSimilarity"
    case contingencySimilarity = "ContingencySimilarity"
}

/// How well one column's distribution is reproduced (1 = identical).
public struct ShapeScore: Sendable, Codable, Equatable {
    public var column: String
    public var metric: QualityMetric
    public var score: Double

    public init(column: String, metric: QualityMetric, score: Double) {
        self.column = column
        self.metric = metric
        self.score = score
    }
}

/// How well the relation between two columns is reproduced (1 = identical).
public struct PairScore: Sendable, Codable, Equatable {
    public var columnA: String
    public var columnB: String
    public var metric: QualityMetric
    public var score: Double
    /// Pearson correlation in the real table (numeric pairs only).
    public var realValue: Double?
    /// Pearson correlation in the synthetic table (numeric pairs only).
    public var syntheticValue: Double?

    public init(columnA: String, columnB: String, metric: QualityMetric, score: Double,
                realValue: Double? = nil, syntheticValue: Double? = nil) {
        self.columnA = columnA
        self.columnB = columnB
        self.metric = metric
        self.score = score
        self.realValue = realValue
        self.syntheticValue = syntheticValue
    }
}

/// SDMetrics' single-table QualityReport: column shapes, column pair trends, and their mean.
///
/// Scores that cannot be computed (e.g. a correlation with a constant column) are left out of
/// the lists and the means, and explained in `notes`. A mean over nothing is NaN.
public struct QualityReport: Sendable, Codable, Equatable {
    public var shapes: [ShapeScore]
    public var pairs: [PairScore]
    /// Mean of the shape scores.
    public var shapesScore: Double
    /// Mean of the pair scores.
    public var pairsScore: Double
    /// Mean of `shapesScore` and `pairsScore` (of those that exist).
    public var overall: Double
    /// Columns and pairs left out, with the reason.
    public var notes: [String]

    public init(shapes: [ShapeScore], pairs: [PairScore], notes: [String] = []) {
        self.shapes = shapes
        self.pairs = pairs
        self.notes = notes
        shapesScore = Self.mean(shapes.map(\.score))
        pairsScore = Self.mean(pairs.map(\.score))
        let parts = [shapesScore, pairsScore].filter { !$0.isNaN }
        overall = Self.mean(parts)
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}

// CoverageScore: per-column coverage metrics, as SDMetrics defines them.

/// MissingValueSimilarity, CategoryCoverage or RangeCoverage of one column (1 = best).
public struct CoverageScore: Codable, Sendable, Equatable {
    public var column: String
    /// "MissingValueSimilarity", "CategoryCoverage" or "RangeCoverage".
    public var metric: String
    public var score: Double

    public init(column: String, metric: String, score: Double) {
        self.column = column
        self.metric = metric
        self.score = score
    }
}

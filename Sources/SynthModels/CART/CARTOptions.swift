// CARTOptions: the settings of a sequential CART fit (synthpop `syn(method = "cart")` defaults).

/// Options of `SequentialCART.fit`. Defaults follow synthpop's `syn.cart` (minbucket 5, cp 1e-8)
/// with synth's privacy defaults (smoothing on).
public struct CARTOptions: Sendable {
    /// Fewest training rows in a leaf (rpart `minbucket`); a node needs 3 × this to be split
    /// (rpart's default `minsplit = 3 * minbucket` relation).
    public var minBucket: Int = 5
    /// A split must improve the fit by at least `cp` × the root's impurity (rpart `cp`).
    public var cp: Double = 1e-8
    /// Depth guard: nodes this deep are leaves.
    public var maxDepth: Int = 30
    /// Gaussian-kernel smoothing of numeric leaf draws (synthpop `smoothing = "density"`), for
    /// columns with more than `smoothMinDistinct` distinct values: code-like and count columns
    /// with few values keep their exact values (smoothing would only blur them; their values
    /// seen once are still never emitted).
    public var smooth: Bool = true
    /// Bootstrap the training rows before fitting each tree (synthpop `proper = TRUE`).
    public var proper: Bool = false
    /// Columns in the order they are synthesized; nil = table order. Modelled columns left out
    /// are not synthesized (as synthpop's `visit.sequence`).
    public var visit: [String]? = nil
    /// Move categorical columns with more than `highCardinality` levels to the end of the visit
    /// order (fewest levels first), so they are predicted from everything else.
    public var highCardinalityLast: Bool = false
    /// Per column, the earlier columns it may be predicted from; nil = every earlier column.
    public var predictors: [String: [String]]? = nil
    public var identifiers: IdentifierPolicy = .regenerate
    /// Seed of the bootstraps (`proper`); trees are otherwise deterministic.
    public var seed: UInt64 = 0x5EED_CA27

    /// Distinct values a numeric column needs before its draws are smoothed.
    public static let smoothMinDistinct = 30
    /// Share of all rows a value needs to be drawn unsmoothed (a heap).
    public static let heapShare = 0.01
    /// Fewest rows a heap must hold, whatever the table size (the CMS small-cell threshold), so
    /// a value shared by a handful of patients is smoothed like any other.
    public static let heapMinimumRows = 11
    /// Level count above which `highCardinalityLast` moves a column.
    public static let highCardinality = 50

    public init(minBucket: Int = 5, cp: Double = 1e-8, maxDepth: Int = 30, smooth: Bool = true,
                proper: Bool = false, visit: [String]? = nil, highCardinalityLast: Bool = false,
                predictors: [String: [String]]? = nil, identifiers: IdentifierPolicy = .regenerate,
                seed: UInt64 = 0x5EED_CA27) {
        self.minBucket = minBucket
        self.cp = cp
        self.maxDepth = maxDepth
        self.smooth = smooth
        self.proper = proper
        self.visit = visit
        self.highCardinalityLast = highCardinalityLast
        self.predictors = predictors
        self.identifiers = identifiers
        self.seed = seed
    }
}

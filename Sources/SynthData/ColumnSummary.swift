// ColumnSummary: the statistics `describe` shows for one column.

/// One column's summary: counts, range and moments (numeric kinds; dates as day numbers,
/// datetimes as seconds), most frequent levels (coded kinds and booleans) and a histogram.
public struct ColumnSummary: Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
    public var role: ColumnRole
    /// Rows, missing included.
    public var count: Int
    public var missing: Int
    /// Distinct present values.
    public var distinct: Int
    public var min: Double?
    public var max: Double?
    public var mean: Double?
    /// Sample standard deviation (n - 1); nil with fewer than two values.
    public var sd: Double?
    /// Up to five most frequent levels, most frequent first, ties by level text.
    public var topLevels: [(level: String, count: Int)]
    /// Counts of equal-width bins over [min, max] for numeric kinds; level counts sorted
    /// descending (ties by level text) for coded kinds.
    public var histogram: [Int]

    public init(name: String, kind: ColumnKind, role: ColumnRole, count: Int, missing: Int, distinct: Int,
                min: Double? = nil, max: Double? = nil, mean: Double? = nil, sd: Double? = nil,
                topLevels: [(level: String, count: Int)] = [], histogram: [Int] = []) {
        self.name = name
        self.kind = kind
        self.role = role
        self.count = count
        self.missing = missing
        self.distinct = distinct
        self.min = min
        self.max = max
        self.mean = mean
        self.sd = sd
        self.topLevels = topLevels
        self.histogram = histogram
    }

    public static func == (a: ColumnSummary, b: ColumnSummary) -> Bool {
        a.name == b.name && a.kind == b.kind && a.role == b.role && a.count == b.count && a.missing == b.missing
            && a.distinct == b.distinct && a.min == b.min && a.max == b.max && a.mean == b.mean && a.sd == b.sd
            && a.topLevels.map(\.level) == b.topLevels.map(\.level) && a.topLevels.map(\.count) == b.topLevels.map(\.count)
            && a.histogram == b.histogram
    }
}

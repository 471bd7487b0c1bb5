// ColumnDomain: the values a column may take, declared by the user (or estimated under
// differential privacy) so a private fit never reads its categories or bounds from the data.

/// A column's declared domain. Values outside it are clipped to the bounds or sent to a declared
/// level, never added to it.
public struct ColumnDomain: Sendable, Equatable, Codable {
    /// What the domain holds.
    public enum Values: Sendable, Equatable, Codable {
        /// `count` equal-width bins over `lower...upper` (dates in days, datetimes in seconds).
        /// For whole-number kinds (integer, date) the bins split the whole numbers
        /// `lower...upper`.
        case bins(lower: Double, upper: Double, count: Int)
        /// Category levels (for booleans, the spelling of false then true).
        case levels([String])
    }

    /// Where the domain came from.
    public enum Source: Sendable, Equatable, Codable {
        case declared
        /// Bounds estimated under DP, spending `epsilon` of the budget.
        case estimated(epsilon: Double)
    }

    public var values: Values
    /// Interior cut points of a range, ascending, when the bins are not of equal width
    /// (`breaks=[1, 5000]` puts 0 in a bin of its own); then `count` is `breaks.count + 1`.
    public var breaks: [Double]?
    /// The declared level that values outside `levels` are mapped to; nil: they become missing
    /// (when missing is allowed) or the fit is refused.
    public var other: String?
    /// Whether "missing" is one of the domain's values.
    public var allowsMissing: Bool
    /// Decimal places of sampled values of a numeric column.
    public var decimals: Int?
    public var source: Source

    public init(values: Values, breaks: [Double]? = nil, other: String? = nil, allowsMissing: Bool = false,
                decimals: Int? = nil, source: Source = .declared) {
        self.values = values
        self.breaks = breaks
        self.other = other
        self.allowsMissing = allowsMissing
        self.decimals = decimals
        self.source = source
    }

    /// The number of distinct values, the missing state included.
    public var cellCount: Int {
        let present: Int
        switch values {
        case let .bins(_, _, count): present = count
        case let .levels(levels): present = levels.count
        }
        return present + (allowsMissing ? 1 : 0)
    }

    /// The domain booleans have without a declaration: false and true, spelled as in `labels`,
    /// and missing when `allowsMissing`.
    public static func boolean(labels: [String], allowsMissing: Bool = false) -> ColumnDomain {
        ColumnDomain(values: .levels(labels.count == 2 ? labels : ["false", "true"]), allowsMissing: allowsMissing)
    }

    /// "0..120 in 24 bins", "3 levels", plus ", missing allowed".
    public var summary: String { summary(kind: nil, format: nil) }

    /// The summary with bounds written as the column writes them (dates as dates).
    public func summary(kind: ColumnKind?, format: String?) -> String {
        let write: (Double) -> String
        switch kind {
        case .date?: write = { DateCodec.formatDate(days: $0, pattern: format) }
        case .datetime?: write = { DateCodec.formatDateTime(seconds: $0, pattern: format) }
        default: write = Self.number
        }
        var text: String
        switch values {
        case let .bins(lower, upper, count):
            text = "\(write(lower))..\(write(upper)) in \(count) bin\(count == 1 ? "" : "s")"
            if let breaks { text += " (breaks at " + breaks.map(write).joined(separator: ", ") + ")" }
        case let .levels(levels):
            text = "\(levels.count) level\(levels.count == 1 ? "" : "s")"
            if let other { text += ", others to \"\(other)\"" }
        }
        if allowsMissing { text += ", missing allowed" }
        if case let .estimated(epsilon) = source { text += " (bounds estimated, epsilon \(Self.number(epsilon)))" }
        return text
    }

    private static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

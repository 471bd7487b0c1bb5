// Column: one typed, columnar vector with a validity mask (missing values are first-class).

/// What a column holds. Numeric kinds store `numbers`; categorical kinds store `codes` + `levels`.
public enum ColumnKind: String, Codable, Sendable, CaseIterable {
    case numeric, integer, categorical, boolean, date, datetime, identifier, text

    /// Stored in `numbers` (dates as days since 1970-01-01, datetimes as seconds since the
    /// epoch, booleans as 0/1).
    public var isNumeric: Bool {
        switch self {
        case .numeric, .integer, .date, .datetime, .boolean: return true
        case .categorical, .identifier, .text: return false
        }
    }

    /// Stored as dictionary codes into `levels`.
    public var isCoded: Bool { !isNumeric }

    /// Largest magnitude of a value of a whole-number kind (integer, date in days, datetime in
    /// seconds): 2^53, up to which a Double holds every whole number exactly, so the value
    /// converts to Int64 and formats as a date. The reader, `derive` and `topcode` keep every
    /// value of these kinds within it.
    public static let wholeMagnitude = 9_007_199_254_740_992.0
}

/// What a column means for privacy. Identifiers never reach a model.
public enum ColumnRole: String, Codable, Sendable, CaseIterable {
    case attribute, identifier, quasi, sensitive, target
}

/// A column of a `Table`.
///
/// Exactly one of `numbers` or `codes` holds the data (by `kind.isNumeric`), with `count`
/// entries. `valid[i] == false` marks a missing value; then `numbers[i]` is NaN and `codes[i]`
/// is -1. For booleans `levels` holds the input's spelling of false and true (e.g. ["No", "Yes"]).
public struct Column: Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
    public var role: ColumnRole
    public var numbers: [Double]
    public var codes: [Int32]
    public var levels: [String]
    public var valid: [Bool]
    /// Text pattern dates and datetimes were read in (e.g. "yyyy-MM-dd"), reused when writing.
    public var format: String?
    /// The declared domain, for differentially private fits; nil until `domain` sets it.
    public var domain: ColumnDomain?

    public init(name: String, kind: ColumnKind, role: ColumnRole = .attribute, numbers: [Double] = [],
                codes: [Int32] = [], levels: [String] = [], valid: [Bool], format: String? = nil,
                domain: ColumnDomain? = nil) {
        self.name = name
        self.kind = kind
        self.role = role
        self.numbers = numbers
        self.codes = codes
        self.levels = levels
        self.valid = valid
        self.format = format
        self.domain = domain
    }

    /// A numeric-kind column from optional values (nil = missing).
    public static func numeric(_ name: String, _ values: [Double?], kind: ColumnKind = .numeric) -> Column {
        Column(name: name, kind: kind, numbers: values.map { $0 ?? .nan }, valid: values.map { $0 != nil })
    }

    /// A coded column from optional strings (nil = missing); levels in order of first appearance.
    public static func coded(_ name: String, _ values: [String?], kind: ColumnKind = .categorical) -> Column {
        var index: [String: Int32] = [:]
        var levels: [String] = []
        var codes: [Int32] = []
        codes.reserveCapacity(values.count)
        for value in values {
            guard let value else { codes.append(-1); continue }
            if let code = index[value] {
                codes.append(code)
            } else {
                let code = Int32(levels.count)
                index[value] = code
                levels.append(value)
                codes.append(code)
            }
        }
        return Column(name: name, kind: kind, codes: codes, levels: levels, valid: values.map { $0 != nil })
    }

    public var count: Int { valid.count }

    /// Equal when every field matches and, for numeric kinds, the values agree at the present
    /// rows (missing slots hold NaN, which would otherwise never compare equal).
    public static func == (a: Column, b: Column) -> Bool {
        guard a.name == b.name, a.kind == b.kind, a.role == b.role, a.levels == b.levels,
              a.valid == b.valid, a.format == b.format, a.codes == b.codes, a.domain == b.domain,
              a.numbers.count == b.numbers.count else { return false }
        for i in a.numbers.indices where a.numbers[i] != b.numbers[i] {
            if !(a.numbers[i].isNaN && b.numbers[i].isNaN) { return false }
        }
        return true
    }

    public var missingCount: Int { valid.reduce(0) { $0 + ($1 ? 0 : 1) } }

    public func isMissing(_ row: Int) -> Bool { !valid[row] }

    /// The rows `rows` of this column, in that order.
    public func gather(_ rows: [Int]) -> Column {
        var out = self
        out.valid = rows.map { valid[$0] }
        if kind.isNumeric {
            out.numbers = rows.map { numbers[$0] }
        } else {
            out.codes = rows.map { codes[$0] }
        }
        return out
    }
}

extension Column {
    /// This column with another role.
    public func withRole(_ role: ColumnRole) -> Column {
        var copy = self
        copy.role = role
        return copy
    }
}

extension Column {
    /// A direct identifier, by role or by kind: it never reaches a model.
    public var isIdentifier: Bool { role == .identifier || kind == .identifier }

    /// What a model may learn: neither an identifier nor free text.
    public var isModellable: Bool { !isIdentifier && kind != .text }
}

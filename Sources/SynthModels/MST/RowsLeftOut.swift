// RowsLeftOut: which rows a private fit left out and why, column by column, for the steward.

import SynthData

/// Rows a private fit left out because a value had no place in its column's declared domain.
/// It is told to the steward (the fit's warning, `describe model`) and never released: the model
/// file does not hold it, since it is an exact count read from the real data.
public struct RowsLeftOut: Sendable, Equatable {
    /// Why one column sent rows out.
    public enum Reason: String, Sendable, Equatable {
        /// A value is missing and the domain has no missing state (`missing=true`).
        case missing = "is missing and its domain has no missing=true"
        /// A level is not among the declared levels and there is no `other=`.
        case undeclaredLevel = "has levels outside its declared domain"
    }

    /// One column's share: rows it sent out for `reason` (a row may be counted under several).
    public struct Cause: Sendable, Equatable {
        public var column: String
        public var reason: Reason
        public var rows: Int
    }

    /// Rows left out in all.
    public var rows: Int
    /// Each column that sent rows out, in column order, missing values before levels.
    public var causes: [Cause]

    public init(rows: Int, causes: [Cause]) {
        self.rows = rows
        self.causes = causes
    }

    /// Counts the rows `codes` (code -1: no place in the domain) send out, column by column.
    init(rows: Int, columns: [Column], codes: [[Int32]]) {
        var causes: [Cause] = []
        if rows > 0 {
            for (column, columnCodes) in zip(columns, codes) {
                var missing = 0, undeclared = 0
                for (row, code) in columnCodes.enumerated() where code < 0 {
                    if column.valid[row] { undeclared += 1 } else { missing += 1 }
                }
                if missing > 0 { causes.append(Cause(column: column.name, reason: .missing, rows: missing)) }
                if undeclared > 0 { causes.append(Cause(column: column.name, reason: .undeclaredLevel, rows: undeclared)) }
            }
        }
        self.init(rows: rows, causes: causes)
    }

    /// "12 rows left out: Depressed has levels outside its declared domain (12), BMI is missing
    /// and its domain has no missing=true (3)"; nil when none was.
    public var summary: String? {
        guard rows > 0 else { return nil }
        let parts = causes.map { cause in
            causes.count == 1 ? "\(cause.column) \(cause.reason.rawValue)"
                : "\(cause.column) \(cause.reason.rawValue) (\(cause.rows))"
        }
        return "\(rows) row\(rows == 1 ? "" : "s") left out: " + parts.joined(separator: ", ")
    }
}

// ModelLimits: the bounds a model file's sizes and values must keep, so sampling it stays safe.

import SynthData

/// Bounds every model read from a file is checked against. JSON numbers are finite, but a
/// well-formed file can still hold values whose arithmetic overflows (1e308), counts that
/// would allocate without limit, or values no column can write (an integer past 2^63).
public enum ModelLimits {
    /// Rows a model may claim it was trained on; `sample m` without `rows=` draws that many, so
    /// it is held to the largest sample (SampleCommand's maximum).
    public static let maximumTrainingRows = 100_000_000
    /// Largest magnitude of a value of a whole-number kind (integer, date in days, datetime in
    /// seconds): every whole number up to 2^53 is exact, converts to Int64 and formats as a date.
    public static let wholeMagnitude = ColumnKind.wholeMagnitude
    /// Largest magnitude of a numeric value: room for interpolation, smoothing and rounding to
    /// 12 decimal places without overflowing to infinity.
    public static let numericMagnitude = 1e290
    /// Decimal places a column may be written with (`domain ... decimals=` allows 0...12).
    public static let maximumDecimals = 12
    /// Bins and levels of a declared domain (DomainCommand's limits).
    public static let maximumBins = 10_000
    public static let maximumLevels = 100_000
    /// Characters of an identifier shape or a date format, each written once per sampled row.
    public static let maximumPatternLength = 1000
    /// Quantile points of a copula marginal.
    public static let maximumQuantiles = CopulaMarginal.maxQuantiles
    /// Entries of the side tables CART sampling builds for categorical splits (levels times
    /// splitting nodes), which the file's size does not bound.
    public static let maximumSideEntries = 1 << 28

    /// Largest magnitude a value of `kind` may have.
    public static func magnitude(_ kind: ColumnKind) -> Double {
        switch kind {
        case .integer, .date, .datetime: return wholeMagnitude
        default: return numericMagnitude
        }
    }

    /// Whether `value` can be sampled and written as a value of `kind`.
    public static func holds(_ value: Double, kind: ColumnKind) -> Bool {
        value.isFinite && abs(value) <= magnitude(kind)
    }

    /// Refuses to fit `columns` when one holds a value a model of its kind could not sample
    /// (a number past 1e290, whose smoothing or interpolation would overflow), naming it, so
    /// the fit fails rather than the model it would make.
    public static func checkValues(_ columns: [Column]) throws {
        for column in columns where column.kind.isNumeric {
            for (value, present) in zip(column.numbers, column.valid) where present && !holds(value, kind: column.kind) {
                throw ModelError.valueTooLarge(column: column.name, value: value, kind: column.kind)
            }
        }
    }
}

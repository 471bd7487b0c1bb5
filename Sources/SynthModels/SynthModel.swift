// SynthModel: what every fitted synthesizer offers, whatever its method.

import Foundation
import SynthCore
import SynthData

/// The schema of one column as a model remembers it, so samples come back with the same
/// names, kinds, roles and text formats.
public struct ColumnSchema: Codable, Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
    public var role: ColumnRole
    /// Date/datetime text pattern, as in `Column.format`.
    public var format: String?
    /// Spelling of false/true for booleans.
    public var booleanLabels: [String]?
    /// Decimal places of a numeric column's values (at most 6), so samples are written with the
    /// precision of the data; nil when the data has more.
    public var decimals: Int?
    /// For an identifier column, the pattern its surrogates follow (`IdentifierShape`, e.g.
    /// "MRN9######"); it holds no real value. Nil (and absent from older model files) gives
    /// surrogates "syn-000001", ...
    public var identifierShape: String?

    public init(name: String, kind: ColumnKind, role: ColumnRole, format: String? = nil, booleanLabels: [String]? = nil,
                decimals: Int? = nil, identifierShape: String? = nil) {
        self.name = name
        self.kind = kind
        self.role = role
        self.format = format
        self.booleanLabels = booleanLabels
        self.decimals = decimals
        self.identifierShape = identifierShape
    }

    public init(_ column: Column) {
        let identifier = column.isIdentifier
        self.init(name: column.name, kind: column.kind, role: column.role, format: column.format,
                  booleanLabels: column.kind == .boolean ? column.levels : nil,
                  decimals: column.kind == .numeric ? ColumnSchema.decimalPlaces(column) : nil,
                  identifierShape: identifier ? IdentifierShape.learn(column)?.pattern : nil)
    }

    /// The fewest decimal places (0...6) that write every present value exactly, or nil.
    static func decimalPlaces(_ column: Column) -> Int? {
        var places = 0
        var scale = 1.0
        for (value, present) in zip(column.numbers, column.valid) where present {
            while places <= 6 {
                let scaled = value * scale
                if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled)) { break }
                places += 1
                scale *= 10
            }
            if places > 6 { return nil }
        }
        return places
    }

    /// `value` rounded to this column's decimal places (unchanged when they are unknown).
    public func rounded(_ value: Double) -> Double {
        guard let decimals, value.isFinite else { return value }
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }
}

/// A fitted generative model.
public protocol SynthModel: Sendable {
    /// Method name as written in `fit ... method=` ("copula").
    var method: String { get }
    /// Every column of the training table, identifiers included, in order.
    var schema: [ColumnSchema] { get }
    /// Rows the model was trained on.
    var trainingRows: Int { get }
    /// The columns the model synthesizes, in the order it draws them.
    var modelledColumns: [String] { get }
    /// Whether the model file holds values observed in the data (e.g. quantile knots, leaves).
    var containsRealValues: Bool { get }
    /// A plain-words statement of what real information the model holds.
    var disclosureNote: String { get }
    /// Whether the fit was differentially private.
    var isDifferentiallyPrivate: Bool { get }

    /// Draws `rows` synthetic rows; identical inputs (model, rows, rng state) give identical output.
    func sample(rows: Int, rng: SeededRNG) throws -> Table
}

/// Errors of model fitting and sampling.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyTable
    case noModelableColumns
    case unsupportedFile(String)
    case invalid(String)
    /// A value of a column to fit is past what a model of its kind samples (`ModelLimits`).
    case valueTooLarge(column: String, value: Double, kind: ColumnKind)

    public var description: String {
        switch self {
        case .emptyTable: return "the table has no rows to learn from"
        case .noModelableColumns: return "the table has no columns to model (identifiers and text are never modelled)"
        case let .unsupportedFile(reason): return "not a synth model file: \(reason)"
        case let .invalid(reason): return reason
        case let .valueTooLarge(column, value, kind):
            return "column '\(column)' holds \(NumberFormat.compact(value)), larger than a model of a \(kind.rawValue) column samples "
                + "(at most \(NumberFormat.compact(ModelLimits.magnitude(kind))) in size); topcode it, or rescale it with derive"
        }
    }
}

extension ColumnSchema {
    /// A direct identifier, by role or by kind: regenerated or dropped in samples.
    public var isIdentifier: Bool { role == .identifier || kind == .identifier }
}

// Value: what a synth variable can hold.

import SynthData
import SynthEval
import SynthLang
import SynthModels

/// A table plus where it came from. Only synthetic tables may be exported.
public struct TableValue: Sendable {
    public var table: Table
    /// True for tables produced by `sample` (and tables derived only from them).
    public var isSynthetic: Bool
    /// Identifier findings from `load`, shown by `describe`.
    public var identifierFindings: [IdentifierFinding]
    /// How a synthetic table was made ("copula, not differentially private").
    public var provenance: String?
    /// For a sample: drawn rows replaced because they copied a unique real row
    /// (`replicates=remove`); nil when copies were not looked for.
    public var replacedRows: Int?

    public init(table: Table, isSynthetic: Bool, identifierFindings: [IdentifierFinding] = [], provenance: String? = nil) {
        self.table = table
        self.isSynthetic = isSynthetic
        self.identifierFindings = identifierFindings
        self.provenance = provenance
    }
}

/// A fitted model plus, within a session, the table it was trained on (never saved with it),
/// so `sample` can remove rows that copy a training row.
public struct ModelValue: Sendable {
    public var model: any SynthModel
    public var training: Table?
    /// Rules every sampled row must satisfy (`constrain`), with their source text.
    public var constraints: [Constraint] = []
    /// Rows the fit left out and why (never saved with the model: it is an exact real count).
    public var leftOut: RowsLeftOut?

    public init(model: any SynthModel, training: Table?) {
        self.model = model
        self.training = training
    }
}

/// A `constrain` rule: its condition and how it was written.
public struct Constraint: Sendable {
    public var condition: Expr
    public var text: String
}

/// A runtime value.
public enum Value: Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case list([Value])
    case table(TableValue)
    case model(ModelValue)
    case comparison(ComparisonReport)
    case nothing

    /// The type name used in error messages ("expected a table, got a number").
    public var typeName: String {
        switch self {
        case .number: return "a number"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .list: return "a list"
        case .table: return "a table"
        case .model: return "a model"
        case .comparison: return "a report"
        case .nothing: return "nothing"
        }
    }
}

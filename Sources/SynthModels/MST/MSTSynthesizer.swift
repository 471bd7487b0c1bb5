// MSTSynthesizer: fit MST on a table whose columns have declared domains, spending a stated
// share of a privacy budget.

import Foundation
import SynthCore
import SynthData

/// Options of `MSTSynthesizer.fit`: the privacy spend and how identifiers are treated.
public struct MSTFitOptions: Sendable {
    /// The guarantee of this fit: (epsilon, delta)-DP through rho-zCDP.
    public var epsilon: Double
    public var delta: Double
    public var rho: Double
    public var identifiers: IdentifierPolicy = .regenerate
    public var seed: UInt64 = 0
    public var engine = MSTOptions()

    public init(epsilon: Double, delta: Double, rho: Double) {
        self.epsilon = epsilon
        self.delta = delta
        self.rho = rho
    }
}

public enum MSTSynthesizer {
    /// The columns a private fit models: everything but identifiers and free text.
    public static func modelledColumns(_ table: Table) -> [Column] {
        table.columns.filter(\.isModellable)
    }

    /// The domain a fit would use for `column`: the declared one, or false/true for booleans,
    /// with missing as a state of its own when the column has missing values (whether it has
    /// any is part of the schema, like its kind, and treated as public; declare the domain to
    /// make it a declaration).
    public static func domain(of column: Column) -> ColumnDomain? {
        if let domain = column.domain { return domain }
        if column.kind == .boolean { return .boolean(labels: column.levels, allowsMissing: column.missingCount > 0) }
        return nil
    }

    /// Names of modelled columns that have no domain yet (checked before any data is read).
    public static func columnsWithoutDomain(_ table: Table) -> [String] {
        modelledColumns(table).filter { domain(of: $0) == nil }.map(\.name)
    }

    /// A fitted model, and what the steward should know but the release must not hold.
    public struct Fit: Sendable {
        public var model: MSTModel
        /// Rows left out because a value had no place in its declared domain (not released).
        public var leftOut: RowsLeftOut
    }

    /// Fits MST. Reads the data only through the declared domains. A row with a value that has
    /// no place in its domain is left out (a per-row choice, so the guarantee holds); whether
    /// the fit succeeds never depends on the data.
    public static func fit(_ table: Table, options: MSTFitOptions) throws -> Fit {
        let columns = modelledColumns(table)
        guard !columns.isEmpty else { throw ModelError.noModelableColumns }
        let missing = columnsWithoutDomain(table)
        guard missing.isEmpty else {
            throw ModelError.invalid("no domain declared for " + missing.joined(separator: ", "))
        }
        // Checked above: every modelled column has a domain.
        let domains = columns.map { domain(of: $0)! }
        // As a model file's domains are checked, before any row is read: Binning relies on it.
        for (column, domain) in zip(columns, domains) {
            if let problem = domain.problem(kind: column.kind) {
                throw ModelError.invalid("the domain of '\(column.name)' \(problem)")
            }
        }
        var codes = try Parallel.map(columns.count) { j in Result { try DomainEncoder.encode(columns[j], domains[j]) } }
            .map { try $0.get() }
        let keep = (0..<table.rowCount).filter { row in codes.allSatisfy { $0[row] >= 0 } }
        let leftOut = RowsLeftOut(rows: table.rowCount - keep.count, columns: columns, codes: codes)
        if leftOut.rows > 0 { codes = codes.map { column in keep.map { column[$0] } } }
        try Cancellation.check()
        let discrete = DiscreteTable(sizes: domains.map(\.cellCount), columns: codes)
        let result = try MST.fit(discrete, rho: options.rho, rng: SeededRNG(seed: options.seed), options: options.engine)
        let schema = table.columns.map { column -> ColumnSchema in
            // Only what the schema declares: no decimal places or other facts read from values.
            ColumnSchema(name: column.name, kind: column.kind, role: column.role, format: column.format,
                         booleanLabels: column.kind == .boolean ? column.levels : nil,
                         decimals: column.kind == .numeric ? domain(of: column)?.decimals ?? 2 : nil)
        }
        // The noisy row count, held to what a model file may claim (post-processing, so free):
        // with a tiny epsilon and a large domain it can exceed it, and the file would not load.
        let rows = min(max(1, result.total.rounded()), Double(ModelLimits.maximumTrainingRows))
        let model = MSTModel(schema: schema, trainingRows: Int(rows),
                             identifierPolicy: options.identifiers, epsilon: options.epsilon, delta: options.delta,
                             rho: options.rho, columns: columns.map(\.name), domains: domains, result: result)
        return Fit(model: model, leftOut: leftOut)
    }
}

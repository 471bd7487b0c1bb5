// MSTModel: a fitted differentially private MST model, sampled from its noisy marginals alone.

import Foundation
import SynthCore
import SynthData

/// A fitted MST model. Everything in it is a declared domain or a differentially private
/// estimate; it holds no value read from the data.
public struct MSTModel: SynthModel, Codable, Equatable {
    public var method: String { "mst" }
    public let schema: [ColumnSchema]
    /// The differentially private estimate of the number of rows (never the true count).
    public let trainingRows: Int
    public let identifierPolicy: IdentifierPolicy
    /// The guarantee: (epsilon, delta)-DP, from rho-zCDP.
    public let epsilon: Double
    public let delta: Double
    public let rho: Double
    /// The modelled columns, in schema order, and their declared domains.
    public let columns: [String]
    public let domains: [ColumnDomain]
    public let result: MSTResult

    public var containsRealValues: Bool { false }
    public var isDifferentiallyPrivate: Bool { true }
    public var modelledColumns: [String] { columns }

    public var disclosureNote: String {
        "noisy one- and two-way marginals over the declared domains and a tree chosen under differential privacy "
            + "(epsilon \(PrivacyLedger.formatted(epsilon)), delta \(PrivacyLedger.formatted(delta)), rho \(PrivacyLedger.formatted(rho))); "
            + "no value read from the data beyond the schema (column names, kinds, date formats, boolean spellings)"
    }

    public init(schema: [ColumnSchema], trainingRows: Int, identifierPolicy: IdentifierPolicy, epsilon: Double,
                delta: Double, rho: Double, columns: [String], domains: [ColumnDomain], result: MSTResult) {
        self.schema = schema
        self.trainingRows = trainingRows
        self.identifierPolicy = identifierPolicy
        self.epsilon = epsilon
        self.delta = delta
        self.rho = rho
        self.columns = columns
        self.domains = domains
        self.result = result
    }

    public func sample(rows: Int, rng: SeededRNG) throws -> Table {
        guard rows >= 0 else { throw ModelError.invalid("rows must not be negative") }
        try validate()
        let codes = try result.sample(rows: rows, rng: rng.stream(0))
        let decodeStreams = rng.stream(1)
        // validate(): every column is in the schema, and each domain suits its column's kind, so
        // DomainEncoder.decode and its Binning only see codes and bounds they handle.
        let fields = columns.map { name in schema.first { $0.name == name }! }
        let decoded = Parallel.map(columns.count) { j -> Column in
            var stream = decodeStreams.stream(j)
            return DomainEncoder.decode(codes[j], domain: domains[j], schema: fields[j], rng: &stream)
        }
        var out: [Column] = []
        let identifierStreams = rng.stream(Int(Int32.max))
        for (position, field) in schema.enumerated() {
            if field.isIdentifier {
                if identifierPolicy == .regenerate {
                    out.append(try SurrogateIdentifiers.column(for: field, rows: rows, rng: identifierStreams.stream(position)))
                }
            } else if let j = columns.firstIndex(of: field.name) {
                out.append(decoded[j])
            }
        }
        return Table(name: "synthetic", columns: out)
    }
}

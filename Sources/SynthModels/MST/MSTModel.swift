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
        let codes = result.sample(rows: rows, rng: rng.stream(0))
        try Cancellation.check()
        let decodeStreams = rng.stream(1)
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
                    out.append(SurrogateIdentifiers.column(for: field, rows: rows, rng: identifierStreams.stream(position)))
                }
            } else if let j = columns.firstIndex(of: field.name) {
                out.append(decoded[j])
            }
        }
        return Table(name: "synthetic", columns: out)
    }

    /// Checks that the parts agree (a hand-edited file is refused, not half-sampled).
    public func validate() throws {
        guard columns.count == domains.count, columns.count == result.domainSizes.count,
              columns.count == result.supports.count else {
            throw ModelError.invalid("the model's columns, domains and marginals do not match")
        }
        for (j, domain) in domains.enumerated() where domain.cellCount != result.domainSizes[j] {
            throw ModelError.invalid("the domain of '\(columns[j])' does not match its marginals")
        }
        for name in columns where !schema.contains(where: { $0.name == name }) {
            throw ModelError.invalid("column '\(name)' is modelled but not in the schema")
        }
        guard result.cliques.count == result.marginals.count else {
            throw ModelError.invalid("the model's cliques and marginals do not match")
        }
        // Compressed sizes: the kept codes, plus one cell for the merged rare codes.
        var sizes: [Int] = []
        for (j, support) in result.supports.enumerated() {
            guard support.allSatisfy({ $0 >= 0 && $0 < result.domainSizes[j] }) else {
                throw ModelError.invalid("the support of '\(columns[j])' lies outside its domain")
            }
            sizes.append(support.count + (support.count < result.domainSizes[j] ? 1 : 0))
        }
        for (j, support) in result.supports.enumerated() where zip(support, support.dropFirst()).contains(where: { $0 >= $1 }) {
            throw ModelError.invalid("the support of '\(columns[j])' is not in ascending order")
        }
        try validateForest(columns: sizes.count)
        for (clique, marginal) in zip(result.cliques, result.marginals) {
            guard !clique.isEmpty, clique.allSatisfy({ $0 >= 0 && $0 < sizes.count }),
                  clique.reduce(1, { $0 * sizes[$1] }) == marginal.count,
                  marginal.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw ModelError.invalid("a marginal of the model does not fit its columns' domains")
            }
        }
    }

    /// The cliques must be the edges of a forest over the columns (no cycle) plus one single
    /// column for each column on no edge, so every column is drawn exactly once.
    private func validateForest(columns: Int) throws {
        var components = UnionFind(count: columns)
        var onEdge = [Bool](repeating: false, count: columns)
        var single = [Bool](repeating: false, count: columns)
        for clique in result.cliques {
            guard clique.allSatisfy({ $0 >= 0 && $0 < columns }) else {
                throw ModelError.invalid("a clique of the model names a column it does not have")
            }
            if clique.count == 1 {
                guard !single[clique[0]] else { throw ModelError.invalid("a column of the model is drawn twice") }
                single[clique[0]] = true
            } else if clique.count == 2, clique[0] != clique[1] {
                guard !components.connected(clique[0], clique[1]) else {
                    throw ModelError.invalid("the model's cliques form a cycle, not a tree")
                }
                components.union(clique[0], clique[1])
                onEdge[clique[0]] = true
                onEdge[clique[1]] = true
            } else {
                throw ModelError.invalid("a clique of the model must hold one or two columns")
            }
        }
        for column in 0..<columns where onEdge[column] == single[column] {
            throw ModelError.invalid("column '\(self.columns[column])' is not drawn exactly once by the model's cliques")
        }
    }

}

// CopulaModel: a fitted Gaussian copula, sampled chunk by chunk from independent streams.

import SynthCore
import SynthData

/// A fitted Gaussian copula: marginals, the latent correlation, and the training schema.
public struct CopulaModel: SynthModel, Codable, Equatable {
    public var method: String { "copula" }
    public let schema: [ColumnSchema]
    public let trainingRows: Int
    /// What sampling does with identifier columns.
    public let identifierPolicy: IdentifierPolicy
    /// Text columns, which are not modelled and left out of samples.
    public let unmodelledColumns: [String]
    /// One marginal per modelled column, in schema order.
    public let marginals: [CopulaMarginal]
    /// Correlation of the latent normal scores (after shrinkage), one row per dimension.
    public let correlation: [[Double]]
    /// λ in (1 − λ)R + λI that made the correlation positive definite.
    public let shrinkage: Double

    public var containsRealValues: Bool { true }
    public var isDifferentiallyPrivate: Bool { false }
    public var modelledColumns: [String] { marginals.map(\.column) }

    public var disclosureNote: String {
        "per-column quantiles (up to 1001 points, including the observed minimum and maximum), "
            + "category labels and frequencies, missing-value rates and a correlation matrix of normal "
            + "scores; no rows; identifier shapes (shared prefixes, digit patterns) but no identifier values; not differentially private"
    }

    /// Rows drawn per chunk; each chunk uses its own stream, so output is independent of threads.
    public static let chunkRows = 4096

    public init(schema: [ColumnSchema], trainingRows: Int, identifierPolicy: IdentifierPolicy,
                unmodelledColumns: [String], marginals: [CopulaMarginal], correlation: [[Double]],
                shrinkage: Double) {
        self.schema = schema
        self.trainingRows = trainingRows
        self.identifierPolicy = identifierPolicy
        self.unmodelledColumns = unmodelledColumns
        self.marginals = marginals
        self.correlation = correlation
        self.shrinkage = shrinkage
    }

    /// Draws `rows` rows: z = L·ε per row, each dimension mapped back through its marginal.
    public func sample(rows: Int, rng: SeededRNG) throws -> Table {
        guard rows >= 0 else { throw ModelError.invalid("rows must not be negative") }
        let d = correlation.count
        let (factor, decoders) = try prepared()
        return try decodeChunks(rows: rows, rng: rng, decoders: decoders) { count, stream in
            Self.latent(count: count, factor: factor, dimension: d, rng: &stream)
        }
    }

    /// Draws the latent block of each chunk from its own stream (`latent(count, &stream)`,
    /// dimension-major) and decodes the chunks into one table.
    func decodeChunks(rows: Int, rng: SeededRNG, decoders: [MarginalDecoder],
                      latent: @Sendable (Int, inout SeededRNG) -> [Double]) throws -> Table {
        let chunkCount = (rows + Self.chunkRows - 1) / Self.chunkRows
        let parts = try Parallel.cancellableMap(chunkCount) { c -> [ColumnPart] in
            let start = c * Self.chunkRows
            let count = min(Self.chunkRows, rows - start)
            var stream = rng.stream(c)
            let block = latent(count, &stream)
            return decoders.map { $0.decode(block, count: count) }
        }
        return try assemble(parts: parts, rows: rows, rng: rng)
    }

    /// Correlated normal draws, dimension-major: latent[i * count + row].
    private static func latent(count: Int, factor: [Double], dimension d: Int, rng: inout SeededRNG) -> [Double] {
        var latent = [Double](repeating: 0, count: d * count)
        var eps = [Double](repeating: 0, count: d)
        factor.withUnsafeBufferPointer { l in
            for row in 0..<count {
                for k in 0..<d { eps[k] = rng.nextGaussian() }
                for i in 0..<d {
                    var sum = 0.0
                    let base = i * d
                    for k in 0...i { sum += l[base + k] * eps[k] }
                    latent[i * count + row] = sum
                }
            }
        }
        return latent
    }

    private func assemble(parts: [[ColumnPart]], rows: Int, rng: SeededRNG) throws -> Table {
        var columns: [Column] = []
        var next = 0
        // Identifier streams sit far from the chunk streams (0, 1, ...) that draw the values.
        let identifierStreams = rng.stream(Int(Int32.max))
        for (position, field) in schema.enumerated() {
            if field.isIdentifier {
                if identifierPolicy == .regenerate {
                    columns.append(try SurrogateIdentifiers.column(for: field, rows: rows, rng: identifierStreams.stream(position)))
                }
                continue
            }
            if field.kind == .text { continue }
            guard next < marginals.count else { break }
            let marginal = marginals[next]
            let index = next
            next += 1
            var numbers: [Double] = []
            var codes: [Int32] = []
            var valid: [Bool] = []
            valid.reserveCapacity(rows)
            let coded = field.kind.isCoded
            if coded { codes.reserveCapacity(rows) } else { numbers.reserveCapacity(rows) }
            for chunk in parts {
                let part = chunk[index]
                valid.append(contentsOf: part.valid)
                if coded { codes.append(contentsOf: part.codes) } else { numbers.append(contentsOf: part.numbers) }
            }
            if field.kind == .numeric && field.decimals != nil {
                numbers = numbers.map(field.rounded)
            }
            var levels: [String] = []
            if field.kind == .boolean {
                levels = field.booleanLabels ?? ["false", "true"]
            } else if coded {
                levels = marginal.categories ?? []
            }
            columns.append(Column(name: field.name, kind: field.kind, role: field.role, numbers: numbers,
                                  codes: codes, levels: levels, valid: valid, format: field.format))
        }
        return Table(name: "synthetic", columns: columns)
    }
}

/// One column's share of one chunk of sampled rows.
struct ColumnPart: Sendable {
    var numbers: [Double] = []
    var codes: [Int32] = []
    var valid: [Bool] = []
}

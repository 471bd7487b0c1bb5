// CARTModel: a fitted sequential CART synthesizer, sampled chunk by chunk from independent streams.

import SynthCore
import SynthData

/// A fitted sequential CART model: per synthesized column (in visit order) its predictors and
/// trees. Sampling draws each column in turn, dropping every synthetic row down the column's
/// trees with the values already drawn for that row (synthpop `syn`, Reiter 2005).
public struct CARTModel: SynthModel, Codable, Equatable {
    public var method: String { "cart" }
    public let schema: [ColumnSchema]
    public let trainingRows: Int
    public let identifierPolicy: IdentifierPolicy
    /// Text columns and unvisited columns, left out of samples.
    public let unmodelledColumns: [String]
    /// Synthesized columns in visit order.
    public let columns: [CARTColumn]

    public var containsRealValues: Bool { true }
    public var isDifferentiallyPrivate: Bool { false }
    public var modelledColumns: [String] { columns.map(\.name) }

    public var disclosureNote: String {
        "tree leaves hold observed values of the real data (numeric values of each leaf's training rows, "
            + "class counts of categorical ones), split thresholds midway between observed values, category "
            + "labels, each column's observed range, its values seen only once (so samples can avoid them) and "
            + "its values held by at least 1% of rows; "
            + "identifier shapes (shared prefixes, digit patterns) but no identifier values; not differentially private"
    }

    /// Rows drawn per chunk; each chunk uses its own stream, so output is independent of threads.
    public static let chunkRows = 4096
    /// Redraws before a draw equal to a real singleton is moved to the nearest non-singleton.
    static let redraws = 3

    public init(schema: [ColumnSchema], trainingRows: Int, identifierPolicy: IdentifierPolicy,
                unmodelledColumns: [String], columns: [CARTColumn]) {
        self.schema = schema
        self.trainingRows = trainingRows
        self.identifierPolicy = identifierPolicy
        self.unmodelledColumns = unmodelledColumns
        self.columns = columns
    }

    /// Draws `rows` rows.
    public func sample(rows: Int, rng: SeededRNG) throws -> Table {
        guard rows >= 0 else { throw ModelError.invalid("rows must not be negative") }
        let trees = try prepared()
        let widths = keyWidths
        let chunkCount = (rows + Self.chunkRows - 1) / Self.chunkRows
        let parts = try Parallel.cancellableMap(chunkCount) { c -> ChunkState in
            let count = min(Self.chunkRows, rows - c * Self.chunkRows)
            var stream = rng.stream(c)
            var state = ChunkState(numbers: Array(repeating: [], count: columns.count),
                                   codes: Array(repeating: [], count: columns.count))
            for j in columns.indices {
                draw(column: j, trees: trees[j], widths: widths, count: count, state: &state, rng: &stream)
            }
            return state
        }
        return try assemble(parts: parts, rows: rows, rng: rng)
    }

    private func draw(column j: Int, trees: (PreparedTree?, PreparedTree?), widths: [Int], count: Int,
                      state: inout ChunkState, rng: inout SeededRNG) {
        let column = columns[j]
        let fallback = PreparedTree.fallbackCumulative(column)
        var numbers = column.isClass ? [] : [Double](repeating: .nan, count: count)
        var codes = column.isClass ? [Int32](repeating: -1, count: count) : []
        for row in 0..<count {
            if let missingTree = trees.0 {
                let leaf = missingTree.leaf(row: row, predictors: column.predictors, widths: widths, state: state)
                if missingTree.drawClass(leaf: leaf, rng: &rng) == 1 { continue }
            }
            guard let valueTree = trees.1 else { continue }
            let leaf = valueTree.leaf(row: row, predictors: column.predictors, widths: widths, state: state)
            if column.isClass {
                codes[row] = valueTree.drawClass(leaf: leaf, rng: &rng) ?? PreparedTree.draw(fallback, rng: &rng) ?? -1
            } else {
                numbers[row] = drawNumber(column, tree: valueTree, leaf: leaf, rng: &rng)
            }
        }
        state.numbers[j] = numbers
        state.codes[j] = codes
    }

    /// An observed value of the leaf, smoothed, kept in range, rounded, and never a real singleton:
    /// a draw equal to a value seen once in the real column is redrawn (value and noise) up to
    /// `redraws` times, then moved to the nearest value of its rounding grid that is no singleton.
    private func drawNumber(_ column: CARTColumn, tree prepared: PreparedTree, leaf l: Int, rng: inout SeededRNG) -> Double {
        let tree = prepared.tree
        var value = 0.0
        for _ in 0...Self.redraws {
            guard let entry = prepared.drawEntry(leaf: l, rng: &rng) else { return .nan }
            value = tree.values[entry]
            let bandwidth = tree.bandwidth[l]
            if bandwidth > 0 && value != tree.exempt[l] && !LeafSmoothing.isSingleton(value, column.heaps) {
                value += bandwidth * rng.nextGaussian()
            }
            value = LeafSmoothing.round(min(max(value, column.low), column.high), decimals: column.decimals)
            if !LeafSmoothing.isSingleton(value, column.singletons) { return value }
        }
        // The leaf keeps giving values seen once: smooth with the column's own bandwidth, so the
        // value released is not a patient's value moved by one unit.
        let start = value
        for _ in 0..<Self.redraws * 3 where column.bandwidth > 0 {
            let candidate = LeafSmoothing.round(min(max(start + column.bandwidth * rng.nextGaussian(), column.low), column.high),
                                                decimals: column.decimals)
            if !LeafSmoothing.isSingleton(candidate, column.singletons) && abs(candidate - start) >= column.bandwidth / 4 {
                return candidate
            }
        }
        return LeafSmoothing.nudge(value, decimals: column.decimals, low: column.low, high: column.high,
                                   singletons: column.singletons)
    }

    private func assemble(parts: [ChunkState], rows: Int, rng: SeededRNG) throws -> Table {
        var out: [Column] = []
        // Identifier streams sit far from the chunk streams (0, 1, ...) that draw the values.
        let identifierStreams = rng.stream(Int(Int32.max))
        for (position, field) in schema.enumerated() {
            if field.isIdentifier {
                if identifierPolicy == .regenerate {
                    out.append(try SurrogateIdentifiers.column(for: field, rows: rows, rng: identifierStreams.stream(position)))
                }
                continue
            }
            guard let j = columns.firstIndex(where: { $0.name == field.name }) else { continue }
            let column = columns[j]
            var numbers: [Double] = []
            var codes: [Int32] = []
            var valid: [Bool] = []
            valid.reserveCapacity(rows)
            for part in parts {
                if column.isClass {
                    valid.append(contentsOf: part.codes[j].map { $0 >= 0 })
                    if column.kind == .boolean {
                        numbers.append(contentsOf: part.codes[j].map { $0 < 0 ? .nan : Double($0) })
                    } else {
                        codes.append(contentsOf: part.codes[j])
                    }
                } else {
                    valid.append(contentsOf: part.numbers[j].map { !$0.isNaN })
                    numbers.append(contentsOf: part.numbers[j])
                }
            }
            var levels = column.levels
            if column.kind != .boolean && !column.singletonClasses.isEmpty {
                // Levels seen once are never drawn; leave their text out of the sample too.
                let dropped = Set(column.singletonClasses)
                var map = [Int32](repeating: -1, count: levels.count)
                var kept: [String] = []
                for (code, level) in levels.enumerated() where !dropped.contains(Int32(code)) {
                    map[code] = Int32(kept.count)
                    kept.append(level)
                }
                levels = kept
                // Drawn codes are levels: leaf classes and fallback positions are checked in prepared().
                codes = codes.map { $0 < 0 ? -1 : map[Int($0)] }
            }
            out.append(Column(name: field.name, kind: field.kind, role: field.role, numbers: numbers,
                              codes: codes, levels: levels, valid: valid, format: field.format))
        }
        return Table(name: "synthetic", columns: out)
    }
}

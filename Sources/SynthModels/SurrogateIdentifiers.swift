// SurrogateIdentifiers: fresh ids for identifier columns in samples, never derived from real ids.

import SynthCore
import SynthData

public enum SurrogateIdentifiers {
    /// A column of unique surrogates: random values of the field's identifier shape ("MRN9######"),
    /// which no real value has; or, without a shape or when it has fewer values than `rows`,
    /// "syn-000001" ... in a random order of its own, so two identifier columns of one sample do
    /// not carry the same sequence.
    /// A date or datetime that identifies (a full date of birth) has no surrogate that would be
    /// both valid and safe: it is left empty; `generalize t.dob to=year` lets a model learn it.
    public static func column(for field: ColumnSchema, rows: Int, rng: SeededRNG) throws -> Column {
        if field.kind == .date || field.kind == .datetime {
            return Column(name: field.name, kind: field.kind, role: field.role,
                          numbers: [Double](repeating: .nan, count: rows),
                          valid: [Bool](repeating: false, count: rows), format: field.format)
        }
        var stream = rng
        if let pattern = field.identifierShape, let shape = IdentifierShape(pattern: pattern),
           let levels = try shape.values(count: rows, rng: &stream) {
            return Column(name: field.name, kind: .identifier, role: field.role,
                          codes: (0..<rows).map { Int32($0) }, levels: levels,
                          valid: [Bool](repeating: true, count: rows))
        }
        return try sequential(for: field, rows: rows, rng: rng)
    }

    /// "syn-000001" ... shuffled: surrogates that carry no shape.
    private static func sequential(for field: ColumnSchema, rows: Int, rng: SeededRNG) throws -> Column {
        let width = max(6, String(rows).count)
        var order = Array(0..<rows)
        var stream = rng
        // Fisher-Yates with our seeded stream.
        if rows > 1 {
            for i in stride(from: rows - 1, to: 0, by: -1) {
                order.swapAt(i, stream.nextInt(below: i + 1))
            }
        }
        try Cancellation.check()
        let levels = order.map { i -> String in
            let digits = String(i + 1)
            return "syn-" + String(repeating: "0", count: width - digits.count) + digits
        }
        return Column(name: field.name, kind: .identifier, role: field.role,
                      codes: (0..<rows).map { Int32($0) }, levels: levels,
                      valid: [Bool](repeating: true, count: rows))
    }

    /// `table` with every identifier column of `schema` regenerated for its current row count
    /// (after rows were removed or appended). Column `i` uses stream `i` of `rng`.
    public static func regenerate(_ table: Table, schema: [ColumnSchema], rng: SeededRNG) throws -> Table {
        var out = table
        for (index, field) in schema.enumerated() where field.isIdentifier {
            guard let position = out.index(of: field.name) else { continue }
            out.columns[position] = try column(for: field, rows: table.rowCount, rng: rng.stream(index))
        }
        return out
    }
}

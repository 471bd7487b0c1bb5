// ComparedColumn: one column of the real and the synthetic table, encoded side by side.

import SynthCore
import SynthData

/// A column present in both tables, as numbers (numerical family) and as codes of a shared
/// category list — categories matched by level text, or numeric bins over the real range.
struct ComparedColumn: Sendable {
    enum Family: Sendable { case numerical, categorical }

    let name: String
    let family: Family
    /// Numerical family: values with NaN at missing slots.
    let realValues: [Double]
    let syntheticValues: [Double]
    /// Codes in `0..<cardinality`; the last code means missing.
    let realCodes: [Int32]
    let syntheticCodes: [Int32]
    let cardinality: Int
    /// False when a numerical column has no real values to bin over.
    let hasCodes: Bool

    /// Number of equal-width bins of a numerical column (SDMetrics' default).
    static let bins = 10

    /// The family a column kind is scored in; nil for kinds a quality report skips.
    static func family(of column: Column) -> Family? {
        if column.role == .identifier { return nil }
        switch column.kind {
        case .numeric, .integer, .date, .datetime: return .numerical
        case .categorical, .boolean: return .categorical
        case .identifier, .text: return nil
        }
    }

    /// Encodes `real` and `synthetic` together, or explains why the pair cannot be compared.
    static func make(real: Column, synthetic: Column) -> Result<ComparedColumn, Skip> {
        guard let family = family(of: real) else { return .failure(Skip("column '\(real.name)' is not scored (\(real.kind.rawValue))")) }
        guard let other = Self.family(of: synthetic), other == family else {
            return .failure(Skip("column '\(real.name)' is \(real.kind.rawValue) in the real table but \(synthetic.kind.rawValue) in the synthetic one"))
        }
        switch family {
        case .numerical: return .success(numerical(real: real, synthetic: synthetic))
        case .categorical: return .success(categorical(real: real, synthetic: synthetic))
        }
    }

    struct Skip: Error, Sendable {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func values(_ column: Column) -> [Double] {
        var out = column.numbers
        for i in 0..<column.count where !column.valid[i] { out[i] = .nan }
        return out
    }

    // Reference: SDMetrics' ContingencySimilarity metric with continuous columns (sdmetrics
    // utils.discretize_column) — 10 equal-width bins over the real range (numpy
    // histogram_bin_edges; a constant column spans value ± 0.5), synthetic values clipped into
    // it; missing values form their own cell. SDMetrics' QualityReport (0.32) instead bins each
    // table over its own range and compares bin numbers across different edges; we keep one set
    // of edges so a bin means the same values in both tables (scripts/sdmetrics_reference.py).
    private static func numerical(real: Column, synthetic: Column) -> ComparedColumn {
        let r = values(real), s = values(synthetic)
        var lo = Double.infinity, hi = -Double.infinity
        for v in r where !v.isNaN {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        let hasRange = lo <= hi
        if hasRange && lo == hi {
            lo -= 0.5
            hi += 0.5
        }
        let edges = EqualWidthBins(low: lo, high: hi, count: bins)
        func bin(_ values: [Double]) -> [Int32] {
            guard hasRange else { return [] }
            return values.map { v -> Int32 in
                if v.isNaN { return Int32(bins) }
                return Int32(edges.index(of: min(max(v, lo), hi)))
            }
        }
        return ComparedColumn(name: real.name, family: .numerical, realValues: r, syntheticValues: s,
                              realCodes: bin(r), syntheticCodes: bin(s), cardinality: bins + 1, hasCodes: hasRange)
    }

    /// Categories matched by level text (booleans by value); real categories first.
    private static func categorical(real: Column, synthetic: Column) -> ComparedColumn {
        var index: [String: Int32] = [:]
        var count: Int32 = 0
        func codes(_ column: Column) -> [Int32] {
            let (texts, raw) = textCodes(column)
            let mapped = texts.map { text -> Int32 in
                if let code = index[text] { return code }
                index[text] = count
                count += 1
                return count - 1
            }
            return raw.map { $0 >= 0 && Int($0) < mapped.count ? mapped[Int($0)] : -1 }
        }
        let r = codes(real)
        let s = codes(synthetic)
        let missing = count
        let fix = { (c: Int32) in c < 0 ? missing : c }
        return ComparedColumn(name: real.name, family: .categorical, realValues: [], syntheticValues: [],
                              realCodes: r.map(fix), syntheticCodes: s.map(fix), cardinality: Int(missing) + 1,
                              hasCodes: true)
    }

    /// A column's category texts and per-row codes into them (-1 = missing).
    private static func textCodes(_ column: Column) -> (texts: [String], codes: [Int32]) {
        if column.kind == .boolean {
            let codes = (0..<column.count).map { column.valid[$0] ? Int32(column.numbers[$0] != 0 ? 1 : 0) : -1 }
            return (["false", "true"], codes)
        }
        let codes = (0..<column.count).map { column.valid[$0] ? column.codes[$0] : -1 }
        return (column.levels, codes)
    }
}

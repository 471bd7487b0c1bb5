// DomainEncoder: a column as codes over its declared domain, and codes back to values, so a
// private model sees cells of a domain the user declared and never a value of its own choosing.

import Foundation
import SynthCore
import SynthData

public enum DomainEncoder {
    /// One code per row in `0..<domain.cellCount`: the bin or level, with the missing state last.
    /// Numbers outside the bounds are clipped; levels outside the list go to `other`, else to
    /// missing. A value with nowhere to go (missing not allowed, no `other`) gets -1: its row is
    /// left out of a private fit, which depends on that row alone (a refusal would depend on the
    /// whole table). Throws only when the domain does not suit the column's kind.
    public static func encode(_ column: Column, _ domain: ColumnDomain) throws -> [Int32] {
        let missingCode: Int32? = domain.allowsMissing ? Int32(domain.cellCount - 1) : nil
        var codes = [Int32](repeating: 0, count: column.count)
        switch domain.values {
        case let .bins(lower, upper, count):
            guard column.kind.isNumeric, column.kind != .boolean else {
                throw ModelError.invalid("'\(column.name)' is \(column.kind.rawValue): its domain must be a list of levels")
            }
            let binning = Binning(lower: lower, upper: upper, count: count, wholeNumbers: isWhole(column.kind), breaks: domain.breaks)
            for row in 0..<column.count {
                if column.valid[row] {
                    codes[row] = Int32(binning.bin(of: column.numbers[row]))
                } else {
                    codes[row] = missingCode ?? -1
                }
            }
        case let .levels(levels) where column.kind == .integer || column.kind == .numeric:
            // Numbers declared as a list of values (codes such as 1, 2, 3).
            let declared = Dictionary(levels.enumerated().compactMap { i, text in Double(text).map { ($0, Int32(i)) } },
                                      uniquingKeysWith: { a, _ in a })
            let fallback: Int32? = domain.other.flatMap { Double($0) }.flatMap { declared[$0] } ?? missingCode
            for row in 0..<column.count {
                if column.valid[row] {
                    codes[row] = declared[column.numbers[row]] ?? fallback ?? -1
                } else {
                    codes[row] = missingCode ?? -1
                }
            }
        case let .levels(levels):
            // Map each of the column's own levels (or false/true) to a declared level once.
            let own: [String] = column.kind == .boolean ? ["0", "1"] : column.levels
            let declared = Dictionary(levels.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
            let booleanSpelling = column.kind == .boolean ? (column.levels.count == 2 ? column.levels : ["false", "true"]) : []
            let fallback: Int32? = domain.other.flatMap { declared[$0] } ?? missingCode
            var mapped = [Int32?](repeating: nil, count: own.count)
            for (index, level) in own.enumerated() {
                let text = column.kind == .boolean ? booleanSpelling[index] : level
                mapped[index] = declared[text] ?? (column.kind == .boolean ? Int32(index) : fallback)
            }
            for row in 0..<column.count {
                if column.valid[row] {
                    // A boolean is true when non-zero, as everywhere else it is read.
                    let index = column.kind == .boolean ? (column.numbers[row] != 0 ? 1 : 0) : Int(column.codes[row])
                    codes[row] = mapped[index] ?? -1
                } else {
                    codes[row] = missingCode ?? -1
                }
            }
        }
        return codes
    }

    /// A column of `schema`'s kind from codes over `domain`: numbers uniform within their bin
    /// (whole numbers for integer and date columns), levels as declared, the last cell missing.
    public static func decode(_ codes: [Int32], domain: ColumnDomain, schema: ColumnSchema, rng: inout SeededRNG) -> Column {
        let missingCode = domain.allowsMissing ? Int32(domain.cellCount - 1) : -1
        let valid = codes.map { $0 != missingCode }
        var column = Column(name: schema.name, kind: schema.kind, role: schema.role, valid: valid, format: schema.format,
                            domain: domain)
        switch domain.values {
        case let .bins(lower, upper, count):
            let binning = Binning(lower: lower, upper: upper, count: count, wholeNumbers: isWhole(schema.kind), breaks: domain.breaks)
            let scale = pow(10, Double(domain.decimals ?? 2))
            column.numbers = codes.map { code in
                guard code != missingCode else { return .nan }
                var value = binning.draw(in: Int(code), rng: &rng)
                if schema.kind == .numeric { value = (value * scale).rounded() / scale }
                if schema.kind == .datetime { value = value.rounded(.down) }
                return value
            }
        case let .levels(levels) where schema.kind == .integer || schema.kind == .numeric:
            let values = levels.map { Double($0) ?? .nan }
            column.numbers = codes.map { $0 == missingCode ? .nan : values[Int($0)] }
        case let .levels(levels):
            if schema.kind == .boolean {
                column.levels = levels
                column.numbers = codes.map { $0 == missingCode ? .nan : Double($0) }
            } else {
                column.levels = levels
                column.codes = codes.map { $0 == missingCode ? -1 : $0 }
            }
        }
        return column
    }

    /// Whether the kind holds whole numbers (integers, dates as days), binned as whole numbers.
    public static func isWhole(_ kind: ColumnKind) -> Bool { kind == .integer || kind == .date }
}

/// Bins over a closed range: equal-width, or cut at declared breaks; for whole numbers, bins of
/// whole numbers. Only for domains `ColumnDomain.problem(kind:)` accepts (the fit and a model
/// file's validation check it): bounds within `ModelLimits`, at most 10,000 bins, and for whole
/// numbers span * (count + 1) within Int, which bounds every product below.
struct Binning {
    let lower: Double
    let upper: Double
    let count: Int
    let wholeNumbers: Bool
    /// Interior cut points (ascending); nil for equal-width bins.
    var breaks: [Double]? = nil

    /// How many whole numbers `lower...upper` holds.
    private var span: Int { Int(upper.rounded(.down) - lower.rounded(.up)) + 1 }

    /// The bin of `x`, clipped to the bounds.
    func bin(of x: Double) -> Int {
        if let breaks {
            // Bin k holds [edge k, edge k+1): the number of breaks at or below x.
            let clipped = min(max(wholeNumbers ? x.rounded() : x, lower), upper)
            var low = 0, high = breaks.count
            while low < high {
                let mid = (low + high) / 2
                if breaks[mid] <= clipped { low = mid + 1 } else { high = mid }
            }
            return low
        }
        if wholeNumbers {
            let first = lower.rounded(.up)
            let offset = Int(min(max(x.rounded(), first), upper.rounded(.down)) - first)
            return min(count - 1, offset * count / span)
        }
        let clipped = min(max(x, lower), upper)
        let width = (upper - lower) / Double(count)
        guard width > 0 else { return 0 }
        return min(count - 1, max(0, Int(((clipped - lower) / width).rounded(.down))))
    }

    /// A value uniformly drawn from bin `k`.
    func draw(in k: Int, rng: inout SeededRNG) -> Double {
        if let breaks {
            let low = k == 0 ? lower : breaks[k - 1]
            let high = k == breaks.count ? upper : breaks[k]
            if wholeNumbers {
                // Whole numbers w with low <= w < high (the last bin includes the upper bound).
                let first = low.rounded(.up)
                let last = k == breaks.count ? high.rounded(.down) : high.rounded(.up) - 1
                return last > first ? first + Double(rng.nextInt(below: Int(last - first) + 1)) : first
            }
            return low + rng.nextDouble() * (high - low)
        }
        if wholeNumbers {
            // Offsets o with o * count / span == k: from ceil(k * span / count) to
            // ceil((k + 1) * span / count) - 1.
            let first = (k * span + count - 1) / count
            let last = ((k + 1) * span + count - 1) / count - 1
            let offset = last >= first ? first + rng.nextInt(below: last - first + 1) : first
            return lower.rounded(.up) + Double(min(offset, span - 1))
        }
        let width = (upper - lower) / Double(count)
        return lower + (Double(k) + rng.nextDouble()) * width
    }
}

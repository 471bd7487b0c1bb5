// Column+Generalizing: coarser values for release: a code's first characters, a date's year or month.

/// How far `generalize ... to=` coarsens a date.
public enum DateUnit: String, Sendable, CaseIterable {
    case year, month

    /// The pattern the generalized dates are written (and read back) in.
    public var format: String { self == .year ? "yyyy" : "yyyy-MM" }
}

extension Column {
    /// Kinds whose values `prefixed` can shorten: codes, and whole numbers read as their digits.
    public var acceptsPrefix: Bool { kind.isCoded || kind == .integer }

    /// This column as categorical, each value cut to its first `length` characters. When every
    /// value is made only of digits, shorter ones are first padded with zeros to `width`
    /// (default: the longest value's width): a spreadsheet writes the zip code 02139 as 2139.
    /// Missing stays missing. Returns the width values were padded to, nil when none was.
    public func prefixed(_ length: Int, width: Int? = nil) -> (column: Column, paddedTo: Int?) {
        // A caller's slip, not input: GeneralizeCommand checks acceptsPrefix and prefix= in 1...1000.
        precondition(acceptsPrefix && length > 0)
        // Codes as their levels, whole numbers as their digits: each value as it is written out.
        let texts = (0..<count).map { CellFormatter.text(self, row: $0) }
        let present = texts.compactMap { $0 }
        let allDigits = !present.isEmpty && present.allSatisfy(Column.isDigits)
        let padWidth = allDigits ? (width ?? present.map(\.utf8.count).max() ?? 0) : nil
        var padded = false
        let cut = texts.map { text -> String? in
            guard var text else { return nil }
            if let padWidth, text.utf8.count < padWidth {
                text = String(repeating: "0", count: padWidth - text.utf8.count) + text
                padded = true
            }
            return String(text.prefix(length))
        }
        var out = Column.coded(name, cut)
        out.role = role
        return (out, padded ? padWidth : nil)
    }

    /// This date or datetime column as dates on the first day of their year or month, written in
    /// `unit.format`. Missing stays missing.
    public func truncatedDates(to unit: DateUnit) -> Column {
        // A caller's slip, not input: GeneralizeCommand passes date and datetime columns only.
        precondition(kind == .date || kind == .datetime)
        var out = self
        out.kind = .date
        out.format = unit.format
        out.domain = nil
        out.numbers = zip(numbers, valid).map { value, ok in
            // A count no date holds (beyond ±2^53, which derive and the reader never make) stays.
            guard ok else { return .nan }
            guard abs(value) <= ColumnKind.wholeMagnitude else { return value }
            let day = kind == .datetime ? (value / 86400).rounded(.down) : value.rounded(.down)
            let civil = DateCodec.civil(days: Int(day))
            return Double(DateCodec.days(year: civil.year, month: unit == .month ? civil.month : 1, day: 1))
        }
        return out
    }

    /// How many different values the present rows hold.
    public var distinctCount: Int {
        if kind.isCoded {
            return Set(zip(codes, valid).compactMap { $1 && $0 >= 0 ? $0 : nil }).count
        }
        return Set(zip(numbers, valid).compactMap { $1 ? $0 : nil }).count
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}

extension Column {
    /// A categorical column with every level in `levels` replaced by `replacement` (merged
    /// into it when it exists), levels in order of first appearance.
    public func replacingLevels(_ levels: Set<String>, with replacement: String) -> Column {
        guard kind.isCoded else { return self }
        var out = Column.coded(name, codes.map { code -> String? in
            guard code >= 0 else { return nil }
            let level = self.levels[Int(code)]
            return levels.contains(level) ? replacement : level
        }, kind: kind)
        out.role = role
        out.format = format
        return out
    }
}

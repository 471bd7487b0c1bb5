// CellFormatter: the text of one cell, as written to CSV and shown in summaries.

import SynthCore

public enum CellFormatter {
    /// The cell's text, or nil when it is missing.
    public static func text(_ column: Column, row: Int) -> String? {
        guard column.valid[row] else { return nil }
        switch column.kind {
        case .numeric:
            return NumberFormat.roundTrip(column.numbers[row])
        case .integer:
            // Within ±2^53 (ColumnKind.wholeMagnitude) it converts to Int64; a wider value
            // (which the reader, derive and topcode never make) is written as a number.
            let value = column.numbers[row]
            return abs(value) <= ColumnKind.wholeMagnitude ? String(Int64(value)) : NumberFormat.roundTrip(value)
        case .boolean:
            let index = column.numbers[row] != 0 ? 1 : 0
            return column.levels.count == 2 ? column.levels[index] : (index == 1 ? "true" : "false")
        case .date:
            return DateCodec.formatDate(days: column.numbers[row], pattern: column.format)
        case .datetime:
            return DateCodec.formatDateTime(seconds: column.numbers[row], pattern: column.format)
        case .categorical, .identifier, .text:
            let code = Int(column.codes[row])
            return code >= 0 && code < column.levels.count ? column.levels[code] : nil
        }
    }
}

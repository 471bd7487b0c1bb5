// LoadWarnings: things a freshly loaded table gets wrong silently unless someone says so.

import Foundation
import SynthCore
import SynthData

enum LoadWarnings {
    /// Warnings about `table`, one line each: a column that is numbers but for a few odd values,
    /// day/month order that the data cannot settle, one column that looks like another
    /// delimiter.
    static func check(_ table: Table, formats: [String: String] = [:]) -> [String] {
        var warnings: [String] = []
        if table.columns.count == 1, let name = table.columns.first?.name, let guess = [";", "|", "\t"].first(where: { name.contains($0) }) {
            let shown = guess == "\t" ? "\\t" : guess
            warnings.append("the file was read as one column '\(TerminalText.escaped(name))'; if its fields are separated by '\(shown)', add delimiter=\"\(shown)\"")
        }
        for column in table.columns {
            if let warning = mostlyNumbers(column) { warnings.append(warning) }
            if column.kind == .date, column.format == "MM/dd/yyyy", formats[column.name] == nil, ambiguousDayMonth(column) {
                warnings.append("column '\(column.name)': dates read as month/day/year; no value shows which comes first, so check that the file does not write day/month/year (types=[\"\(column.name):date:dd/MM/yyyy\"] says it does)")
            }
        }
        return warnings
    }

    /// A categorical column whose values are numbers but for at most three distinct values.
    private static func mostlyNumbers(_ column: Column) -> String? {
        guard column.kind == .categorical, column.levels.count > 10 else { return nil }
        var counts = [Int](repeating: 0, count: column.levels.count)
        for (code, ok) in zip(column.codes, column.valid) where ok && code >= 0 { counts[Int(code)] += 1 }
        let odd = column.levels.indices.filter { counts[$0] > 0 && FastNumber.parse(column.levels[$0]) == nil }
        let oddRows = odd.reduce(0) { $0 + counts[$1] }
        let present = counts.reduce(0, +)
        guard !odd.isEmpty, odd.count <= 3, Double(oddRows) <= 0.01 * Double(present) else { return nil }
        let values = odd.map { "'\(TerminalText.escaped(column.levels[$0]))'" }.joined(separator: ", ")
        return "column '\(column.name)' is numbers except \(values), so it was read as categories; "
            + "add \(values.replacingOccurrences(of: "'", with: "\"")) to missing= if they mean a missing value"
    }

    /// Month/day dates where every day is at most 12, so day/month order cannot be told.
    private static func ambiguousDayMonth(_ column: Column) -> Bool {
        // Dates just read hold four-digit years, far inside what Int and civil(days:) take.
        for (value, ok) in zip(column.numbers, column.valid) where ok {
            if DateCodec.civil(days: Int(value)).day > 12 { return false }
        }
        return true
    }
}

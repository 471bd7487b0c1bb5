// TableRenderer: one-line descriptions of tables.

import SynthData

public enum TableRenderer {
    /// "heart: 303 rows x 14 columns from examples/data/heart.csv"
    public static func headline(_ table: Table) -> String {
        var text = "\(table.name): \(table.rowCount) rows x \(table.columns.count) columns"
        if let source = table.source { text += " from \(source)" }
        return text
    }
}

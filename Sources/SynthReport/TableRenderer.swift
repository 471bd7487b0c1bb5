// TableRenderer: one-line descriptions of tables.

import SynthCore
import SynthData

public enum TableRenderer {
    /// "heart: 303 rows x 14 columns from examples/data/heart.csv"
    public static func headline(_ table: Table) -> String {
        var text = "\(table.name): \(Plural.count(table.rowCount, "row")) x \(Plural.count(table.columns.count, "column"))"
        if let source = table.source { text += " from \(source)" }
        return text
    }
}

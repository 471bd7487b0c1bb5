// Table: a named set of equally long columns.

/// A columnar table. Tables are values: commands return new tables instead of editing in place.
public struct Table: Sendable, Equatable {
    public var name: String
    public var columns: [Column]
    /// Where the table came from (file path), for provenance and error messages.
    public var source: String?

    public init(name: String, columns: [Column], source: String? = nil) {
        self.name = name
        self.columns = columns
        self.source = source
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var columnNames: [String] { columns.map(\.name) }

    public func index(of column: String) -> Int? {
        columns.firstIndex { $0.name == column }
    }

    public func column(_ name: String) -> Column? {
        index(of: name).map { columns[$0] }
    }

    /// The rows `rows` of every column, in that order.
    public func gather(_ rows: [Int]) -> Table {
        Table(name: name, columns: columns.map { $0.gather(rows) }, source: source)
    }

    /// The text of one cell as it would be written to CSV; nil when missing.
    public func cellText(row: Int, column: Int) -> String? {
        CellFormatter.text(columns[column], row: row)
    }
}

// DiscreteTable: a table reduced to codes over a declared finite domain, the input of MST.

/// Column `j` holds one code in `0..<sizes[j]` per row. The sizes come from declared domains,
/// never from the data.
public struct DiscreteTable: Sendable, Equatable {
    public var sizes: [Int]
    public var columns: [[Int32]]

    public init(sizes: [Int], columns: [[Int32]]) {
        // A caller's slip, not input: the fit and the compression build one code array per domain.
        precondition(sizes.count == columns.count, "one size per column")
        self.sizes = sizes
        self.columns = columns
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
}

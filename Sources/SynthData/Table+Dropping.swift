// Table column selection helpers.

extension Table {
    /// This table without the named columns (names not present are ignored).
    public func dropping(columns names: [String]) -> Table {
        let drop = Set(names)
        return Table(name: name, columns: columns.filter { !drop.contains($0.name) }, source: source)
    }
}

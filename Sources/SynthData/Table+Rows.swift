// Table+Rows: taking the first rows of a table and appending the rows of another.

extension Table {
    /// The first `count` rows (all of them if there are fewer).
    public func prefix(_ count: Int) -> Table {
        count >= rowCount ? self : gather(Array(0..<max(0, count)))
    }

    /// This table's rows followed by `other`'s, matched by column name. Coded columns are
    /// matched by level text, so the two tables may order their levels differently.
    public func appending(_ other: Table) -> Table {
        var out = self
        for (index, column) in columns.enumerated() {
            guard let otherColumn = other.column(column.name), otherColumn.kind.isNumeric == column.kind.isNumeric else {
                // A column the other table lacks: its new rows are missing.
                out.columns[index] = column.appendingMissing(other.rowCount)
                continue
            }
            out.columns[index] = column.appending(otherColumn)
        }
        return out
    }
}

extension Column {
    /// `other`'s values after this column's; coded levels merged by text.
    func appending(_ other: Column) -> Column {
        var out = self
        out.valid += other.valid
        if kind.isNumeric {
            out.numbers += other.numbers
            return out
        }
        var index: [String: Int32] = [:]
        for (code, level) in levels.enumerated() { index[level] = Int32(code) }
        var remap: [Int32] = []
        for level in other.levels {
            if let code = index[level] {
                remap.append(code)
            } else {
                let code = Int32(out.levels.count)
                out.levels.append(level)
                index[level] = code
                remap.append(code)
            }
        }
        out.codes += other.codes.map { $0 < 0 || Int($0) >= remap.count ? -1 : remap[Int($0)] }
        return out
    }

    func appendingMissing(_ count: Int) -> Column {
        var out = self
        out.valid += [Bool](repeating: false, count: count)
        if kind.isNumeric {
            out.numbers += [Double](repeating: .nan, count: count)
        } else {
            out.codes += [Int32](repeating: -1, count: count)
        }
        return out
    }
}

// Column+Suppressing: small-cell suppression, rare levels merged into one so no level is under a count.

extension Column {
    /// What `suppressingRareLevels` did to one column.
    public struct Suppression: Sendable, Equatable {
        public var column: Column
        /// The levels merged into the other level, or set to missing, in level order.
        public var levels: [String]
        /// The rows those levels held.
        public var rows: Int
        /// True when the merged level would itself have held fewer than the minimum, so its rows
        /// became missing instead.
        public var toMissing: Bool
    }

    /// This categorical column with every level holding fewer than `minCount` rows merged into
    /// `other` (an existing level of that name takes them). When the merged level would still
    /// hold fewer than `minCount` rows, those rows become missing. Levels no row uses are
    /// dropped, so afterwards every level holds at least `minCount` rows.
    public func suppressingRareLevels(minCount: Int, other: String) -> Suppression {
        // A caller's slip, not input: SuppressCommand passes categorical columns only.
        precondition(kind.isCoded)
        var counts = [Int](repeating: 0, count: levels.count)
        for (code, ok) in zip(codes, valid) where ok && code >= 0 { counts[Int(code)] += 1 }
        let otherIndex = levels.firstIndex(of: other)
        let otherCount = otherIndex.map { counts[$0] } ?? 0
        let rare = levels.indices.filter { counts[$0] > 0 && counts[$0] < minCount && $0 != otherIndex }
        let moved = rare.reduce(0) { $0 + counts[$1] }
        let otherIsRare = otherCount > 0 && otherCount < minCount
        let toMissing = (!rare.isEmpty || otherIsRare) && moved + otherCount < minCount
        let merging = !rare.isEmpty && !toMissing
        var removed = Set(rare)
        if toMissing, let otherIndex, otherCount > 0 { removed.insert(otherIndex) }

        var newLevels: [String] = []
        var map = [Int32](repeating: -1, count: levels.count)
        for i in levels.indices where !removed.contains(i) && (counts[i] > 0 || (merging && i == otherIndex)) {
            map[i] = Int32(newLevels.count)
            newLevels.append(levels[i])
        }
        if merging {
            let target: Int32
            if let otherIndex {
                target = map[otherIndex]
            } else {
                target = Int32(newLevels.count)
                newLevels.append(other)
            }
            for i in rare { map[i] = target }
        }
        var out = self
        out.levels = newLevels
        out.codes = zip(codes, valid).map { code, ok in ok && code >= 0 ? map[Int(code)] : -1 }
        out.valid = out.codes.map { $0 >= 0 }
        let changed = removed.sorted()
        return Suppression(column: out, levels: changed.map { levels[$0] },
                           rows: changed.reduce(0) { $0 + counts[$1] }, toMissing: toMissing)
    }
}

// MSTModel+Validation: an MST model read from a file is checked before it samples.

import SynthData

extension MSTModel {
    /// Checks that the parts agree (a hand-edited file is refused, not half-sampled): each
    /// modelled column of the schema has a domain of its kind and bounded size, supports inside
    /// the domains, and cliques forming a forest whose marginals fit the compressed domains and
    /// have weight to draw from. `TreeModel` and `TreeSampler` rely on all of it.
    public func validate() throws {
        guard epsilon > 0, rho > 0, delta >= 0, delta < 1 else {
            throw ModelError.invalid("the privacy guarantee needs a positive epsilon and rho and a delta below 1")
        }
        guard columns.count == domains.count, columns.count == result.domainSizes.count,
              columns.count == result.supports.count else {
            throw ModelError.invalid("the model's columns, domains and marginals do not match")
        }
        for (j, domain) in domains.enumerated() where domain.cellCount != result.domainSizes[j] {
            throw ModelError.invalid("the domain of '\(columns[j])' does not match its marginals")
        }
        for name in columns where !schema.contains(where: { $0.name == name }) {
            throw ModelError.invalid("column '\(name)' is modelled but not in the schema")
        }
        guard columns == schema.filter(\.isModelled).map(\.name) else {
            throw ModelError.invalid("the model's columns must be the schema's columns that are neither identifiers nor text, in order")
        }
        for (j, domain) in domains.enumerated() {
            // The schema holds every column (checked above) once (ColumnSchema.validate).
            let field = schema.first { $0.name == columns[j] }!
            if let problem = domain.problem(kind: field.kind) {
                throw ModelError.invalid("the domain of '\(columns[j])' \(problem)")
            }
        }
        guard result.cliques.count == result.marginals.count else {
            throw ModelError.invalid("the model's cliques and marginals do not match")
        }
        // Compressed sizes: the kept codes, plus one cell for the merged rare codes.
        var sizes: [Int] = []
        for (j, support) in result.supports.enumerated() {
            guard support.allSatisfy({ $0 >= 0 && $0 < result.domainSizes[j] }) else {
                throw ModelError.invalid("the support of '\(columns[j])' lies outside its domain")
            }
            sizes.append(support.count + (support.count < result.domainSizes[j] ? 1 : 0))
        }
        for (j, support) in result.supports.enumerated() where zip(support, support.dropFirst()).contains(where: { $0 >= $1 }) {
            throw ModelError.invalid("the support of '\(columns[j])' is not in ascending order")
        }
        try validateForest(columns: sizes.count)
        for (clique, marginal) in zip(result.cliques, result.marginals) {
            // Domains hold at most 100,001 cells, so a product of two sizes cannot overflow.
            guard clique.reduce(1, { $0 * sizes[$1] }) == marginal.count,
                  marginal.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw ModelError.invalid("a marginal of the model does not fit its columns' domains")
            }
            let total = marginal.reduce(0, +)
            guard total > 0, total.isFinite else {
                throw ModelError.invalid("a marginal of the model has no weight to draw from")
            }
        }
        let pairs = result.cliques.filter { $0.count == 2 }
        guard result.edges.sorted(by: { $0.lexicographicallyPrecedes($1) }) == pairs.sorted(by: { $0.lexicographicallyPrecedes($1) }) else {
            throw ModelError.invalid("the model's tree edges do not match its cliques")
        }
    }

    /// The cliques must be the edges of a forest over the columns (no cycle), each listing its
    /// lower column first, plus one single column for each column on no edge, so every column
    /// is drawn exactly once (the preconditions of `TreeModel.init`).
    private func validateForest(columns: Int) throws {
        var components = UnionFind(count: columns)
        var onEdge = [Bool](repeating: false, count: columns)
        var single = [Bool](repeating: false, count: columns)
        for clique in result.cliques {
            guard clique.allSatisfy({ $0 >= 0 && $0 < columns }) else {
                throw ModelError.invalid("a clique of the model names a column it does not have")
            }
            if clique.count == 1 {
                guard !single[clique[0]] else { throw ModelError.invalid("a column of the model is drawn twice") }
                single[clique[0]] = true
            } else if clique.count == 2, clique[0] < clique[1] {
                guard !components.connected(clique[0], clique[1]) else {
                    throw ModelError.invalid("the model's cliques form a cycle, not a tree")
                }
                components.union(clique[0], clique[1])
                onEdge[clique[0]] = true
                onEdge[clique[1]] = true
            } else if clique.count == 2, clique[0] > clique[1] {
                throw ModelError.invalid("an edge of the model must list its lower column first")
            } else {
                throw ModelError.invalid("a clique of the model must hold one or two columns")
            }
        }
        for column in 0..<columns where onEdge[column] == single[column] {
            throw ModelError.invalid("column '\(self.columns[column])' is not drawn exactly once by the model's cliques")
        }
    }
}

extension ColumnDomain {
    /// What makes this domain unusable for sampling a column of `kind` (completing "the domain
    /// of 'x' ..."), or nil. Mirrors what `domain` accepts, so `DomainEncoder.decode` and
    /// `Binning` only see values they handle: a range for numbers, dates and datetimes, a list
    /// for categories, booleans and numbers, at most 10,000 bins or 100,000 levels.
    public func problem(kind: ColumnKind) -> String? {
        if let decimals, !(0...ModelLimits.maximumDecimals).contains(decimals) {
            return "must have from 0 to \(ModelLimits.maximumDecimals) decimal places"
        }
        switch values {
        case let .bins(lower, upper, count):
            guard kind.isNumeric, kind != .boolean else { return "is a range, but the column is \(kind.rawValue)" }
            guard other == nil else { return "maps other values to a level, but it is a range" }
            guard (1...ModelLimits.maximumBins).contains(count) else {
                return "must have from 1 to \(ModelLimits.maximumBins) bins"
            }
            guard ModelLimits.holds(lower, kind: kind), ModelLimits.holds(upper, kind: kind), lower < upper else {
                return "must go from low to high, within what a column of kind \(kind.rawValue) can hold"
            }
            if let breaks {
                guard breaks.count + 1 == count, zip([lower] + breaks, breaks + [upper]).allSatisfy({ $0 < $1 }) else {
                    return "has breaks that are not ascending inside its range, one fewer than its bins"
                }
            } else if DomainEncoder.isWhole(kind) {
                // Binning works in whole numbers: span * (count + 1) must stay an Int.
                let span = Int(upper.rounded(.down) - lower.rounded(.up)) + 1
                if span < count { return "has more bins than whole numbers in its range" }
                if span.multipliedReportingOverflow(by: count + 1).overflow { return "has a range too wide for its bins" }
            }
        case let .levels(levels):
            let numbers = kind == .integer || kind == .numeric
            guard kind.isCoded || kind == .boolean || numbers else {
                return "is a list of levels, but the column is \(kind.rawValue)"
            }
            guard breaks == nil else { return "has breaks, but it is a list of levels" }
            guard (1...ModelLimits.maximumLevels).contains(levels.count) else {
                return "must have from 1 to \(ModelLimits.maximumLevels) levels"
            }
            guard Set(levels).count == levels.count else { return "repeats a level" }
            if kind == .boolean && levels.count != 2 { return "must be two levels, false then true" }
            if numbers, !levels.allSatisfy({ Double($0).map { ModelLimits.holds($0, kind: kind) } ?? false }) {
                return "has a level that is not a number a column of kind \(kind.rawValue) can hold"
            }
            if let other, !levels.contains(other) { return "maps other values to a level it does not have" }
        }
        return nil
    }
}

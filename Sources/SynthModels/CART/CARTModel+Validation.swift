// CARTModel+Validation: a CART model read from a file is checked column by column and tree by tree.

import SynthData

extension CARTModel {
    /// Per column: key width of a coded predictor (levels + the missing level), 0 for numbers.
    var keyWidths: [Int] { columns.map { $0.isClass ? $0.levels.count + 1 : 0 } }

    /// Checks that the parts fit together (as a model read from a file must) and prepares the
    /// trees for sampling: (missing tree, value tree) per column. After it every predictor
    /// names a column drawn earlier, every tree walk ends at a leaf of that tree, every class a
    /// leaf or fallback can draw is a level of its column, and every number drawn is one the
    /// column can hold.
    func prepared() throws -> [(PreparedTree?, PreparedTree?)] {
        try validateColumnList()
        let widths = keyWidths
        var sideEntries = 0
        var result: [(PreparedTree?, PreparedTree?)] = []
        for (j, column) in columns.enumerated() {
            guard let field = schema.first(where: { $0.name == column.name }), field.kind == column.kind,
                  field.isModelled else {
                throw ModelError.invalid("column '\(column.name)' is not a modelled column of the schema")
            }
            if column.kind == .boolean && column.levels.count != 2 {
                throw ModelError.invalid("boolean column '\(column.name)' needs two labels")
            }
            for p in column.predictors where p.column < 0 || p.column >= j {
                throw ModelError.invalid("column '\(column.name)' is predicted from a column not drawn before it")
            }
            if column.isClass && column.fallback.count != column.levels.count {
                throw ModelError.invalid("the fallback counts of column '\(column.name)' do not match its levels")
            }
            try column.validateGuards()
            func prepare(_ tree: CARTTree?, numeric: Bool, classes: Int, singletons: Set<Int32>) throws -> PreparedTree? {
                guard let tree else { return nil }
                if let problem = tree.validate(predictors: column.predictors.count, numeric: numeric, kind: column.kind) {
                    throw ModelError.invalid("a tree of column '\(column.name)': \(problem)")
                }
                if !numeric, tree.classes.contains(where: { $0 < 0 || Int($0) >= classes }) {
                    throw ModelError.invalid("a tree of column '\(column.name)' draws an unknown class")
                }
                sideEntries += tree.sideEntries(predictors: column.predictors, widths: widths)
                guard sideEntries <= ModelLimits.maximumSideEntries else {
                    throw ModelError.invalid("the trees split on categories with too many levels to sample "
                        + "(over \(ModelLimits.maximumSideEntries) level entries, at column '\(column.name)')")
                }
                return PreparedTree(tree, predictors: column.predictors, keyCounts: widths,
                                    singletonClasses: singletons)
            }
            let missing = try prepare(column.missingTree, numeric: false, classes: 2, singletons: [])
            let value = try prepare(column.valueTree, numeric: !column.isClass, classes: column.levels.count,
                                    singletons: Set(column.singletonClasses))
            result.append((missing, value))
        }
        return result
    }

    /// Each schema column that is no identifier is synthesized or left out, exactly once.
    private func validateColumnList() throws {
        var synthesized = Set<String>()
        for column in columns where !synthesized.insert(column.name).inserted {
            throw ModelError.invalid("column '\(column.name)' is synthesized twice")
        }
        var unmodelled = Set<String>()
        for name in unmodelledColumns {
            guard schema.contains(where: { $0.name == name && !$0.isIdentifier }), !synthesized.contains(name),
                  unmodelled.insert(name).inserted else {
                throw ModelError.invalid("unmodelled column '\(name)' is not a column of the schema left out once")
            }
        }
        for field in schema where !field.isIdentifier && !synthesized.contains(field.name) && !unmodelled.contains(field.name) {
            throw ModelError.invalid("column '\(field.name)' of the schema is neither synthesized nor left out")
        }
    }
}

extension CARTColumn {
    /// The privacy guards and ranges of the column fit its kind: distinct levels and non-negative
    /// fallback counts for classes; for numbers a range and bandwidth it can hold, sorted
    /// singletons and heaps (they are binary-searched) and at most 6 decimals.
    func validateGuards() throws {
        if isClass {
            guard Set(levels).count == levels.count else {
                throw ModelError.invalid("the levels of column '\(name)' repeat a label")
            }
            guard fallback.allSatisfy({ $0 >= 0 }) else {
                throw ModelError.invalid("the fallback counts of column '\(name)' are negative")
            }
            guard singletonClasses.allSatisfy({ $0 >= 0 && Int($0) < levels.count }),
                  zip(singletonClasses, singletonClasses.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw ModelError.invalid("the classes seen once in column '\(name)' are not ascending levels of it")
            }
            guard singletons.isEmpty, heaps.isEmpty else {
                throw ModelError.invalid("categorical column '\(name)' has numeric values seen once or heaped")
            }
            return
        }
        guard levels.isEmpty, fallback.isEmpty, singletonClasses.isEmpty else {
            throw ModelError.invalid("\(kind.rawValue) column '\(name)' has category levels or counts")
        }
        guard ModelLimits.holds(low, kind: kind), ModelLimits.holds(high, kind: kind), low <= high else {
            throw ModelError.invalid("the range of column '\(name)' is reversed or too large for a column of kind \(kind.rawValue)")
        }
        guard (0...6).contains(decimals) else {
            throw ModelError.invalid("the decimal places of column '\(name)' must be from 0 to 6")
        }
        guard bandwidth >= 0 && bandwidth <= ModelLimits.numericMagnitude else {
            throw ModelError.invalid("the bandwidth of column '\(name)' is negative or out of range")
        }
        for (label, list) in [("values seen once", singletons), ("heaped values", heaps)] {
            guard list.allSatisfy({ ModelLimits.holds($0, kind: kind) }), zip(list, list.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw ModelError.invalid("the \(label) of column '\(name)' are not ascending, or too large for a column of kind \(kind.rawValue)")
            }
        }
    }
}

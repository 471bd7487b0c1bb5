// SequentialCART: fits one CART model per column, each on the columns visited before it.

import SynthCore
import SynthData

/// Sequential CART synthesis as synthpop's `syn(method = "cart")` defines it (R/syn.r,
/// R/functions.syn.r `syn.cart`): a recipe of four steps — choose and order the columns,
/// encode them as predictors, fit every column's trees on the real data (in parallel: the
/// trees are independent given the data), and record the privacy guards each column needs.
/// Reference: Reiter, "Using CART to generate partially synthetic public use microdata" (2005).
public enum SequentialCART {
    public static func fit(_ table: Table, options: CARTOptions = .init()) throws -> CARTModel {
        let rows = table.rowCount
        guard rows > 0 else { throw ModelError.emptyTable }
        if options.minBucket < 1 { throw ModelError.invalid("minbucket must be at least 1") }
        if options.maxDepth < 0 { throw ModelError.invalid("the maximum depth must not be negative") }
        if !(options.cp >= 0) { throw ModelError.invalid("cp must not be negative") }

        // 1. Choose and order the columns.
        let modelled = table.columns.indices.filter { table.columns[$0].isModellable }
        guard !modelled.isEmpty else { throw ModelError.noModelableColumns }
        for index in modelled where table.columns[index].count != rows {
            throw ModelError.invalid("column '\(table.columns[index].name)' has \(table.columns[index].count) values, expected \(rows)")
        }
        let order = try visitOrder(table, modelled: modelled, options: options)
        let cols = order.map { table.columns[$0] }
        try ModelLimits.checkValues(cols)

        // 2. Predictor encodings: each column's value, and for numbers with gaps a missing indicator.
        let valueFeatures = try Parallel.cancellableMap(cols.count) { j -> CARTFeature in
            let c = cols[j]
            return CARTColumn.isClass(c.kind) ? CARTFeature.levels(classCodes(c), levelCount: classLevels(c).count)
                : CARTFeature.ranks(c.numbers, valid: c.valid)
        }
        let hasMissing = cols.map { $0.valid.contains(false) }
        let predictors = try cols.indices.map { j in try predictorList(j, cols: cols, hasMissing: hasMissing, options: options) }

        // 3. Trees: for each column a missing indicator tree (if it has gaps) and a value tree.
        let tasks = cols.indices.flatMap { j in [(j, true), (j, false)] }
        let base = SeededRNG(seed: options.seed)
        let trees = try Parallel.cancellableMap(tasks.count) { t -> CARTTree? in
            let (j, isMissingTree) = tasks[t]
            let column = cols[j]
            let present = (0..<rows).filter { column.valid[$0] }
            if isMissingTree && (!hasMissing[j] || present.isEmpty) { return nil }
            if !isMissingTree && present.isEmpty { return nil }
            var sample = (isMissingTree ? Array(0..<rows) : present).map { Int32($0) }
            if options.proper {
                var rng = base.stream(t)  // one stream per tree: column j, indicator or value
                let source = sample
                for i in sample.indices { sample[i] = source[rng.nextInt(below: source.count)] }
            }
            let features = predictors[j].map { p in
                p.missing ? CARTFeature.missingIndicator(cols[p.column].valid) : valueFeatures[p.column]
            }
            let response: CARTResponse
            if isMissingTree {
                response = .classes(column.valid.map { $0 ? 0 : 1 }, count: 2)
            } else if CARTColumn.isClass(column.kind) {
                response = .classes(classCodes(column), count: classLevels(column).count)
            } else {
                response = .numeric(column.numbers)
            }
            let smooth = options.smooth && !isMissingTree && !CARTColumn.isClass(column.kind)
                && valueFeatures[j].keyCount > CARTOptions.smoothMinDistinct
            return TreeGrower.grow(features: features, response: response, rows: sample, minBucket: options.minBucket,
                                   maxDepth: options.maxDepth, cp: options.cp, smooth: smooth)
        }

        // 4. Privacy guards and the model.
        let fitted = cols.indices.map { j -> CARTColumn in
            let c = cols[j]
            var column = CARTColumn(name: c.name, kind: c.kind, levels: classLevels(c), predictors: predictors[j],
                                    missingTree: trees[2 * j], valueTree: trees[2 * j + 1], low: 0, high: 0,
                                    decimals: 6, singletons: [], heaps: [], singletonClasses: [], fallback: [])
            if column.isClass {
                var counts = [Int32](repeating: 0, count: column.levels.count)
                for code in classCodes(c) where code >= 0 { counts[Int(code)] += 1 }
                column.singletonClasses = counts.indices.filter { counts[$0] == 1 }.map { Int32($0) }
                column.fallback = counts.map { $0 == 1 ? 0 : $0 }
            } else {
                let values = (0..<rows).filter { c.valid[$0] }.map { c.numbers[$0] }.sorted()
                column.low = values.first ?? 0
                column.high = values.last ?? 0
                column.decimals = c.kind == .numeric ? LeafSmoothing.decimals(values) : 0
                column.bandwidth = values.count >= 2 ? LeafSmoothing.bwNrd0(sorted: values) : 1
                var i = 0
                while i < values.count {
                    var k = i + 1
                    while k < values.count && values[k] == values[i] { k += 1 }
                    if k - i == 1 { column.singletons.append(values[i]) }
                    // A heap is counted against every row (missing ones too) and needs at least
                    // `heapMinimumRows` rows: a value held by one or two people is no heap.
                    if k - i >= CARTOptions.heapMinimumRows && Double(k - i) >= CARTOptions.heapShare * Double(rows) {
                        column.heaps.append(values[i])
                    }
                    i = k
                }
            }
            return column
        }
        let synthesized = Set(cols.map(\.name))
        let unmodelled = table.columns.filter { !$0.isIdentifier && !synthesized.contains($0.name) }.map(\.name)
        return CARTModel(schema: table.columns.map(ColumnSchema.init), trainingRows: rows,
                         identifierPolicy: options.identifiers, unmodelledColumns: unmodelled, columns: fitted)
    }

    /// Class codes of a coded column; booleans as 0 (false) / 1 (true).
    static func classCodes(_ column: Column) -> [Int32] {
        guard column.kind == .boolean else { return column.codes }
        return column.numbers.indices.map { column.valid[$0] ? (column.numbers[$0] != 0 ? 1 : 0) : -1 }
    }

    static func classLevels(_ column: Column) -> [String] {
        if column.kind == .boolean { return column.levels.count == 2 ? column.levels : ["false", "true"] }
        return CARTColumn.isClass(column.kind) ? column.levels : []
    }

    /// Table indices of the columns to synthesize, in visit order.
    static func visitOrder(_ table: Table, modelled: [Int], options: CARTOptions) throws -> [Int] {
        var order = modelled
        if let visit = options.visit {
            var seen = Set<Int>()
            order = try visit.map { name in
                guard let index = table.index(of: name) else { throw ModelError.invalid("visit: unknown column '\(name)'") }
                guard modelled.contains(index) else { throw ModelError.invalid("visit: column '\(name)' is not modelled (identifier or text)") }
                guard seen.insert(index).inserted else { throw ModelError.invalid("visit: column '\(name)' is listed twice") }
                return index
            }
            if order.isEmpty { throw ModelError.noModelableColumns }
        }
        if options.highCardinalityLast {
            func levels(_ i: Int) -> Int {
                let c = table.columns[i]
                return c.kind.isCoded && c.levels.count > CARTOptions.highCardinality ? c.levels.count : 0
            }
            // Stable: low-cardinality columns keep their order, then the rest by level count.
            order = order.enumerated().sorted { a, b in
                let la = levels(a.element), lb = levels(b.element)
                return la != lb ? la < lb : a.offset < b.offset
            }.map(\.element)
        }
        return order
    }

    /// The predictors of column `j`: every earlier column (or those `predictors` names), each
    /// numeric column with missing values also through its missing indicator.
    static func predictorList(_ j: Int, cols: [Column], hasMissing: [Bool], options: CARTOptions) throws -> [CARTPredictor] {
        var sources = Array(0..<j)
        if let names = options.predictors?[cols[j].name] {
            sources = try names.map { name in
                guard let i = cols.firstIndex(where: { $0.name == name }) else {
                    throw ModelError.invalid("predictors of '\(cols[j].name)': unknown or unmodelled column '\(name)'")
                }
                guard i < j else {
                    throw ModelError.invalid("predictors of '\(cols[j].name)': '\(name)' is not synthesized before it")
                }
                return i
            }
            sources = Array(Set(sources)).sorted()
        }
        var list: [CARTPredictor] = []
        for i in sources {
            list.append(CARTPredictor(column: i, missing: false))
            if hasMissing[i] && !CARTColumn.isClass(cols[i].kind) { list.append(CARTPredictor(column: i, missing: true)) }
        }
        return list
    }
}

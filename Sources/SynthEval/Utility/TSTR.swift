// TSTR: train on synthetic, test on real — one learner fitted on each table, scored on the holdout.

import SynthCore
import SynthData

/// Train-on-synthetic-test-on-real against train-on-real for one target column.
///
/// The task follows the target's kind: boolean or two-level categorical → binary (logistic
/// regression; AUC and accuracy), categorical → multiclass (one-vs-rest logistic regression;
/// accuracy and macro-F1), numeric or integer → regression (ridge least squares; R²). Dates are
/// modelled as numbers. Features are every other usable column of `training`, encoded by a
/// `FeatureEncoder` fitted on the training table and reused unchanged for the synthetic and
/// holdout tables (levels matched by text; unseen levels go to "other"). Rows whose target is
/// missing are left out.
public enum TSTR {
    /// Rows used per table at most; a larger table is subsampled without replacement (seeded),
    /// and the result says so. The design matrix holds rows × parameters doubles (a million
    /// synthetic rows of 50 columns made 4 GB and seconds of work that a Ctrl-C waited for),
    /// and the learners' scores settle long before this many rows.
    public static let maxRows = 100_000

    /// Fits the learner on `training` and on `synthetic` and scores both on `holdout`, each
    /// subsampled to `maxRows` with streams of `seed`. Throws `CancellationError` on Ctrl-C.
    public static func evaluate(training fullTraining: Table, synthetic fullSynthetic: Table, holdout fullHoldout: Table,
                                target: String, seed: UInt64) throws -> TSTRResult {
        let streams = SeededRNG(seed: seed)
        func capped(_ table: Table, _ stream: Int) -> Table {
            table.rowCount <= maxRows ? table
                : table.gather(Sampling.withoutReplacement(table.rowCount, maxRows, rng: streams.stream(stream)))
        }
        let training = capped(fullTraining, 0), synthetic = capped(fullSynthetic, 1), holdout = capped(fullHoldout, 2)
        let tableRows = [fullTraining.rowCount, fullSynthetic.rowCount, fullHoldout.rowCount]
        let subsampled = tableRows.contains { $0 > maxRows }
        guard let column = training.column(target) else {
            throw EvaluationError.unknownTarget(target, available: training.columnNames)
        }
        guard FeatureEncoder.usable(column) else {
            throw EvaluationError.targetNotModelable(target, kind: column.isIdentifier ? "an identifier" : column.kind.rawValue)
        }
        let features = training.columns.filter { $0.name != target && FeatureEncoder.usable($0) }.map(\.name)
        let encoder = FeatureEncoder(columns: features, tables: [training])
        let task = try Task(column)
        let real = try Labelled(training, target: target, task: task, trainingKind: column.kind, encoder: encoder, what: "training")
        let syn = try Labelled(synthetic, target: target, task: task, trainingKind: column.kind, encoder: encoder, what: "synthetic")
        let test = try Labelled(holdout, target: target, task: task, trainingKind: column.kind, encoder: encoder, what: "holdout")
        let p = encoder.parameterCount

        switch task {
        case .regression:
            let score = { (train: Labelled) throws -> Double in
                let beta = try LinearFit.ridge(x: train.x, y: train.y, p: p)
                return UtilityMetrics.r2(predicted: LinearFit.predict(x: test.x, beta: beta, p: p), truth: test.y)
            }
            return TSTRResult(target: target, task: "regression", model: "ridge linear regression",
                              holdoutRows: test.rows, trainingRows: real.rows, syntheticRows: syn.rows,
                              subsampled: subsampled, tableRows: tableRows,
                              metrics: [TSTRMetric(name: "r2", trainOnReal: try score(real), trainOnSynthetic: try score(syn))])
        case let .classes(levels):
            let truth = test.y.map { Int($0) }
            if levels.count == 2 {
                let fit = { (train: Labelled) throws -> (auc: Double, accuracy: Double) in
                    let beta = try LinearFit.logistic(x: train.x, y: train.y, p: p)
                    let scores = LinearFit.predict(x: test.x, beta: beta, p: p).map(LinearFit.sigmoid)
                    return (UtilityMetrics.auc(scores: scores, labels: truth),
                            UtilityMetrics.accuracy(predicted: scores.map { $0 >= 0.5 ? 1 : 0 }, truth: truth))
                }
                let a = try fit(real), b = try fit(syn)
                return TSTRResult(target: target, task: "binary", model: "logistic regression",
                                  holdoutRows: test.rows, trainingRows: real.rows, syntheticRows: syn.rows,
                                  subsampled: subsampled, tableRows: tableRows,
                                  metrics: [TSTRMetric(name: "auc", trainOnReal: a.auc, trainOnSynthetic: b.auc),
                                            TSTRMetric(name: "accuracy", trainOnReal: a.accuracy, trainOnSynthetic: b.accuracy)])
            }
            let fit = { (train: Labelled) throws -> (accuracy: Double, f1: Double) in
                // One-vs-rest: the class with the highest linear score wins (ties: lowest class).
                var best = [Double](repeating: -.infinity, count: test.rows)
                var predicted = [Int](repeating: 0, count: test.rows)
                for k in 0..<levels.count {
                    let y = train.y.map { Int($0) == k ? 1.0 : 0.0 }
                    let beta = try LinearFit.logistic(x: train.x, y: y, p: p)
                    let eta = LinearFit.predict(x: test.x, beta: beta, p: p)
                    for i in 0..<test.rows where eta[i] > best[i] {
                        best[i] = eta[i]
                        predicted[i] = k
                    }
                }
                return (UtilityMetrics.accuracy(predicted: predicted, truth: truth),
                        UtilityMetrics.macroF1(predicted: predicted, truth: truth))
            }
            let a = try fit(real), b = try fit(syn)
            return TSTRResult(target: target, task: "multiclass", model: "one-vs-rest logistic regression",
                              holdoutRows: test.rows, trainingRows: real.rows, syntheticRows: syn.rows,
                              subsampled: subsampled, tableRows: tableRows,
                              metrics: [TSTRMetric(name: "accuracy", trainOnReal: a.accuracy, trainOnSynthetic: b.accuracy),
                                        TSTRMetric(name: "macro_f1", trainOnReal: a.f1, trainOnSynthetic: b.f1)])
        }
    }

    /// What is predicted: a number, or one of `levels` (class k is `levels[k]`, by text).
    enum Task {
        case regression
        case classes([String])

        init(_ column: Column) throws {
            switch column.kind {
            case .numeric, .integer, .date, .datetime:
                self = .regression
            case .boolean:
                let present = Set(column.numbers.indices.filter { column.valid[$0] }.map { column.numbers[$0] })
                guard present.count > 1 else { throw EvaluationError.targetHasOneLevel(column.name) }
                self = .classes(["false", "true"])
            case .categorical:
                let used = Set(column.codes.filter { $0 >= 0 })
                let levels = used.map { column.levels[Int($0)] }.sorted()
                guard levels.count > 1 else { throw EvaluationError.targetHasOneLevel(column.name) }
                self = .classes(levels)
            case .identifier, .text:
                throw EvaluationError.targetNotModelable(column.name, kind: column.kind.rawValue)
            }
        }
    }

    /// A table's design matrix and target values (class index, or number) for the rows with a
    /// target; rows of a class the training table never had are left out (no learner can
    /// predict it, and AUC needs two known classes).
    struct Labelled {
        let x: [Double]
        let y: [Double]
        var rows: Int { y.count }

        init(_ table: Table, target: String, task: Task, trainingKind: ColumnKind, encoder: FeatureEncoder, what: String) throws {
            guard let column = table.column(target) else {
                throw EvaluationError.unknownTarget(target, available: table.columnNames)
            }
            func kindDiffers(_ column: Column) -> EvaluationError {
                .targetKindDiffers(target, kind: column.kind.rawValue, table: what, trainingKind: trainingKind.rawValue)
            }
            var rows: [Int] = []
            var y: [Double] = []
            switch task {
            case .regression:
                guard column.kind.isNumeric else { throw kindDiffers(column) }
                for i in 0..<column.count where column.valid[i] && !column.numbers[i].isNaN {
                    rows.append(i)
                    y.append(column.numbers[i])
                }
            case let .classes(levels):
                if column.kind == .boolean {
                    for i in 0..<column.count where column.valid[i] && !column.numbers[i].isNaN {
                        rows.append(i)
                        y.append(column.numbers[i] != 0 ? 1 : 0)
                    }
                } else if column.kind.isCoded {
                    var index: [String: Int] = [:]
                    for (k, level) in levels.enumerated() { index[level] = k }
                    let map = column.levels.map { index[$0] ?? -1 }
                    for i in 0..<column.count where column.codes[i] >= 0 && map[Int(column.codes[i])] >= 0 {
                        rows.append(i)
                        y.append(Double(map[Int(column.codes[i])]))
                    }
                } else {
                    throw kindDiffers(column)
                }
            }
            guard !rows.isEmpty else { throw EvaluationError.noRows(what) }
            self.y = y
            self.x = encoder.encode(table, rows: rows)
        }
    }
}

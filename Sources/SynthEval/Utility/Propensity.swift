// Propensity: pMSE and S_pMSE of a model that tells real from synthetic rows (synthpop utility.gen).

import SynthCore
import SynthData
import SynthModels

/// Propensity-score utility, following synthpop's `utility.gen` (Snoke, Raab, Nowok, Dibben &
/// Slavkovic, "General and specific utility measures for synthetic data", JRSS A 2018).
///
/// Recipe: stack real rows (label 0) and synthetic rows (label 1), fit a model predicting the
/// label, score every stacked row, pMSE = mean (p̂ − c)² with c = n_syn / N. S_pMSE divides pMSE
/// by its expectation under synthpop's null:
/// - logistic: (k − 1)(1 − c)² c / N, k = parameters including the intercept (synthpop's
///   formula);
/// - cart: synthpop's "perm" resampling — the tree is refitted on randomly permuted labels and
///   the mean of those pMSEs, halved as synthpop does (`simpMSE <- pMSE / 2`), is the
///   expectation.
/// Both follow synthpop exactly, including its null: for two independent samples of one
/// distribution S_pMSE is near 1 / (1 − c) (about 2 for equal sizes), not 1 — synthpop's
/// expectation assumes synthetic rows drawn from a model fitted to the real ones.
public enum Propensity {
    /// Rows used per side at most; larger tables are subsampled without replacement (seeded).
    public static let maxRowsPerSide = 50_000
    /// Permutations for the CART null (synthpop's default is 50; 10 keeps `compare` fast).
    public static let permutations = 10
    /// synthpop's `utility.gen` tree settings (rpart `cp = 1e-3`, `minbucket = 5`).
    public static let treeCP = 1e-3
    public static let treeMinBucket = 5

    /// Scores `synthetic` against `real` with a "logistic" or "cart" propensity model. Columns
    /// are those of `real` that are also in `synthetic` (by name), without identifier and text
    /// columns; an unknown model name is treated as "logistic". Throws `CancellationError` on Ctrl-C.
    public static func evaluate(real: Table, synthetic: Table, model: String, seed: UInt64) throws -> PropensityScore {
        var rng = SeededRNG(seed: seed)
        let realRows = subsample(real.rowCount, rng: &rng)
        let synRows = subsample(synthetic.rowCount, rng: &rng)
        let names = real.columns.filter { c in
            FeatureEncoder.usable(c) && synthetic.column(c.name).map(FeatureEncoder.usable) == true
        }.map(\.name)
        let n0 = realRows.count, n1 = synRows.count, total = n0 + n1
        guard n0 > 0, n1 > 0 else { return PropensityScore(model: model, pMSE: 0, expectedPMSE: 0, sPMSE: .nan) }
        let c = Double(n1) / Double(total)
        let labels = [Double](repeating: 0, count: n0) + [Double](repeating: 1, count: n1)
        if model == "cart" {
            let predictors = treePredictors(names: names, real: real, realRows: realRows,
                                            synthetic: synthetic, synRows: synRows)
            let classes = labels.map { Int32($0) }
            let observed = treePMSE(predictors: predictors, labels: classes, c: c)
            let base = rng.stream(1)
            // A tree stopped by Ctrl-C is well formed but unfinished: the map throws it away.
            let nulls = try Parallel.cancellableMap(permutations) { i -> Double in
                var r = base.stream(i)
                var permuted = classes
                shuffle(&permuted, rng: &r)
                return treePMSE(predictors: predictors, labels: permuted, c: c) / 2
            }
            let expected = nulls.reduce(0, +) / Double(nulls.count)
            return PropensityScore(model: "cart", pMSE: observed, expectedPMSE: expected,
                                   sPMSE: ratio(observed, expected))
        }
        let encoder = FeatureEncoder(columns: names, tables: [real.gather(realRows), synthetic.gather(synRows)])
        let p = encoder.parameterCount
        let x = encoder.encode(real, rows: realRows) + encoder.encode(synthetic, rows: synRows)
        let beta = try LinearFit.logistic(x: x, y: labels, p: p)
        let eta = LinearFit.predict(x: x, beta: beta, p: p)
        let observed = pMSE(scores: eta.map(LinearFit.sigmoid), c: c)
        let expected = expectedLogisticPMSE(parameters: p, c: c, rows: total)
        return PropensityScore(model: "logistic", pMSE: observed, expectedPMSE: expected,
                               sPMSE: ratio(observed, expected))
    }

    /// pMSE / expectation; as in R, 0/0 (no tree split on the data nor on any permutation, or a
    /// model with no features) is NaN and x/0 is +infinity. Renderers must show these as "-".
    static func ratio(_ observed: Double, _ expected: Double) -> Double {
        if expected > 0 { return observed / expected }
        return observed > 0 ? .infinity : .nan
    }

    /// Mean of (score − c)² over all rows.
    public static func pMSE(scores: [Double], c: Double) -> Double {
        guard !scores.isEmpty else { return 0 }
        var s = 0.0
        for v in scores { s += (v - c) * (v - c) }
        return s / Double(scores.count)
    }

    /// Null expectation of the logistic pMSE: (k − 1)(1 − c)² c / N.
    public static func expectedLogisticPMSE(parameters k: Int, c: Double, rows n: Int) -> Double {
        Double(k - 1) * (1 - c) * (1 - c) * c / Double(n)
    }

    /// All row indices when `count` fits, else a seeded sample of `maxRowsPerSide` in row order.
    static func subsample(_ count: Int, rng: inout SeededRNG) -> [Int] {
        guard count > maxRowsPerSide else { return Array(0..<count) }
        var all = Array(0..<count)
        for i in 0..<maxRowsPerSide {
            let j = i + rng.nextInt(below: count - i)
            all.swapAt(i, j)
        }
        return Array(all[0..<maxRowsPerSide]).sorted()
    }

    static func shuffle(_ values: inout [Int32], rng: inout SeededRNG) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, rng.nextInt(below: i + 1))
        }
    }

    /// In-sample pMSE of a Gini tree fitted to `labels`.
    static func treePMSE(predictors: [ClassificationTree.Predictor], labels: [Int32], c: Double) -> Double {
        let tree = ClassificationTree(predictors: predictors, labels: labels, classCount: 2,
                                      minBucket: treeMinBucket, cp: treeCP)
        let shares = tree.leafShares(of: 1)
        var s = 0.0
        for row in 0..<labels.count {
            let d = shares[tree.leaf(row: row)] - c
            s += d * d
        }
        return s / Double(labels.count)
    }

    /// Stacked tree predictors: numbers as they are, with missing set to 0 plus a missing
    /// indicator (synthpop's treatment); coded columns as codes of one level list by text,
    /// missing as a level of its own.
    static func treePredictors(names: [String], real: Table, realRows: [Int], synthetic: Table,
                               synRows: [Int]) -> [ClassificationTree.Predictor] {
        var out: [ClassificationTree.Predictor] = []
        for name in names {
            guard let a = real.column(name), let b = synthetic.column(name) else { continue }
            if a.kind.isNumeric && b.kind.isNumeric {
                var values: [Double] = []
                var missing: [Double] = []
                var anyMissing = false
                values.reserveCapacity(realRows.count + synRows.count)
                for (col, rows) in [(a, realRows), (b, synRows)] {
                    for r in rows {
                        let ok = col.valid[r] && !col.numbers[r].isNaN
                        values.append(ok ? col.numbers[r] : 0)
                        missing.append(ok ? 0 : 1)
                        if !ok { anyMissing = true }
                    }
                }
                let all = [Bool](repeating: true, count: values.count)
                out.append(.numbers(values, valid: all))
                if anyMissing { out.append(.numbers(missing, valid: all)) }
            } else if a.kind.isCoded && b.kind.isCoded {
                var index: [String: Int32] = [:]
                for level in a.levels + b.levels where index[level] == nil { index[level] = Int32(index.count) }
                var codes: [Int32] = []
                codes.reserveCapacity(realRows.count + synRows.count)
                for (col, rows) in [(a, realRows), (b, synRows)] {
                    // index holds every level of both columns (built just above).
                    let map = col.levels.map { index[$0]! }
                    for r in rows { codes.append(col.codes[r] >= 0 ? map[Int(col.codes[r])] : -1) }
                }
                out.append(.codes(codes, levelCount: index.count))
            }
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

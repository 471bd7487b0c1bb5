// Attacks+SinglingOut: anonymeter's singling-out attack with predicates built from the synthetic table.

import SynthCore
import SynthData

extension Attacks {
    /// How singling-out predicates are built from the synthetic table.
    public enum SinglingOutMode: String, Sendable, CaseIterable {
        /// One column: "is missing" when one row is missing, "≤ min" and "≥ max" of numeric
        /// columns, "== value" for values held by one row.
        case univariate
        /// A conjunction over three random columns of a random synthetic row: "== value" for
        /// coded kinds, "≥ value" above the column median and "≤ value" otherwise, "is missing".
        case multivariate
    }

    /// Singling out: predicates that isolate exactly one synthetic row are tried on the
    /// training rows (main) and on the control rows (control); a predicate succeeds when it
    /// matches exactly one row. Up to `attacks` distinct predicates.
    ///
    /// Anonymeter corrects the control count for a control set smaller than training with a
    /// fitted curve; here the larger of the two is subsampled (seeded) to the other's size.
    public static func singlingOut(training: Table, control: Table, synthetic: Table, attacks: Int = 500,
                                   mode: SinglingOutMode = .multivariate, seed: UInt64) throws -> AttackRisk {
        let name = "singling_out_\(mode.rawValue)"
        let columns = GowerEncoding.sharedColumns([training, control, synthetic])
        let size = Swift.min(training.rowCount, control.rowCount)
        guard !columns.isEmpty, size > 0, synthetic.rowCount > 0, attacks > 0 else {
            return AttackRate.risk(name: name, attacks: 0, mainSuccesses: 0, controlSuccesses: 0)
        }
        let rng = SeededRNG(seed: seed)
        let encoding = GowerEncoding([
            training.gather(Sampling.withoutReplacement(training.rowCount, size, rng: rng.stream(0))),
            control.gather(Sampling.withoutReplacement(control.rowCount, size, rng: rng.stream(1))),
            synthetic,
        ], columns: columns, realTables: 2)
        let predicates: [Predicate]
        switch mode {
        case .univariate: predicates = univariatePredicates(encoding, attacks: attacks, rng: rng.stream(2))
        case .multivariate: predicates = try multivariatePredicates(encoding, attacks: attacks, columns: 3, rng: rng.stream(3))
        }
        let counts = try (0..<2).map { t in
            try Parallel.cancellableMap(predicates.count) { predicates[$0].matches(encoding, table: t, upTo: 2) == 1 ? 1 : 0 }
                .reduce(0, +)
        }
        return AttackRate.risk(name: name, attacks: predicates.count, mainSuccesses: Double(counts[0]),
                               controlSuccesses: Double(counts[1]))
    }

    /// Univariate predicates from the synthetic table (table 2), shuffled, kept when they match
    /// exactly one synthetic row.
    static func univariatePredicates(_ encoding: GowerEncoding, attacks: Int, rng: SeededRNG) -> [Predicate] {
        var candidates: [Predicate] = []
        for c in 0..<encoding.columnCount {
            func add(_ op: Predicate.Operator, _ value: Double) {
                candidates.append(Predicate(terms: [Predicate.Term(column: c, op: op, value: value)]))
            }
            if encoding.isNumeric[c] {
                let values = encoding.numbers[2][c]
                let present = values.filter { !$0.isNaN }.sorted()
                if values.count - present.count == 1 { add(.missing, 0) }
                guard let lo = present.first, let hi = present.last else { continue }
                add(.atMost, lo)
                add(.atLeast, hi)
                var i = 0
                while i < present.count {
                    var j = i + 1
                    while j < present.count && present[j] == present[i] { j += 1 }
                    if j - i == 1 { add(.equal, present[i]) }
                    i = j
                }
            } else {
                let codes = encoding.codes[2][c]
                var counts = [Int](repeating: 0, count: encoding.levels[c].count)
                var missing = 0
                for code in codes { if code < 0 { missing += 1 } else { counts[Int(code)] += 1 } }
                if missing == 1 { add(.missing, 0) }
                for (code, count) in counts.enumerated() where count == 1 { add(.equal, Double(code)) }
            }
        }
        let order = Sampling.shuffledPrefix(candidates.count, candidates.count, rng: rng)
        return select(order.map { candidates[$0] }, encoding, attacks: attacks)
    }

    /// Multivariate predicates from random synthetic rows and random column sets, drawn in
    /// batches (each predicate a function of the seed alone), kept when they match exactly one
    /// synthetic row; at most 100 attempts per attack.
    static func multivariatePredicates(_ encoding: GowerEncoding, attacks: Int, columns k: Int, rng: SeededRNG) throws -> [Predicate] {
        let width = Swift.min(k, encoding.columnCount)
        let rows = encoding.rowCount(2)
        let medians: [Double] = (0..<encoding.columnCount).map { c in
            guard encoding.isNumeric[c] else { return 0 }
            return DistanceToClosestRecord.median(encoding.numbers[2][c].filter { !$0.isNaN })
        }
        var kept: [Predicate] = []
        var seen = Set<Predicate>()
        var rng = rng
        var attempts = 0
        let batch = 1000
        while kept.count < attacks && attempts < 100 * attacks {
            try Cancellation.check()
            var candidates: [Predicate] = []
            for _ in 0..<batch {
                let row = rng.nextInt(below: rows)
                let chosen = Sampling.shuffledPrefix(encoding.columnCount, width, rng: rng.stream(rng.nextInt(below: Int(Int32.max)))).sorted()
                candidates.append(Predicate(terms: chosen.map { c in
                    if encoding.isNumeric[c] {
                        let v = encoding.numbers[2][c][row]
                        if v.isNaN { return Predicate.Term(column: c, op: .missing, value: 0) }
                        return Predicate.Term(column: c, op: v > medians[c] ? .atLeast : .atMost, value: v)
                    }
                    let code = encoding.codes[2][c][row]
                    return code < 0 ? Predicate.Term(column: c, op: .missing, value: 0)
                        : Predicate.Term(column: c, op: .equal, value: Double(code))
                }))
            }
            attempts += batch
            let drawn = candidates
            let counts = Parallel.map(drawn.count) { drawn[$0].matches(encoding, table: 2, upTo: 2) }
            for (p, count) in zip(drawn, counts) where count == 1 && kept.count < attacks {
                if seen.insert(p).inserted { kept.append(p) }
            }
        }
        return kept
    }

    /// The first `attacks` distinct predicates that match exactly one synthetic row.
    private static func select(_ candidates: [Predicate], _ encoding: GowerEncoding, attacks: Int) -> [Predicate] {
        let counts = Parallel.map(candidates.count) { candidates[$0].matches(encoding, table: 2, upTo: 2) }
        var kept: [Predicate] = []
        var seen = Set<Predicate>()
        for (p, count) in zip(candidates, counts) where count == 1 && kept.count < attacks {
            if seen.insert(p).inserted { kept.append(p) }
        }
        return kept
    }
}

/// A conjunction of column conditions over a `GowerEncoding` (codes are the shared codes).
struct Predicate: Hashable, Sendable {
    enum Operator: Hashable, Sendable { case equal, atMost, atLeast, missing }

    struct Term: Hashable, Sendable {
        var column: Int
        var op: Operator
        /// A number, or a shared code for coded columns.
        var value: Double
    }

    var terms: [Term]

    /// Rows of table `table` matching every term, counted up to `limit`.
    func matches(_ encoding: GowerEncoding, table: Int, upTo limit: Int) -> Int {
        // Column arrays looked up once, outside the row loop.
        let numbers = terms.map { encoding.isNumeric[$0.column] ? encoding.numbers[table][$0.column] : [] }
        let codes = terms.map { encoding.isNumeric[$0.column] ? [] : encoding.codes[table][$0.column] }
        let numeric = terms.map { encoding.isNumeric[$0.column] }
        var count = 0
        rows: for row in 0..<encoding.rowCount(table) {
            for (k, term) in terms.enumerated() {
                if numeric[k] {
                    let v = numbers[k][row]
                    switch term.op {
                    case .missing: if !v.isNaN { continue rows }
                    case .equal: if !(v == term.value) { continue rows }
                    case .atMost: if !(v <= term.value) { continue rows }
                    case .atLeast: if !(v >= term.value) { continue rows }
                    }
                } else {
                    let code = codes[k][row]
                    if term.op == .missing ? code >= 0 : (code < 0 || Double(code) != term.value) { continue rows }
                }
            }
            count += 1
            if count >= limit { break }
        }
        return count
    }
}

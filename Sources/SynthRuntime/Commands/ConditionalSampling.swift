// ConditionalSampling: draws from a model until enough rows meet its constraints and a `where`
// condition (and copy no training row), counting what was redrawn and why.

import SynthCore
import SynthData
import SynthEval
import SynthModels

struct ConditionalSampling {
    /// A rule rows must meet, and how to name it in the report.
    struct Rule {
        var condition: RowCondition
        var label: String
        /// A `where` filter (rows must make it true) rather than a `constrain` rule (rows must
        /// not make it false).
        var isFilter = false

        /// "12 broke t.age between 0 and 120", "12 did not meet where t.sex == "F"".
        func rejected(_ count: Int) -> String {
            "\(count) " + (isFilter ? "did not meet \(label)" : "broke \(label)")
        }
    }

    let model: any SynthModel
    let rules: [Rule]
    /// Training rows whose unique rows a sample must not copy (nil: copies are not looked for).
    let training: Table?
    /// A condition a copula draws every batch given, so rare rows need not be waited for;
    /// the rules still filter the batches, which makes the rows kept follow the model exactly.
    var given: ExactConditioning.Choice? = nil
    /// No acceptance after this many draws means the rules cannot be met.
    static let hopelessDraws = 200_000
    /// The most rows drawn for one request, however rare the rows wanted.
    static let maximumDraws = 20_000_000

    struct Outcome {
        var table: Table
        var drawn: Int
        /// Rows looked at: every row drawn but the unused rest of the last batch.
        var examined = 0
        /// Rows rejected by each rule (the first rule a row broke), in `rules` order.
        var rejected: [Int]
        var copies: Int
    }

    /// Which rules turned rows away, most first.
    private func blame(_ outcome: Outcome) -> String {
        zip(rules, outcome.rejected).filter { $1 > 0 }.sorted { $0.1 > $1.1 }
            .map { rule, count in rule.rejected(count) }
            .joined(separator: ", ")
    }

    func run(rows: Int, rng: SeededRNG, at span: SourceSpan) throws -> Outcome {
        var outcome = Outcome(table: try model.sample(rows: 0, rng: rng), drawn: 0,
                              rejected: [Int](repeating: 0, count: rules.count), copies: 0)
        var batch = min(max(rows, 1000), 200_000)
        var round = 0
        if let given, given.mass == 0 {
            throw Diagnostic.error("no row can meet the rules: the model gives the values they allow for '\(given.condition.column)' probability zero",
                                   at: span, hint: "the condition is impossible for this model")
        }
        while outcome.table.rowCount < rows {
            try Cancellation.check()
            let draw: Table
            if let given, let copula = model as? CopulaModel {
                draw = try copula.sample(rows: batch, rng: rng.stream(round), given: given.condition)
            } else {
                draw = try model.sample(rows: batch, rng: rng.stream(round))
            }
            outcome.drawn += batch
            // Why each row is set aside: the first rule it breaks, or a copy of a real row.
            var reason = [Int](repeating: -1, count: batch)
            for (index, rule) in rules.enumerated() {
                // A rule is broken only when false (a missing value leaves it standing, as SQL's
                // CHECK); a `where` keeps only rows for which it is true.
                let meets = try rule.condition.evaluate(draw, undecidedMeets: !rule.isFilter)
                for i in 0..<batch where reason[i] == -1 && !meets[i] { reason[i] = index }
            }
            if let training {
                let copies = try ExactMatch.uniqueReplicateMask(synthetic: draw, training: training)
                for i in 0..<batch where reason[i] == -1 && copies[i] { reason[i] = rules.count }
            }
            let used = Array((0..<batch).filter { reason[$0] == -1 }.prefix(rows - outcome.table.rowCount))
            // Rows after the last one used were never needed, so they were not set aside either.
            let examined = used.count == rows - outcome.table.rowCount ? (used.last.map { $0 + 1 } ?? 0) : batch
            outcome.examined += examined
            for i in 0..<examined where reason[i] >= 0 {
                if reason[i] < rules.count { outcome.rejected[reason[i]] += 1 } else { outcome.copies += 1 }
            }
            outcome.table = outcome.table.appending(draw.gather(used))
            round += 1
            let have = outcome.table.rowCount
            if have == 0 {
                if outcome.drawn >= Self.hopelessDraws {
                    throw Diagnostic.error("no row of \(outcome.drawn) drawn meets the rules: \(blame(outcome))", at: span,
                                           hint: "the condition is impossible or too rare for this model")
                }
                batch = min(Self.hopelessDraws - outcome.drawn, max(batch * 4, 10_000))
            } else if have < rows {
                // Draw about what the acceptance so far says is still needed.
                let rate = Double(have) / Double(outcome.drawn)
                let needed = Double(rows - have) / rate
                if Double(outcome.drawn) + needed > Double(Self.maximumDraws) {
                    throw Diagnostic.error("only \(have) of \(outcome.drawn) drawn rows meet the rules (\(NumberFormat.percent(rate))); "
                                           + "\(rows) rows would need about \(Int(needed) + outcome.drawn) draws: \(blame(outcome))",
                                           at: span, hint: "ask for fewer rows, or loosen the condition")
                }
                batch = min(max(Int(needed * 1.2) + 100, 1000), 1_000_000)
            }
        }
        outcome.table = try SurrogateIdentifiers.regenerate(outcome.table, schema: model.schema, rng: rng.stream(-1))
        return outcome
    }
}

// sample: draw synthetic rows from a model; rows that copy a real row only one patient has are
// removed, counted and replaced by fresh draws until the requested number of rows is reached.

import SynthCore
import SynthData
import SynthEval
import SynthModels
import SynthLang
import SynthReport

enum SampleCommand: CommandRunner {
    static let name = "sample"
    /// Refuse absurd requests before allocating (100 million rows).
    static let maximumRows = 100_000_000
    /// Rounds of extra draws made to replace removed copies before giving up.
    static let maximumRefills = 20

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let model = try arguments.model("model")
        let rows = try arguments.integerOption("rows", range: 1...maximumRows) ?? model.model.trainingRows
        guard rows <= maximumRows else {
            throw Diagnostic.error("the model's training row count (\(rows)) is above the \(maximumRows) rows one sample may have",
                                   at: context.call.verbSpan, hint: "give rows=")
        }
        let rowsSpan = arguments.optionExpr("rows")?.span ?? context.call.verbSpan
        try MemoryEstimate.check(MemoryEstimate.sample(model.model, rows: rows), for: "rows=\(rows)", at: rowsSpan)
        let rng: SeededRNG
        if let seed = try arguments.integerOption("seed", range: 0...Int.max) {
            rng = SeededRNG(seed: UInt64(seed))
        } else {
            rng = context.session.nextStream()
        }
        // Removing rows that equal a real row reads the real data, which a differentially
        // private release must not do after the fit; DP samples keep them unless asked.
        let isPrivate = model.model.isDifferentiallyPrivate
        let removeReplicates = (try arguments.wordOption("replicates") ?? (isPrivate ? "keep" : "remove")) == "remove"
        context.sink.progress("sampling \(rows) rows...\n")
        var table: Table
        var note: String
        // fixed() reads the real combinations; a private model never sees the real rows again.
        let reference = isPrivate ? nil : model.training
        var ruleExprs = model.constraints.map(\.condition)
        var rules = model.constraints.map { constraint in
            ConditionalSampling.Rule(condition: rowCondition(constraint.condition, reference: reference, context: context),
                                     label: constraint.text)
        }
        if let condition = context.call.condition {
            rules.append(.init(condition: rowCondition(condition, reference: reference, context: context),
                               label: "where " + ExprPrinter.render(condition), isFilter: true))
            ruleExprs.append(condition)
        }
        let interpreter = context.interpreter
        let scope = context.arguments.scope
        let given = ExactConditioning.choose(model.model, rules: ruleExprs) { try interpreter.evaluate($0, in: scope) }
        do {
            if !rules.isEmpty {
                let copiesOf = removeReplicates ? model.training : nil
                let outcome = try ConditionalSampling(model: model.model, rules: rules, training: copiesOf, given: given)
                    .run(rows: rows, rng: rng, at: context.call.condition?.span ?? context.call.verbSpan)
                table = outcome.table
                note = redrawNote(outcome, rules: rules, private: isPrivate)
                if let given { note += "; exact conditioning on \(given.condition.column) for the copula" }
                return finish(table, note: note, model: model, context: context, removed: removeReplicates,
                              replaced: copiesOf == nil ? nil : outcome.copies)
            }
            table = try model.model.sample(rows: rows, rng: rng)
            var replaced: Int?
            if let training = model.training, removeReplicates {
                let first = table
                let result = try drawWithoutUniqueCopies(model.model, rows: rows, first: table, training: training, rng: rng)
                if result.table.rowCount < rows {
                    throw Diagnostic.error("only \(result.table.rowCount) of \(rows) rows could be drawn without copying a unique real row "
                                           + "(one no other real row equals): \(result.removed) of \(result.drawn) draws copied one, so the model reproduces its training data",
                                           at: context.call.verbSpan,
                                           hint: "model fewer columns (drop, visit=), coarsen them (generalize, suppress), or allow copies with replicates=keep")
                }
                table = result.table
                replaced = result.removed
                warnAboutLostMissingValues(before: first, after: table, context: context)
                note = result.removed == 0 ? "no copies of unique real rows"
                    : Plural.count(result.removed, "drawn row") + " copying a unique real row replaced"
            } else if isPrivate {
                // A differentially private sample is never compared with the real rows here.
                note = "rows equal to a real row are not looked for: that would read the real data after the private fit"
            } else if let training = model.training {
                let counts = try ExactMatch.uniqueReplicateMask(synthetic: table, training: training).filter { $0 }.count
                note = Plural.count(counts, "copy", "copies") + " of unique real rows kept, replicates=keep"
            } else {
                note = "training data not in this session: copies of real rows not checked"
            }
            return finish(table, note: note, model: model, context: context, removed: removeReplicates, replaced: replaced)
        } catch let error as ModelError {
            throw Diagnostic.error(error.description, at: context.call.verbSpan)
        }
    }

    /// Names the sample, warns about columns left empty, and reports what was drawn.
    /// `replaced`: rows drawn again because they copied a unique real row (nil: not looked for).
    private static func finish(_ sampled: Table, note: String, model: ModelValue, context: CommandContext,
                               removed removeReplicates: Bool, replaced: Int?) -> Value {
        var table = sampled
        let isPrivate = model.model.isDifferentiallyPrivate
        table.name = context.boundName ?? "synthetic"
        if let training = model.training, !isPrivate, context.call.condition == nil {
            for column in table.columns where column.count > 0 && column.missingCount == column.count {
                if let real = training.column(column.name), real.missingCount < real.count {
                    context.sink.diagnostic("warning: column '\(column.name)' is empty in the sample: every value of it in the real data is seen only once, so none can be released\n")
                }
            }
        }
        context.sink.output("\(table.name): \(Plural.count(table.rowCount, "synthetic row")) x \(Plural.count(table.columns.count, "column")) from \(model.model.method) (\(note))\n")
        var privacy = isPrivate ? "differentially private" : "not differentially private"
        if isPrivate && removeReplicates && model.training != nil {
            privacy = "differentially private fit, but copies of real rows removed using the real data (outside the guarantee)"
        }
        var value = TableValue(table: table, isSynthetic: true, provenance: "\(model.model.method), \(privacy)")
        value.replacedRows = replaced
        return .table(value)
    }

    /// Removing copies can take away whole kinds of rows: in a small table, most rows with a
    /// missing value may copy a real row. Says so when a column's missing share falls by half
    /// (and by at least 5 points), so the steward does not release a distorted marginal unawares.
    private static func warnAboutLostMissingValues(before: Table, after: Table, context: CommandContext) {
        guard before.rowCount > 0, after.rowCount > 0 else { return }
        for column in before.columns {
            guard let kept = after.column(column.name), column.kind != .identifier else { continue }
            let was = Double(column.missingCount) / Double(before.rowCount)
            let now = Double(kept.missingCount) / Double(after.rowCount)
            if was - now >= 0.05 && now < was / 2 {
                context.sink.diagnostic("warning: removing copies of real rows took the missing share of '\(column.name)' from "
                    + "\(NumberFormat.percent(was)) to \(NumberFormat.percent(now)): with so few columns, rows with it missing "
                    + "copy real ones (replicates=keep keeps them)\n")
            }
        }
    }

    /// "12 drawn rows set aside: 9 broke t.admit <= t.discharge, 3 copied a unique real row".
    private static func redrawNote(_ outcome: ConditionalSampling.Outcome, rules: [ConditionalSampling.Rule], private isPrivate: Bool) -> String {
        var parts = zip(rules, outcome.rejected).filter { $1 > 0 }.map { rule, count in
            rule.rejected(count)
        }
        if outcome.copies > 0 { parts.append("\(outcome.copies) copied a unique real row") }
        let redrawn = outcome.rejected.reduce(outcome.copies, +)
        // The share tells how much of the model a where filter or a rule cut away.
        let share = NumberFormat.percent(Double(redrawn) / Double(max(1, outcome.examined)))
        var note = parts.isEmpty ? "no row redrawn"
            : "\(redrawn) of \(outcome.examined) drawn rows (\(share)) set aside: " + parts.joined(separator: ", ")
        if isPrivate { note += "; rules are applied to the private sample alone" }
        return note
    }

    private static func rowCondition(_ expr: Expr, reference: Table?, context: CommandContext) -> RowCondition {
        let interpreter = context.interpreter
        let scope = context.arguments.scope
        var condition = RowCondition(expr: expr, text: ExprPrinter.render(expr)) { try interpreter.evaluate($0, in: scope) }
        condition.reference = reference
        return condition
    }

    /// Removes rows that copy a unique training row and draws replacements (from streams of
    /// `rng` that the first draw did not use) until `rows` rows are reached or the refills run
    /// out. Identifier surrogates are renumbered for the final table. `removed` counts only rows
    /// that were set aside and needed, not the unused rest of the last refill.
    private static func drawWithoutUniqueCopies(_ model: any SynthModel, rows: Int, first: Table, training: Table,
                                                rng: SeededRNG) throws -> (table: Table, removed: Int, drawn: Int) {
        var (table, removed) = try ExactMatch.removeUniqueReplicates(synthetic: first, training: training)
        var drawn = first.rowCount
        if removed == 0 { return (table, 0, drawn) }
        let refills = rng.stream(Int(Int32.max) - 1)
        // Identifier surrogates are renumbered at the end; until then their levels (one per
        // row, a million of them) are emptied so that each append does not merge them by text
        // (a second per refill round, and as long before Ctrl-C was answered).
        for field in model.schema where field.isIdentifier {
            if let i = table.index(of: field.name), table.columns[i].kind.isCoded {
                table.columns[i].levels = []
                table.columns[i].codes = [Int32](repeating: -1, count: table.rowCount)
            }
        }
        var round = 0
        while table.rowCount < rows && round < maximumRefills {
            try Cancellation.check()
            let need = rows - table.rowCount
            let extra = try model.sample(rows: max(need * 2, 64), rng: refills.stream(round))
            let mask = try ExactMatch.uniqueReplicateMask(synthetic: extra, training: training)
            var used: [Int] = []
            var examined = 0
            for (i, copies) in mask.enumerated() where used.count < need {
                examined = i + 1
                if copies { removed += 1 } else { used.append(i) }
            }
            if used.count < need { examined = mask.count }
            drawn += examined
            table = table.appending(extra.gather(used))
            round += 1
        }
        let identifiers = try SurrogateIdentifiers.regenerate(table, schema: model.schema, rng: refills.stream(-1))
        return (identifiers, removed, drawn)
    }
}

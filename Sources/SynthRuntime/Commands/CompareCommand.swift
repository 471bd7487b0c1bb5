// compare: fidelity, utility and privacy of a synthetic table against the real one, in the
// terminal and, on request, as a self-contained HTML report.

import SynthCore
import SynthData
import SynthEval
import SynthLang
import SynthModels
import SynthReport

enum CompareCommand: CommandRunner {
    static let name = "compare"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let real = try arguments.table("real")
        let synthetic = try arguments.table("synthetic")
        let details = try arguments.boolOption("details") ?? false
        for (table, expr) in [(real, "real"), (synthetic, "synthetic")] where table.table.rowCount == 0 {
            throw Diagnostic.error("'\(table.table.name)' has no rows to compare", at: arguments.argumentSpan(expr))
        }
        if real.isSynthetic && !synthetic.isSynthetic {
            throw Diagnostic.error("compare takes the real table first: '\(real.table.name)' is synthetic, '\(synthetic.table.name)' is real",
                                   at: arguments.argumentSpan("real"),
                                   hint: "compare \(synthetic.table.name) \(real.table.name)")
        }
        if !real.isSynthetic && !synthetic.isSynthetic {
            context.sink.diagnostic("warning: '\(synthetic.table.name)' holds real data, not a sample; its privacy figures describe real rows\n")
        }
        let shared = Set(real.table.columnNames).intersection(synthetic.table.columnNames)
        guard !shared.isEmpty else {
            throw Diagnostic.error("the two tables share no column names", at: context.call.verbSpan)
        }
        let holdout = try holdoutTable(arguments, real: real, context: context)
        let target = try targetColumn(arguments, real: real.table, holdout: holdout)
        context.sink.progress("comparing \(real.table.rowCount) real with \(synthetic.table.rowCount) synthetic rows...\n")
        let builder = ReportBuilder(real: real.table, synthetic: synthetic.table, holdout: holdout?.table, target: target,
                                    seed: context.session.seed ^ 0xC0_4BA2E, progress: context.sink.progress)
        let report: ComparisonReport
        do {
            report = try builder.build(method: synthetic.provenance)
        } catch let error as EvaluationError {
            throw Diagnostic.error(error.description, at: arguments.optionExpr("target")?.span ?? context.call.verbSpan)
        }
        if let reportPath = try arguments.stringOption("report") {
            try writeHTML(report, real: real.table, synthetic: synthetic.table, holdout: holdout?.table, to: reportPath, context: context)
        }
        if let name = context.boundName, !details {
            context.sink.output("\(name): report, overall quality \(NumberFormat.fixed(report.quality.overall, digits: 3))\n")
        } else {
            context.sink.output(CompareRenderer.render(report, details: details))
        }
        return .comparison(report)
    }

    /// `holdout=`: real rows the model never saw, with the real table's columns.
    private static func holdoutTable(_ arguments: CommandArguments, real: TableValue, context: CommandContext) throws -> TableValue? {
        guard let expr = arguments.optionExpr("holdout"), let value = try arguments.optionValue("holdout") else { return nil }
        guard case let .table(holdout) = value else {
            throw Diagnostic.error("holdout= needs a table, got \(value.typeName)", at: expr.span)
        }
        guard !holdout.isSynthetic else {
            throw Diagnostic.error("holdout= must hold real rows the model never saw, but '\(holdout.table.name)' is synthetic",
                                   at: expr.span)
        }
        guard holdout.table.rowCount > 0 else {
            throw Diagnostic.error("holdout '\(holdout.table.name)' has no rows; the privacy figures need real rows the model never saw",
                                   at: expr.span, hint: "split the real table: train, test = split \(real.table.name) train=0.7")
        }
        if let missing = real.table.columnNames.first(where: { holdout.table.index(of: $0) == nil }) {
            throw Diagnostic.error("holdout '\(holdout.table.name)' lacks column '\(missing)' of '\(real.table.name)'", at: expr.span,
                                   hint: "split the real table: train, test = split \(real.table.name) train=0.7")
        }
        // A holdout that holds the training rows would make every attack look like its control.
        let shared = try ExactMatch.replicateMask(synthetic: holdout.table, training: real.table).filter { $0 }.count
        if Double(shared) >= 0.5 * Double(holdout.table.rowCount) {
            throw Diagnostic.error("holdout '\(holdout.table.name)' repeats \(shared) of its \(holdout.table.rowCount) rows from '\(real.table.name)'; the privacy figures need rows the model never saw",
                                   at: expr.span, hint: "split the real table first: train, test = split \(real.table.name) train=0.7")
        }
        if Double(shared) > 0.1 * Double(holdout.table.rowCount) {
            context.sink.diagnostic("warning: holdout '\(holdout.table.name)' repeats \(shared) of its \(holdout.table.rowCount) rows from '\(real.table.name)'; privacy risks will look smaller than they are\n")
        }
        return holdout
    }

    /// `target=`: a column of the real table, predicted in train-synthetic-test-real.
    private static func targetColumn(_ arguments: CommandArguments, real: Table, holdout: TableValue?) throws -> String? {
        guard let target = try arguments.wordOption("target") else { return nil }
        let span = arguments.optionSpan("target")
        guard real.index(of: target) != nil else {
            throw Diagnostic.error("unknown column '\(target)' in \(real.name)", at: span,
                                   hint: Suggestion.hint(for: target, in: real.columnNames))
        }
        guard holdout != nil else {
            throw Diagnostic.error("target= needs holdout=: the model is tested on real rows it never saw", at: span)
        }
        return target
    }

    private static func writeHTML(_ report: ComparisonReport, real: Table, synthetic: Table, holdout: Table?, to path: String,
                                  context: CommandContext) throws {
        let session = context.session
        let inputs = [real.source, holdout?.source].compactMap { $0 }.uniqued().compactMap(Provenance.Input.hashing(path:))
        var script: String?
        if let origin = session.currentOrigin, origin != "<repl>", origin != "<stdin>" {
            script = session.sources[origin]
        } else {
            script = (session.transcript + [context.call.verb + " ..."]).joined(separator: "\n")
        }
        let provenance = Provenance(inputs: inputs, script: script, seed: session.seed, version: SynthVersion.current,
                                    privacyLedger: session.privacy.map(LedgerRenderer.render))
        let html = HTMLReport.render(report, real: real, synthetic: synthetic, provenance: provenance)
        let span = context.arguments.optionExpr("report")?.span ?? context.call.verbSpan
        let notes = try OutputFile.write(Array(html.utf8), to: path, at: span, session: session)
        context.sink.output(OutputFile.wrote(path, "HTML report", notes: notes))
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

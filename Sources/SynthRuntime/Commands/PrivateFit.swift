// PrivateFit: `fit t method=mst epsilon=E`, priced against the privacy budget before the data
// is read, and recorded in the ledger once it succeeds.

import SynthCore
import SynthData
import SynthLang
import SynthModels

enum PrivateFit {
    static func run(_ context: CommandContext, table: TableValue, identifiers: IdentifierPolicy) throws -> Value {
        let arguments = context.arguments
        let call = context.call
        let ledger = try context.session.openLedger(for: "method=mst", at: call.verbSpan)
        guard let epsilonExpr = arguments.optionExpr("epsilon"), let epsilon = try arguments.positiveNumberOption("epsilon") else {
            throw Diagnostic.error("method=mst needs epsilon=, the share of the budget this fit spends", at: call.verbSpan,
                                   hint: "epsilon \(PrivacyLedger.formatted(ledger.remainingEpsilon)) remains; describe privacy shows the ledger")
        }
        let missing = MSTSynthesizer.columnsWithoutDomain(table.table)
        if !missing.isEmpty {
            let variable = arguments.expression("table").map(ExprPrinter.render) ?? "t"
            throw Diagnostic.error("method=mst needs a declared domain for every column; missing: " + missing.joined(separator: ", "),
                                   at: arguments.argumentSpan("table"),
                                   hint: "declare them first, e.g. domain \(variable).\(missing[0]) 0..100 or domain \(variable).\(missing[0]) [\"a\", \"b\"]; see help domain")
        }
        let rho = try context.session.price(epsilon: epsilon, for: "method=mst", at: epsilonExpr.span)
        var options = MSTFitOptions(epsilon: epsilon, delta: ledger.delta, rho: rho)
        options.identifiers = identifiers
        options.seed = context.session.privateMechanismSeed()
        context.sink.progress("fitting mst (epsilon \(PrivacyLedger.formatted(epsilon))) on \(MSTSynthesizer.modelledColumns(table.table).count) columns...\n")
        let fit: MSTSynthesizer.Fit
        do {
            fit = try MSTSynthesizer.fit(table.table, options: options)
        } catch let error as ModelError {
            throw Diagnostic.error(error.description, at: arguments.argumentSpan("table"))
        }
        let name = arguments.expression("table").map(ExprPrinter.render) ?? "table"
        context.session.recordSpend("fit \(name) method=mst", epsilon: epsilon, rho: rho, writtenAt: call.verbSpan)
        let model = fit.model
        FitCommand.reportFitted(model, context: context)
        if let summary = fit.leftOut.summary {
            // For the steward's eyes: the release holds neither these rows nor their count.
            context.sink.diagnostic("warning: \(summary) (declare the level, other=, or missing=true; "
                + "this count is for you, not in the model file)\n")
        }
        context.sink.output("  spent epsilon \(PrivacyLedger.formatted(epsilon)) (rho \(PrivacyLedger.formatted(rho))); "
            + "epsilon \(PrivacyLedger.formatted(context.session.privacy?.remainingEpsilon ?? 0)) remains\n")
        var value = ModelValue(model: model, training: table.table)
        value.leftOut = fit.leftOut
        return .model(value)
    }
}

// fit: learn a generative model of a table (sequential CART by default, or a Gaussian copula).

import Foundation
import SynthCore
import SynthData
import SynthLang
import SynthModels
import SynthReport

enum FitCommand: CommandRunner {
    static let name = "fit"
    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let table = try arguments.table("table")
        let method = try arguments.wordOption("method") ?? "cart"
        let identifiers: IdentifierPolicy = try arguments.wordOption("identifiers") == "drop" ? .drop : .regenerate
        if let problem = FitOptionsCheck.problems(context.call, columns: table.table.columnNames).first {
            throw problem
        }
        let tableSpan = arguments.expression("table")?.span ?? context.call.verbSpan
        try MemoryEstimate.check(MemoryEstimate.fit(table.table, method: method), for: "fitting \(method)", at: tableSpan)
        if method == "mst" {
            return try PrivateFit.run(context, table: table, identifiers: identifiers)
        }
        let cart = method == "copula" ? nil : try cartOptions(arguments)
        let seed = context.session.nextSeed()
        context.sink.progress("fitting \(method) on \(table.table.rowCount) rows x \(table.table.columns.count) columns...\n")
        let model: any SynthModel
        do {
            if var options = cart {
                options.identifiers = identifiers
                options.seed = seed
                model = try SequentialCART.fit(table.table, options: options)
            } else {
                model = try GaussianCopula.fit(table.table, options: CopulaOptions(identifiers: identifiers, seed: seed))
            }
        } catch let error as ModelError {
            // Blame the option a model error is about, else the table.
            let option = ["visit", "predictors"].first { error.description.hasPrefix($0) }
            let span = option.flatMap { arguments.optionExpr($0)?.span } ?? arguments.argumentSpan("table")
            throw Diagnostic.error(error.description, at: span)
        }
        reportFitted(model, context: context)
        return .model(ModelValue(model: model, training: table.table))
    }

    /// The headline of a fitted model and the columns it left out.
    static func reportFitted(_ model: any SynthModel, context: CommandContext) {
        context.sink.output(ModelRenderer.headline(model, name: context.boundName ?? "model") + "\n")
        let left = model.schema.filter { !model.modelledColumns.contains($0.name) }.map { field -> String in
            let why = field.isIdentifier ? "identifier" : field.kind == .text ? "free text" : "not in visit="
            return "\(field.name) (\(why))"
        }
        if !left.isEmpty { context.sink.output("  not modelled: " + left.joined(separator: ", ") + "\n") }
    }

    /// CART options from the call; column names were checked by `FitOptionsCheck`.
    private static func cartOptions(_ arguments: CommandArguments) throws -> CARTOptions {
        var options = CARTOptions()
        if let smooth = try arguments.boolOption("smooth") { options.smooth = smooth }
        if let proper = try arguments.boolOption("proper") { options.proper = proper }
        if let minBucket = try arguments.integerOption("minbucket", range: 1...1_000_000) { options.minBucket = minBucket }
        if let maxDepth = try arguments.integerOption("maxdepth", range: 1...200) { options.maxDepth = maxDepth }
        if let expr = arguments.optionExpr("cp"), let value = try arguments.optionValue("cp") {
            guard case let .number(cp) = value, cp >= 0, cp <= 1 else {
                throw Diagnostic.error("cp= must be between 0 and 1, got \(ValueRenderer.render(value))", at: expr.span)
            }
            options.cp = cp
        }
        options.highCardinalityLast = try arguments.wordOption("order") == "cardinality"
        options.visit = try arguments.stringListOption("visit")
        if let entries = try arguments.stringListOption("predictors") {
            var predictors: [String: [String]] = [:]
            for entry in entries {
                guard let (target, names) = FitOptionsCheck.parsePredictors(entry) else {
                    throw Diagnostic.error("predictors= entries look like \"column:a,b\", got \"\(entry)\"",
                                           at: arguments.optionSpan("predictors"))
                }
                predictors[target] = names
            }
            options.predictors = predictors
        }
        return options
    }
}

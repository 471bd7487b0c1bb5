// fit: learn a generative model of a table (sequential CART by default, or a Gaussian copula).

import Foundation
import SynthCore
import SynthData
import SynthLang
import SynthModels
import SynthReport

enum FitCommand: CommandRunner {
    static let name = "fit"
    /// Options that only sequential CART reads.
    static let cartOptions = ["smooth", "proper", "minbucket", "cp", "maxdepth", "visit", "order", "predictors"]

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let table = try arguments.table("table")
        let method = try arguments.wordOption("method") ?? "cart"
        let identifiers: IdentifierPolicy = try arguments.wordOption("identifiers") == "drop" ? .drop : .regenerate
        let seed = context.session.nextSeed()
        context.sink.progress("fitting \(method) on \(table.table.rowCount) rows x \(table.table.columns.count) columns...\n")
        let model: any SynthModel
        do {
            switch method {
            case "copula":
                if let misplaced = context.call.options.first(where: { cartOptions.contains($0.name) }) {
                    throw Diagnostic.error("\(misplaced.name)= applies to method=cart", at: misplaced.nameSpan)
                }
                model = try GaussianCopula.fit(table.table, options: CopulaOptions(identifiers: identifiers, seed: seed))
            default:
                var options = try cartOptions(arguments, table: table.table)
                options.identifiers = identifiers
                options.seed = seed
                model = try SequentialCART.fit(table.table, options: options)
            }
        } catch let error as ModelError {
            throw Diagnostic.error(error.description, at: arguments.expression("table")!.span)
        }
        context.sink.output(ModelRenderer.headline(model, name: context.boundName ?? "model") + "\n")
        return .model(ModelValue(model: model, training: table.table))
    }

    private static func cartOptions(_ arguments: CommandArguments, table: Table) throws -> CARTOptions {
        var options = CARTOptions()
        if let smooth = try arguments.boolOption("smooth") { options.smooth = smooth }
        if let proper = try arguments.boolOption("proper") { options.proper = proper }
        if let minBucket = try arguments.integerOption("minbucket", range: 1...1_000_000) { options.minBucket = minBucket }
        if let maxDepth = try arguments.integerOption("maxdepth", range: 1...200) { options.maxDepth = maxDepth }
        if let expr = arguments.optionExpr("cp"), let value = try arguments.optionValue("cp") {
            guard case let .number(cp) = value, cp >= 0, cp < 1 else {
                throw Diagnostic.error("cp= needs a number from 0 up to 1", at: expr.span)
            }
            options.cp = cp
        }
        options.highCardinalityLast = try arguments.wordOption("order") == "cardinality"
        if let visit = try arguments.stringListOption("visit") {
            let span = arguments.optionExpr("visit")!.span
            for column in visit where table.index(of: column) == nil {
                throw Diagnostic.error("visit= names column '\(column)', which \(table.name) does not have", at: span,
                                       hint: Suggestion.hint(for: column, in: table.columnNames))
            }
            options.visit = visit
        }
        if let entries = try arguments.stringListOption("predictors") {
            let span = arguments.optionExpr("predictors")!.span
            var predictors: [String: [String]] = [:]
            for entry in entries {
                let parts = entry.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw Diagnostic.error("predictors= entries look like \"column:a,b\", got \"\(entry)\"", at: span)
                }
                let names = parts[1].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                for column in [parts[0]] + names where table.index(of: column) == nil {
                    throw Diagnostic.error("predictors= names column '\(column)', which \(table.name) does not have", at: span,
                                           hint: Suggestion.hint(for: column, in: table.columnNames))
                }
                predictors[parts[0]] = names
            }
            options.predictors = predictors
        }
        return options
    }
}

// fit: learn a generative model of a table.

import SynthCore
import SynthData
import SynthModels
import SynthReport

enum FitCommand: CommandRunner {
    static let name = "fit"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let table = try arguments.table("table")
        let method = try arguments.wordOption("method") ?? "copula"
        var options = CopulaOptions()
        options.seed = context.session.nextSeed()
        if let policy = try arguments.wordOption("identifiers") {
            options.identifiers = policy == "drop" ? .drop : .regenerate
        }
        guard method == "copula" else {
            throw Diagnostic.error("unknown method '\(method)'", at: arguments.optionExpr("method")!.span)
        }
        context.sink.progress("fitting \(method) on \(table.table.rowCount) rows x \(table.table.columns.count) columns...\n")
        let model: CopulaModel
        do {
            model = try GaussianCopula.fit(table.table, options: options)
        } catch let error as ModelError {
            throw Diagnostic.error(error.description, at: arguments.expression("table")!.span)
        }
        context.sink.output(ModelRenderer.headline(model, name: context.boundName ?? "model") + "\n")
        return .model(ModelValue(model: model, training: table.table))
    }
}

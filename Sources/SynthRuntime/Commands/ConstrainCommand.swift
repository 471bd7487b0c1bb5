// constrain: attach a rule that every row sampled from a model must satisfy.

import SynthCore
import SynthData
import SynthLang
import SynthModels

enum ConstrainCommand: CommandRunner {
    static let name = "constrain"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let modelExpr = arguments.expression("model"), case let .name(variable, _) = modelExpr else {
            throw Diagnostic.error("constrain needs a model variable", at: arguments.expression("model")?.span ?? context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        var model = try arguments.model("model")
        guard let condition = context.call.condition else {
            throw Diagnostic.error("constrain needs a rule, such as t.admit <= t.discharge", at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        // Every column the rule reads must be one the model draws.
        let drawn = model.model.schema.map(\.name)
        let columns = RowCondition.columns(in: condition)
        guard !columns.isEmpty else {
            throw Diagnostic.error("a rule must name at least one column, as table.column", at: condition.span)
        }
        for (name, span) in columns where !drawn.contains(name) {
            throw Diagnostic.error("the model has no column '\(name)'", at: span, hint: Suggestion.hint(for: name, in: drawn))
        }
        let text = ExprPrinter.render(condition)
        // Try the rule on a few drawn rows now, so a rule that cannot be evaluated (a text
        // compared with numbers, an unknown level, fixed() of one column) fails here, not at sample.
        let interpreter = context.interpreter
        let evaluationScope = arguments.scope
        var trial = RowCondition(expr: condition, text: text) { try interpreter.evaluate($0, in: evaluationScope) }
        trial.reference = model.model.isDifferentiallyPrivate ? nil : model.training
        if model.model.isDifferentiallyPrivate && condition.contains(where: { if case .call("fixed", _, _) = $0 { return true } else { return false } }) {
            throw Diagnostic.error("fixed() reads the real combinations, and a differentially private model never reads the real data again",
                                   at: condition.span, hint: "declare the allowed values with domain instead")
        }
        let trialRows: Table
        do {
            trialRows = try model.model.sample(rows: 8, rng: SeededRNG(seed: 0))
        } catch let error as ModelError {
            // A model that cannot be sampled says why here, as sample would.
            throw Diagnostic.error(error.description, at: modelExpr.span)
        }
        _ = try trial.evaluate(trialRows, undecidedMeets: true)
        model.constraints.append(Constraint(condition: condition, text: text))
        context.interpreter.assign(variable, .model(model), in: &scope)
        context.sink.output("\(variable): every sampled row will satisfy \(text) (\(Plural.count(model.constraints.count, "rule")))\n")
        return .nothing
    }
}

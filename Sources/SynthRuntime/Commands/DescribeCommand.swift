// describe: a column-by-column summary of a table, or what a model holds.

import SynthCore
import SynthData
import SynthLang
import SynthReport

enum DescribeCommand: CommandRunner {
    static let name = "describe"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let value = try context.arguments.value("value")
        switch value {
        case let .table(table):
            let summaries = TableSummary.summarize(table.table)
            context.sink.output(DescribeRenderer.render(table.table, summaries: summaries,
                                                        findings: table.identifierFindings,
                                                        synthetic: table.isSynthetic))
        case let .model(model):
            context.sink.output(ModelRenderer.render(model.model, name: context.call.arguments.first.map(nameOf) ?? "model"))
        case let .comparison(report):
            context.sink.output(CompareRenderer.render(report, details: true))
        default:
            context.sink.output(ValueRenderer.render(value) + "\n")
        }
        return .nothing
    }

    private static func nameOf(_ expr: SynthLang.Expr) -> String {
        if case let .name(name, _) = expr { return name }
        return "model"
    }
}

// compare: fidelity of a synthetic table against the real one, with privacy next to it.

import SynthCore
import SynthEval
import SynthReport

enum CompareCommand: CommandRunner {
    static let name = "compare"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let real = try arguments.table("real")
        let synthetic = try arguments.table("synthetic")
        let details = try arguments.boolOption("details") ?? false
        for (table, expr) in [(real, "real"), (synthetic, "synthetic")] where table.table.rowCount == 0 {
            throw Diagnostic.error("'\(table.table.name)' has no rows to compare", at: arguments.expression(expr)!.span)
        }
        if real.isSynthetic && !synthetic.isSynthetic {
            throw Diagnostic.error("compare takes the real table first: '\(real.table.name)' is synthetic, '\(synthetic.table.name)' is real",
                                   at: arguments.expression("real")!.span,
                                   hint: "compare \(synthetic.table.name) \(real.table.name)")
        }
        if !real.isSynthetic && !synthetic.isSynthetic {
            context.sink.diagnostic("warning: '\(synthetic.table.name)' holds real data, not a sample; its privacy figures describe real rows\n")
        }
        let shared = Set(real.table.columnNames).intersection(synthetic.table.columnNames)
        guard !shared.isEmpty else {
            throw Diagnostic.error("the two tables share no column names", at: context.call.verbSpan)
        }
        context.sink.progress("comparing \(real.table.rowCount) real with \(synthetic.table.rowCount) synthetic rows...\n")
        let report = ComparisonReport.make(real: real.table, synthetic: synthetic.table, method: synthetic.provenance)
        if context.boundName == nil {
            context.sink.output(CompareRenderer.render(report, details: details))
        } else {
            context.sink.output("\(context.boundName!): report, overall quality \(NumberFormat.fixed(report.quality.overall, digits: 3))\n")
        }
        return .comparison(report)
    }
}

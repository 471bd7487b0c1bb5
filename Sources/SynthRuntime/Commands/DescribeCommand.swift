// describe: a column-by-column summary of a table, or what a model holds.

import SynthCore
import SynthData
import SynthLang
import SynthModels
import SynthReport

enum DescribeCommand: CommandRunner {
    static let name = "describe"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        if isLedgerRequest(context.call.arguments.first, context: context, scope: scope) {
            context.sink.output(LedgerRenderer.render(context.session.privacy))
            return .nothing
        }
        let value = try context.arguments.value("value")
        switch value {
        case let .table(table):
            let summaries = TableSummary.summarize(table.table)
            context.sink.output(DescribeRenderer.render(table.table, summaries: summaries,
                                                        findings: table.identifierFindings,
                                                        synthetic: table.isSynthetic))
            if !table.isSynthetic, context.session.privacy != nil || table.table.columns.contains(where: { $0.domain != nil }) {
                context.sink.output(domainNote(table.table))
            }
            if table.isSynthetic {
                context.sink.output(sampleNote(table))
            }
        case let .model(model):
            context.sink.output(ModelRenderer.render(model.model, name: context.call.arguments.first.map(nameOf) ?? "model"))
            if let leftOut = model.leftOut {
                context.sink.output(ModelRenderer.leftOutNote(leftOut))
            }
        case let .comparison(report):
            context.sink.output(CompareRenderer.render(report, details: true))
        default:
            context.sink.output(ValueRenderer.render(value) + "\n")
        }
        return .nothing
    }

    /// `describe privacy` asks for the ledger, unless a variable is named privacy.
    static func isLedgerRequest(_ expr: Expr?, context: CommandContext, scope: Scope) -> Bool {
        guard case .name("privacy", _)? = expr else { return false }
        return context.interpreter.lookup("privacy", in: scope) == nil
    }

    /// Which columns a private fit could use, and which still need a declared domain.
    private static func domainNote(_ table: Table) -> String {
        let modelled = MSTSynthesizer.modelledColumns(table)
        let missing = MSTSynthesizer.columnsWithoutDomain(table)
        guard !missing.isEmpty else {
            return "  domains: declared for all \(modelled.count) modelled columns (method=mst can fit)\n"
        }
        return "  warning: method=mst needs a domain for \(missing.joined(separator: ", ")) "
            + "(\(modelled.count - missing.count) of \(modelled.count) declared; see help domain)\n"
    }

    /// How the sample came to be, and how many drawn rows were replaced because they copied a
    /// unique real row.
    private static func sampleNote(_ table: TableValue) -> String {
        var out = table.provenance.map { "  made by: \($0)\n" } ?? ""
        if let replaced = table.replacedRows, replaced > 0 {
            out += "  replaced: \(Plural.count(replaced, "drawn row")) that copied a unique real row (one no other real row equals), "
                + "each by a fresh draw (replicates=remove)\n"
        } else if table.replacedRows != nil {
            out += "  replaced: none (no drawn row copied a unique real row)\n"
        } else {
            out += "  replaced: none looked for (replicates=keep, a private model, or a model without its training data)\n"
        }
        return out
    }

    private static func nameOf(_ expr: SynthLang.Expr) -> String {
        if case let .name(name, _) = expr { return name }
        return "model"
    }
}

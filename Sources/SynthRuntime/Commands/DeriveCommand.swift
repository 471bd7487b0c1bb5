// derive: add (or replace) a column computed from other columns of the same table.

import SynthCore
import SynthData
import SynthLang

enum DeriveCommand: CommandRunner {
    static let name = "derive"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let columnExpr = arguments.expression("column") else {
            throw Diagnostic.error("missing argument <table.column>", at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        let reference = try arguments.columnReference(columnExpr)
        // A file needs a name in its header for every column, or load cannot read it back.
        guard !reference.column.isEmpty else {
            throw Diagnostic.error("a column needs a name; t.\"\" has none", at: reference.span)
        }
        guard let expression = context.call.condition else {
            throw Diagnostic.error("derive needs '= <expression>' after the column", at: columnExpr.span,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        var table = try TableLookup.table(reference.variable, at: columnExpr.span, context: context, scope: scope)
        for (name, span) in RowCondition.columns(in: expression) where table.table.index(of: name) == nil {
            throw Diagnostic.error("unknown column '\(name)' in \(reference.variable)", at: span,
                                   hint: Suggestion.hint(for: name, in: table.table.columnNames))
        }
        let interpreter = context.interpreter
        let evaluationScope = arguments.scope
        let condition = RowCondition(expr: expression, text: ExprPrinter.render(expression)) {
            try interpreter.evaluate($0, in: evaluationScope)
        }
        var column = try condition.column(named: reference.column, in: table.table)
        let replaced = table.table.index(of: reference.column)
        if let replaced { column.role = table.table.columns[replaced].role }
        // A column computed from an identifier carries it (a copy, a prefix, a sum): it is an
        // identifier too, or `derive t.copy = t.mrn` would carry record numbers into a model.
        let sources = RowCondition.columns(in: expression).compactMap { table.table.column($0.name) }
        let fromIdentifier = sources.first { $0.isIdentifier }?.name
        if fromIdentifier != nil { column.role = .identifier }
        if let replaced {
            table.table.columns[replaced] = column
        } else {
            table.table.columns.append(column)
        }
        context.interpreter.assign(reference.variable, .table(table), in: &scope)
        let missing = column.missingCount
        context.sink.output("\(reference.variable).\(reference.column) = \(condition.text): \(column.kind.rawValue)"
            + (replaced == nil ? "" : ", replacing the column")
            + (missing > 0 ? ", \(Plural.count(missing, "missing value"))" : "")
            + (fromIdentifier.map { "; an identifier, as it is computed from \($0), and never modelled" } ?? "") + "\n")
        return .nothing
    }
}

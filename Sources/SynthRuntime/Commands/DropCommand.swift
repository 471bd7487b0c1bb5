// drop: a copy of a table without the named columns.

import SynthCore
import SynthData
import SynthLang

enum DropCommand: CommandRunner {
    static let name = "drop"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let expressions = context.arguments.expressions("columns")
        guard let first = expressions.first else {
            throw Diagnostic.error("missing argument: drop needs <table.column>", at: context.call.verbSpan)
        }
        let variable = try context.arguments.columnReference(first).variable
        var table = try TableLookup.table(variable, at: first.span, context: context, scope: scope)
        var names: [String] = []
        for expr in expressions {
            let reference = try context.arguments.columnReference(expr)
            guard reference.variable == variable else {
                throw Diagnostic.error("drop takes columns of one table ('\(variable)')", at: expr.span)
            }
            _ = try TableLookup.columnIndex(reference.column, in: table.table, at: reference.span)
            guard !names.contains(reference.column) else {
                throw Diagnostic.error("column '\(reference.column)' is named twice", at: reference.span)
            }
            names.append(reference.column)
        }
        table.table = table.table.dropping(columns: names)
        table.identifierFindings.removeAll { names.contains($0.column) }
        return .table(table)
    }
}

// role: set a column's role; identifier columns never reach a model.

import SynthCore
import SynthData
import SynthLang

enum RoleCommand: CommandRunner {
    static let name = "role"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let columnExpr = arguments.expression("column"), let roleExpr = arguments.expression("role") else {
            throw Diagnostic.error("missing argument", at: context.call.verbSpan, hint: "usage: \(arguments.signature.usage)")
        }
        let reference = try arguments.columnReference(columnExpr)
        guard case let .name(word, wordSpan) = roleExpr, let role = ColumnRole(rawValue: word) else {
            throw Diagnostic.error("unknown role", at: roleExpr.span,
                                   hint: "roles: " + CommandTable.roles.joined(separator: ", "))
        }
        _ = wordSpan
        var table = try TableLookup.table(reference.variable, at: columnExpr.span, context: context, scope: scope)
        let index = try TableLookup.columnIndex(reference.column, in: table.table, at: reference.span)
        table.table.columns[index].role = role
        context.interpreter.assign(reference.variable, .table(table), in: &scope)
        context.sink.output("\(reference.variable).\(reference.column): role \(role.rawValue)\n")
        return .nothing
    }
}

/// Finding tables and columns named in command arguments, with did-you-mean errors.
enum TableLookup {
    static func table(_ variable: String, at span: SourceSpan, context: CommandContext, scope: Scope) throws -> TableValue {
        guard let value = context.interpreter.lookup(variable, in: scope) else {
            throw Diagnostic.error("unknown variable '\(variable)'", at: span,
                                   hint: Suggestion.hint(for: variable, in: context.interpreter.visibleNames(scope)))
        }
        guard case let .table(table) = value else {
            throw Diagnostic.error("'\(variable)' is \(value.typeName), not a table", at: span)
        }
        return table
    }

    static func columnIndex(_ column: String, in table: Table, at span: SourceSpan) throws -> Int {
        guard let index = table.index(of: column) else {
            throw Diagnostic.error("unknown column '\(column)' in \(table.name)", at: span,
                                   hint: Suggestion.hint(for: column, in: table.columnNames))
        }
        return index
    }
}

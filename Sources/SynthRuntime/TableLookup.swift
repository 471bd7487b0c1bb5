// TableLookup: tables and columns named in command arguments, found with did-you-mean errors.

import SynthCore
import SynthData
import SynthLang

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

    /// The table column a `table.column` argument names, looked up with located errors.
    static func column(_ expr: Expr, arguments: CommandArguments, context: CommandContext, scope: Scope) throws -> ColumnTarget {
        let reference = try arguments.columnReference(expr)
        let table = try table(reference.variable, at: expr.span, context: context, scope: scope)
        let index = try columnIndex(reference.column, in: table.table, at: reference.span)
        return ColumnTarget(variable: reference.variable, name: reference.column, span: reference.span, table: table, index: index)
    }
}

/// A column a command changes in place: its table variable, the table and the column's position.
struct ColumnTarget {
    let variable: String
    let name: String
    /// The span of the column's name, to blame.
    let span: SourceSpan
    var table: TableValue
    let index: Int

    var column: Column {
        get { table.table.columns[index] }
        set { table.table.columns[index] = newValue }
    }

    /// "t.age", as messages name it.
    var label: String { "\(variable).\(name)" }
}

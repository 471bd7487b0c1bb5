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
        _ = try arguments.columnReference(columnExpr)
        guard case let .name(word, _) = roleExpr, let role = ColumnRole(rawValue: word) else {
            throw Diagnostic.error("unknown role", at: roleExpr.span,
                                   hint: "roles: " + CommandTable.roles.joined(separator: ", "))
        }
        var target = try TableLookup.column(columnExpr, arguments: arguments, context: context, scope: scope)
        target.column.role = role
        context.interpreter.assign(target.variable, .table(target.table), in: &scope)
        context.sink.output("\(target.label): role \(role.rawValue)\n")
        return .nothing
    }
}

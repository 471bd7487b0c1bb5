// Expression evaluation: literals, names, arithmetic, comparison, logic, `in`, calls.

import SynthCore
import SynthLang

extension Interpreter {
    func evaluate(_ expr: Expr, in scope: Scope) throws -> Value {
        switch expr {
        case let .number(value, _): return .number(value)
        case let .string(value, _): return .string(value)
        case let .bool(value, _): return .bool(value)
        case let .list(items, _): return .list(try items.map { try evaluate($0, in: scope) })
        case let .name(name, span):
            guard let value = lookup(name, in: scope) else {
                throw Diagnostic.error("unknown variable '\(name)'", at: span,
                                       hint: Suggestion.hint(for: name, in: visibleNames(scope)))
            }
            return value
        case let .member(_, column, span):
            throw Diagnostic.error("'\(column)' is a column; columns are arguments of commands such as role and drop",
                                   at: span)
        case let .unary(op, operand, span):
            let value = try evaluate(operand, in: scope)
            switch (op, value) {
            case let (.negate, .number(x)): return .number(-x)
            case let (.not, .bool(b)): return .bool(!b)
            default:
                throw Diagnostic.error("'\(op.rawValue)' does not apply to \(value.typeName)", at: span)
            }
        case let .binary(op, lhs, rhs, span):
            return try binary(op, try evaluate(lhs, in: scope), try evaluate(rhs, in: scope), at: span)
        case let .call(name, arguments, span):
            let values = try arguments.map { try evaluate($0, in: scope) }
            if let builtin = Builtins.all[name] {
                return try builtin(values, span)
            }
            guard let definition = session.procedures[name] else {
                throw Diagnostic.error("unknown procedure '\(name)'", at: span,
                                       hint: Suggestion.hint(for: name, in: procedureNames))
            }
            return try callProcedure(definition, arguments: values, at: span)
        case let .index(_, _, span):
            throw Diagnostic.error("t[name] names a column; columns are arguments of commands such as topcode and derive", at: span)
        case let .range(_, _, span):
            throw Diagnostic.error("a range such as 0..120 is only an argument of domain", at: span)
        }
    }

    /// The most bytes a string may hold and items a list may hold: a script that doubles one
    /// line after line (`x = x + x`) stops with an error instead of exhausting memory, and a
    /// million is ten times the levels a domain may declare.
    static let maximumStringBytes = 100_000_000
    static let maximumListLength = 1_000_000

    var procedureNames: [String] { (Array(session.procedures.keys) + Array(Builtins.all.keys)).sorted() }

    func visibleNames(_ scope: Scope) -> [String] {
        (Array(scope.locals?.keys ?? [:].keys) + session.variableNames).sorted()
    }

    private func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, at span: SourceSpan) throws -> Value {
        switch (op, a, b) {
        case let (.add, .number(x), .number(y)): return .number(x + y)
        case let (.subtract, .number(x), .number(y)): return .number(x - y)
        case let (.multiply, .number(x), .number(y)): return .number(x * y)
        case let (.divide, .number(x), .number(y)):
            guard y != 0 else { throw Diagnostic.error("division by zero", at: span) }
            return .number(x / y)
        case let (.remainder, .number(x), .number(y)):
            guard y != 0 else { throw Diagnostic.error("division by zero", at: span) }
            return .number(x.truncatingRemainder(dividingBy: y))
        case let (.add, .string(x), .string(y)):
            guard x.utf8.count + y.utf8.count <= Self.maximumStringBytes else {
                throw Diagnostic.error("a string may hold at most \(Self.maximumStringBytes) bytes; this one would hold "
                                       + "\(x.utf8.count + y.utf8.count)", at: span)
            }
            return .string(x + y)
        case let (.add, .list(x), .list(y)):
            guard x.count + y.count <= Self.maximumListLength else {
                throw Diagnostic.error("a list may hold at most \(Self.maximumListLength) items; this one would hold \(x.count + y.count)",
                                       at: span)
            }
            return .list(x + y)
        case let (.and, .bool(x), .bool(y)): return .bool(x && y)
        case let (.or, .bool(x), .bool(y)): return .bool(x || y)
        case (.equal, _, _): return .bool(try equal(a, b, at: span))
        case (.notEqual, _, _): return .bool(!(try equal(a, b, at: span)))
        case let (.less, .number(x), .number(y)): return .bool(x < y)
        case let (.lessEqual, .number(x), .number(y)): return .bool(x <= y)
        case let (.greater, .number(x), .number(y)): return .bool(x > y)
        case let (.greaterEqual, .number(x), .number(y)): return .bool(x >= y)
        case let (.less, .string(x), .string(y)): return .bool(x < y)
        case let (.lessEqual, .string(x), .string(y)): return .bool(x <= y)
        case let (.greater, .string(x), .string(y)): return .bool(x > y)
        case let (.greaterEqual, .string(x), .string(y)): return .bool(x >= y)
        case let (.in, _, .list(items)):
            return .bool(try items.contains { try equal(a, $0, at: span) })
        case let (.in, .string(x), .string(y)): return .bool(y.contains(x))
        default:
            throw Diagnostic.error("'\(op.rawValue)' does not apply to \(a.typeName) and \(b.typeName)", at: span)
        }
    }

    private func equal(_ a: Value, _ b: Value, at span: SourceSpan) throws -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case let (.list(x), .list(y)):
            return try x.count == y.count && zip(x, y).allSatisfy { try equal($0, $1, at: span) }
        case (.nothing, .nothing): return true
        case (.number, _), (.string, _), (.bool, _), (.list, _), (.nothing, _): return false
        default:
            throw Diagnostic.error("cannot compare \(a.typeName) with \(b.typeName)", at: span)
        }
    }
}

/// Functions built into the language.
enum Builtins {
    typealias Function = @Sendable ([Value], SourceSpan) throws -> Value

    static let all: [String: Function] = [
        "rows": { args, span in
            guard args.count == 1, case let .table(t) = args[0] else {
                throw Diagnostic.error("rows(t) takes one table", at: span)
            }
            return .number(Double(t.table.rowCount))
        },
        "columns": { args, span in
            guard args.count == 1, case let .table(t) = args[0] else {
                throw Diagnostic.error("columns(t) takes one table", at: span)
            }
            return .list(t.table.columnNames.map { .string($0) })
        },
        "len": { args, span in
            guard args.count == 1 else { throw Diagnostic.error("len(x) takes one list or string", at: span) }
            switch args[0] {
            case let .list(items): return .number(Double(items.count))
            case let .string(text): return .number(Double(text.count))
            default: throw Diagnostic.error("len(x) takes one list or string, got \(args[0].typeName)", at: span)
            }
        },
    ]
}

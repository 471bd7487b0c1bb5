// AST: the syntax tree of a synth program. Every node carries its source span.

import SynthCore

/// Binary operators of the expression language, lowest precedence first:
/// `or`, `and`, comparisons and `in`, `+ -`, `* / %`.
public enum BinaryOperator: String, Sendable, Equatable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in`
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}

public enum UnaryOperator: String, Sendable, Equatable {
    case negate = "-", not
}

/// An expression. `name` is a variable (or a bare word, where a command's signature asks for one);
/// `member` is `table.column`.
public indirect enum Expr: Sendable, Equatable {
    case number(Double, SourceSpan)
    case string(String, SourceSpan)
    case bool(Bool, SourceSpan)
    case list([Expr], SourceSpan)
    case name(String, SourceSpan)
    /// `base.member`; the span is the member name's.
    case member(Expr, String, SourceSpan)
    case unary(UnaryOperator, Expr, SourceSpan)
    /// The span is the operator's.
    case binary(BinaryOperator, Expr, Expr, SourceSpan)
    /// `procedure(arguments)`; the span is the procedure name's.
    case call(String, [Expr], SourceSpan)
    /// `table[name]`: the column whose name the expression gives (`t[col]` in a procedure);
    /// the span is the `[`'s.
    case index(Expr, Expr, SourceSpan)
    /// `low..high`, only as a command argument (`domain t.age 0..120`); the span is the `..`'s.
    case range(Expr, Expr, SourceSpan)

    /// The span to underline when this expression is at fault.
    public var span: SourceSpan {
        switch self {
        case let .number(_, s), let .string(_, s), let .bool(_, s), let .list(_, s), let .name(_, s),
             let .member(_, _, s), let .unary(_, _, s), let .binary(_, _, _, s), let .call(_, _, s),
             let .range(_, _, s), let .index(_, _, s):
            return s
        }
    }
}

extension Expr {
    /// The expressions directly inside this one, left to right.
    public var children: [Expr] {
        switch self {
        case .number, .string, .bool, .name: return []
        case let .list(items, _): return items
        case let .member(base, _, _): return [base]
        case let .unary(_, operand, _): return [operand]
        case let .binary(_, lhs, rhs, _), let .range(lhs, rhs, _), let .index(lhs, rhs, _): return [lhs, rhs]
        case let .call(_, arguments, _): return arguments
        }
    }

    /// Whether this expression or one inside it satisfies `test`.
    public func contains(where test: (Expr) -> Bool) -> Bool {
        test(self) || children.contains { $0.contains(where: test) }
    }
}

/// `name=value` after a command's positional arguments.
public struct OptionArgument: Sendable, Equatable {
    public var name: String
    public var nameSpan: SourceSpan
    public var value: Expr

    public init(name: String, nameSpan: SourceSpan, value: Expr) {
        self.name = name
        self.nameSpan = nameSpan
        self.value = value
    }
}

/// A command: a verb from the command table, positional arguments (contextual words such as
/// `to` in `export t to "f.csv"` appear here as `.name`), options, and an optional `where` clause.
public struct CommandCall: Sendable, Equatable {
    public var verb: String
    public var verbSpan: SourceSpan
    public var arguments: [Expr]
    public var options: [OptionArgument]
    public var condition: Expr?

    public init(verb: String, verbSpan: SourceSpan, arguments: [Expr] = [], options: [OptionArgument] = [],
                condition: Expr? = nil) {
        self.verb = verb
        self.verbSpan = verbSpan
        self.arguments = arguments
        self.options = options
        self.condition = condition
    }

    public func option(_ name: String) -> OptionArgument? {
        options.first { $0.name == name }
    }
}

/// The right-hand side of a binding: a command or an expression.
public enum BindingValue: Sendable, Equatable {
    case command(CommandCall)
    case expression(Expr)
}

/// A procedure definition: `def name(params) ... end`.
public struct ProcedureDefinition: Sendable, Equatable {
    public var name: String
    public var nameSpan: SourceSpan
    public var parameters: [(name: String, span: SourceSpan)]
    public var body: [Statement]

    public init(name: String, nameSpan: SourceSpan, parameters: [(name: String, span: SourceSpan)], body: [Statement]) {
        self.name = name
        self.nameSpan = nameSpan
        self.parameters = parameters
        self.body = body
    }

    public static func == (a: ProcedureDefinition, b: ProcedureDefinition) -> Bool {
        a.name == b.name && a.nameSpan == b.nameSpan && a.body == b.body
            && a.parameters.map(\.name) == b.parameters.map(\.name)
            && a.parameters.map(\.span) == b.parameters.map(\.span)
    }
}

/// A name on the left of `=` with its span.
public struct BoundName: Sendable, Equatable {
    public var name: String
    public var span: SourceSpan

    public init(name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

/// One statement.
public enum StatementKind: Sendable, Equatable {
    /// `name = value`
    case binding(name: String, nameSpan: SourceSpan, value: BindingValue)
    /// `a, b = value`: the value is a list (such as `split`'s two tables), one element per name.
    case destructuring(names: [BoundName], value: BindingValue)
    /// A bare command; its result is shown.
    case command(CommandCall)
    /// A bare expression; its value is shown.
    case expression(Expr)
    case procedure(ProcedureDefinition)
    /// `use "module"`; the span is the string's.
    case use(String, SourceSpan)
    /// `return expr` inside a procedure.
    case `return`(Expr?)
}

/// A statement with its span (its first token) and its exact source text (continuation lines
/// included), which `save` writes back.
public struct Statement: Sendable, Equatable {
    public var kind: StatementKind
    public var span: SourceSpan
    public var text: String

    public init(kind: StatementKind, span: SourceSpan, text: String) {
        self.kind = kind
        self.span = span
        self.text = text
    }
}

/// A parsed source file or REPL entry.
public struct Program: Sendable, Equatable {
    public var statements: [Statement]
    public init(statements: [Statement]) { self.statements = statements }
}

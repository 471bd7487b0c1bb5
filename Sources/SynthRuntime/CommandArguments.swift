// CommandArguments: a command call's arguments matched to its signature, evaluated on demand.

import SynthCore
import SynthData
import SynthLang

/// Positional arguments by parameter name (keywords matched and dropped) and options, with typed
/// accessors that raise located errors.
struct CommandArguments {
    let call: CommandCall
    let signature: CommandSignature
    let interpreter: Interpreter
    let scope: Scope
    private(set) var positional: [String: [Expr]] = [:]

    init(call: CommandCall, signature: CommandSignature, interpreter: Interpreter, scope: Scope) {
        self.call = call
        self.signature = signature
        self.interpreter = interpreter
        self.scope = scope
        positional = signature.matchPositionals(call)
    }

    /// Whether a contextual keyword (e.g. `model` in `load model "f"`) was written.
    func hasKeyword(_ word: String) -> Bool {
        call.arguments.contains { if case let .name(name, _) = $0 { return name == word } else { return false } }
    }

    func expression(_ name: String) -> Expr? { positional[name]?.first }

    /// Where argument `name` was written, to blame in an error; the verb when it was not
    /// (callers blame arguments they have read, so that is a fallback, not a guess).
    func argumentSpan(_ name: String) -> SourceSpan { expression(name)?.span ?? call.verbSpan }

    func expressions(_ name: String) -> [Expr] { positional[name] ?? [] }

    func value(_ name: String) throws -> Value {
        guard let expr = expression(name) else {
            throw Diagnostic.error("missing argument <\(name)>", at: call.verbSpan, hint: "usage: \(signature.usage)")
        }
        return try interpreter.evaluate(expr, in: scope)
    }

    func table(_ name: String) throws -> TableValue {
        let value = try value(name)
        guard case let .table(table) = value else {
            throw Diagnostic.error("\(call.verb) needs a table for <\(name)>, got \(value.typeName)", at: argumentSpan(name))
        }
        return table
    }

    func model(_ name: String) throws -> ModelValue {
        let value = try value(name)
        guard case let .model(model) = value else {
            throw Diagnostic.error("\(call.verb) needs a model for <\(name)>, got \(value.typeName)", at: argumentSpan(name))
        }
        return model
    }

    func string(_ name: String) throws -> String {
        let value = try value(name)
        guard case let .string(text) = value else {
            throw Diagnostic.error("\(call.verb) needs a string for <\(name)>, got \(value.typeName)", at: argumentSpan(name))
        }
        return text
    }

    /// A `table.column` argument: the variable name, the column name, and the span to blame.
    func columnReference(_ expr: Expr) throws -> (variable: String, column: String, span: SourceSpan) {
        guard case let .member(.name(variable, _), column, span) = expr else {
            throw Diagnostic.error("expected table.column", at: expr.span)
        }
        return (variable, column, span)
    }

    // MARK: Options

    func optionExpr(_ name: String) -> Expr? { call.option(name)?.value }

    /// Where option `name`'s value was written, to blame in an error; the verb when it was not.
    func optionSpan(_ name: String) -> SourceSpan { optionExpr(name)?.span ?? call.verbSpan }

    func optionValue(_ name: String) throws -> Value? {
        guard let expr = optionExpr(name) else { return nil }
        return try interpreter.evaluate(expr, in: scope)
    }

    func integerOption(_ name: String, range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let expr = optionExpr(name), let value = try optionValue(name) else { return nil }
        guard case let .number(x) = value, x == x.rounded(), abs(x) < 9e15 else {
            throw Diagnostic.error("\(name)= needs a whole number, got \(describe(value))", at: expr.span)
        }
        if let range, !range.contains(Int(x)) {
            throw Diagnostic.error("\(name)= must be between \(range.lowerBound) and \(range.upperBound), got \(Int(x))",
                                   at: expr.span)
        }
        return Int(x)
    }

    /// A finite number option (`at=90`).
    func numberOption(_ name: String) throws -> Double? {
        guard let expr = optionExpr(name), let value = try optionValue(name) else { return nil }
        guard case let .number(x) = value, x.isFinite else {
            throw Diagnostic.error("\(name)= needs a number, got \(describe(value))", at: expr.span)
        }
        return x
    }

    /// A number option that must be positive and finite (`epsilon=0.5`).
    func positiveNumberOption(_ name: String) throws -> Double? {
        guard let expr = optionExpr(name), let value = try optionValue(name) else { return nil }
        guard case let .number(x) = value, x > 0, x.isFinite else {
            throw Diagnostic.error("\(name)= needs a positive number, got \(describe(value))", at: expr.span)
        }
        return x
    }

    func boolOption(_ name: String) throws -> Bool? {
        guard let expr = optionExpr(name), let value = try optionValue(name) else { return nil }
        guard case let .bool(flag) = value else {
            throw Diagnostic.error("\(name)= needs true or false, got \(describe(value))", at: expr.span)
        }
        return flag
    }

    func stringOption(_ name: String) throws -> String? {
        guard let expr = optionExpr(name), let value = try optionValue(name) else { return nil }
        guard case let .string(text) = value else {
            throw Diagnostic.error("\(name)= needs a string, got \(describe(value))", at: expr.span)
        }
        return text
    }

    func stringListOption(_ name: String) throws -> [String]? {
        guard let expr = optionExpr(name), let value = try optionValue(name) else { return nil }
        switch value {
        case let .string(text): return [text]
        case let .list(items):
            return try items.map {
                guard case let .string(text) = $0 else {
                    throw Diagnostic.error("\(name)= needs a list of strings", at: expr.span)
                }
                return text
            }
        default:
            throw Diagnostic.error("\(name)= needs a list of strings, got \(describe(value))", at: expr.span)
        }
    }

    /// A bare-word option (`method=copula`); words are not variables.
    func wordOption(_ name: String) throws -> String? {
        guard let expr = optionExpr(name) else { return nil }
        switch expr {
        case let .name(word, span):
            if case let .word(choices)? = signature.option(name)?.type, !choices.isEmpty, !choices.contains(word) {
                throw Diagnostic.error(CheckMessage.unknownChoice(name, word), at: span,
                                       hint: Suggestion.hint(for: word, in: choices) ?? "choose one of: \(choices.joined(separator: ", "))")
            }
            return word
        case let .string(word, _): return word
        default:
            throw Diagnostic.error("\(name)= needs a word", at: expr.span)
        }
    }

    private func describe(_ value: Value) -> String {
        switch value {
        case let .number(x): return NumberFormat.compact(x)
        case let .string(s): return "\"\(s)\""
        case let .bool(b): return b ? "true" : "false"
        default: return value.typeName
        }
    }
}

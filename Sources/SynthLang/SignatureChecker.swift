// SignatureChecker: checks a parsed command against its signature before anything runs.

import SynthCore

/// Validates commands against `CommandTable`: arity, contextual words, option names, and the
/// types of literal values. Variable references cannot be typed statically and are accepted.
public enum SignatureChecker {
    /// Every problem with one command call.
    public static func check(_ call: CommandCall) -> [Diagnostic] {
        guard let signature = CommandTable.signature(call.verb) else {
            return [.error(SyntaxMessage.unknownCommand(call.verb), at: call.verbSpan,
                           hint: Suggestion.hint(for: call.verb, in: CommandTable.names))]
        }
        var problems = checkPositionals(call, signature)
        problems += checkOptions(call, signature)
        if let condition = call.condition, !signature.acceptsCondition {
            problems.append(.error(CheckMessage.noCondition(call.verb), at: condition.span,
                                   hint: "usage: \(signature.usage)"))
        }
        return problems
    }

    /// Checks every command in a program, procedure bodies included.
    public static func checkProgram(_ program: Program) -> [Diagnostic] {
        check(program.statements)
    }

    private static func check(_ statements: [Statement]) -> [Diagnostic] {
        statements.flatMap { statement -> [Diagnostic] in
            switch statement.kind {
            case let .command(call), let .binding(_, _, .command(call)), let .destructuring(_, .command(call)):
                return check(call)
            case let .procedure(procedure): return check(procedure.body)
            default: return []
            }
        }
    }

    // MARK: - Positionals

    private static func checkPositionals(_ call: CommandCall, _ signature: CommandSignature) -> [Diagnostic] {
        let usage = "usage: \(signature.usage)"
        let args = call.arguments
        var next = 0
        var problems: [Diagnostic] = []
        for (index, parameter) in signature.positionals.enumerated() {
            if case let .keyword(word) = parameter.type {
                if next < args.count, case .name(word, _) = args[next] {
                    next += 1
                    continue
                }
                if parameter.optional { continue }
                if next < args.count {
                    return problems + [.error(CheckMessage.expectedWord(word), at: args[next].span, hint: usage)]
                }
            }
            guard next < args.count else {
                let missing = signature.positionals[index...].filter { !$0.optional }.map(\.type.placeholder)
                if !missing.isEmpty {
                    problems.append(.error(CheckMessage.missingArgument(call.verb, missing), at: call.verbSpan, hint: usage))
                }
                return problems
            }
            let count = parameter.variadic ? args.count - next : 1
            for arg in args[next..<(next + count)] {
                if let problem = typeProblem(arg, parameter.type, name: parameter.name) {
                    problems.append(problem)
                }
            }
            next += count
        }
        if next < args.count {
            problems.append(.error(CheckMessage.tooManyArguments(signature), at: args[next].span, hint: usage))
        }
        return problems
    }

    // MARK: - Options

    private static func checkOptions(_ call: CommandCall, _ signature: CommandSignature) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        for option in call.options {
            guard let parameter = signature.option(option.name) else {
                let names = signature.options.map(\.name)
                let hint = Suggestion.hint(for: option.name, in: names)
                    ?? (names.isEmpty ? "\(call.verb) takes no options" : "options: " + names.joined(separator: ", "))
                problems.append(.error(CheckMessage.unknownOption(option.name, call.verb), at: option.nameSpan, hint: hint))
                continue
            }
            if !seen.insert(option.name).inserted {
                problems.append(.error(CheckMessage.duplicateOption(option.name), at: option.nameSpan))
                continue
            }
            if let problem = typeProblem(option.value, parameter.type, name: option.name) {
                problems.append(problem)
            }
        }
        for parameter in signature.options where parameter.required && !seen.contains(parameter.name) {
            problems.append(.error(CheckMessage.missingOption(call.verb, "\(parameter.name)=\(parameter.type.placeholder)"),
                                   at: call.verbSpan, hint: "usage: \(signature.usage)"))
        }
        return problems
    }

    // MARK: - Literal types

    /// A problem when `value` is a literal of the wrong kind; nil for fitting literals and for
    /// anything whose value is only known at run time.
    static func typeProblem(_ value: Expr, _ type: ArgumentType, name: String) -> Diagnostic? {
        let literal = LiteralKind(value)
        func wrong(_ expected: String) -> Diagnostic {
            .error(CheckMessage.wrongType(name, expected: expected, got: literal?.description ?? "an expression"),
                   at: value.span)
        }
        switch type {
        case .value, .keyword:
            return nil
        case .table, .model:
            if literal != nil, literal != .word { return wrong(type == .table ? "a table" : "a model") }
            return nil
        case .columnOrTable:
            if case .member = value { return nil }
            if case .index = value { return nil }
            if literal == nil || literal == .word { return nil }
            return wrong("a column as table.column, or a table")
        case .column:
            if case .member = value { return nil }
            if case .index = value { return nil }
            return .error(CheckMessage.wrongType(name, expected: "a column as table.column",
                                                 got: literal?.description ?? "an expression"),
                          at: value.span, hint: "write the table and the column, e.g. patients.age")
        case .path, .string:
            if literal != nil, literal != .string, literal != .word { return wrong("a string") }
            return nil
        case .number:
            if literal != nil, literal != .number, literal != .word { return wrong("a number") }
            return nil
        case .integer:
            if case let .number(v, span) = value, v != v.rounded(.towardZero) {
                return .error(CheckMessage.wrongType(name, expected: "a whole number", got: "\(v)"), at: span)
            }
            if literal != nil, literal != .number, literal != .word { return wrong("a whole number") }
            return nil
        case .boolean:
            if literal != nil, literal != .boolean, literal != .word { return wrong("true or false") }
            return nil
        case .stringList:
            guard case let .list(items, _) = value else {
                if literal != nil, literal != .word { return wrong("a list of strings") }
                return nil
            }
            for item in items {
                if let kind = LiteralKind(item), kind != .string, kind != .word {
                    return .error(CheckMessage.wrongType(name, expected: "a list of strings", got: "a list holding \(kind)"),
                                  at: item.span)
                }
            }
            return nil
        case .numberList:
            guard case let .list(items, _) = value else {
                if literal != nil, literal != .word { return wrong("a list of numbers") }
                return nil
            }
            for item in items {
                if let kind = LiteralKind(item), kind != .number, kind != .word {
                    return .error(CheckMessage.wrongType(name, expected: "a list of numbers", got: "a list holding \(kind)"),
                                  at: item.span)
                }
            }
            return nil
        case let .word(choices):
            let word: String
            switch value {
            case let .name(w, _), let .string(w, _): word = w
            default: return wrong(choices.isEmpty ? "a word" : choices.map { "'\($0)'" }.joined(separator: " or "))
            }
            if choices.isEmpty || choices.contains(word) { return nil }
            return .error(CheckMessage.unknownChoice(name, word), at: value.span,
                          hint: Suggestion.hint(for: word, in: choices)
                            ?? "choose " + choices.map { "'\($0)'" }.joined(separator: ", "))
        }
    }
}

/// The literal shape of an expression, as far as it can be known before running.
private enum LiteralKind: Equatable, CustomStringConvertible {
    case number, string, boolean, list, word

    init?(_ expr: Expr) {
        switch expr {
        case .number: self = .number
        case .string: self = .string
        case .bool: self = .boolean
        case .list: self = .list
        case .name: self = .word
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .number: return "a number"
        case .string: return "a string"
        case .boolean: return "a boolean"
        case .list: return "a list"
        case .word: return "a name"
        }
    }
}

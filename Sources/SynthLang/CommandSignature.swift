// CommandSignature: what a command accepts. One table of these drives parsing, validation,
// help, tab completion and usage errors.

/// The kind of value a positional argument or option takes.
public enum ArgumentType: Sendable, Equatable {
    /// A table-valued expression (usually a variable).
    case table
    /// A model-valued expression.
    case model
    /// Any value (table, model, report, ...).
    case value
    /// A `table.column` reference.
    case column
    /// A `table.column` reference, or a table (every column the command applies to).
    case columnOrTable
    /// A string literal naming a file.
    case path
    case string
    case number
    case integer
    case boolean
    /// A list of strings.
    case stringList
    /// A list of numbers.
    case numberList
    /// One bare word out of a fixed set (`identifier` in `role t.mrn identifier`).
    case word([String])
    /// A contextual keyword that must appear literally (`to` in `export t to "f"`).
    case keyword(String)

    /// How the type reads in usage lines.
    public var placeholder: String {
        switch self {
        case .table: return "<table>"
        case .model: return "<model>"
        case .value: return "<value>"
        case .column: return "<table.column>"
        case .columnOrTable: return "<table.column>|<table>"
        case .path: return "\"<file>\""
        case .string: return "\"<text>\""
        case .number: return "<number>"
        case .integer: return "<integer>"
        case .boolean: return "true|false"
        case .stringList: return "[\"...\", ...]"
        case .numberList: return "[<number>, ...]"
        case let .word(words): return words.joined(separator: "|")
        case let .keyword(word): return word
        }
    }
}

/// A positional argument.
public struct PositionalParameter: Sendable, Equatable {
    public var name: String
    public var type: ArgumentType
    public var optional: Bool
    /// Takes every remaining positional argument (at least one unless optional).
    public var variadic: Bool

    public init(_ name: String, _ type: ArgumentType, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.type = type
        self.optional = optional
        self.variadic = variadic
    }
}

/// A `name=value` option.
public struct OptionParameter: Sendable, Equatable {
    public var name: String
    public var type: ArgumentType
    public var required: Bool
    /// The default as the user would write it, shown in help ("5", "\"copula\"").
    public var defaultValue: String?
    public var summary: String

    public init(_ name: String, _ type: ArgumentType, required: Bool = false, default defaultValue: String? = nil,
                _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// Everything synth knows about one command.
public struct CommandSignature: Sendable, Equatable {
    public var name: String
    public var summary: String
    public var positionals: [PositionalParameter]
    public var options: [OptionParameter]
    /// Accepts a trailing `where <condition>`.
    public var acceptsCondition: Bool
    /// The condition follows the positionals without `where` (`constrain m t.a <= t.b`).
    public var conditionIsPositional: Bool
    /// `= <expression>` follows the positionals (`derive t.los = t.discharge - t.admit`); the
    /// expression is kept as the call's condition.
    public var takesExpression: Bool
    /// What the command returns when bound with `=` (nil: nothing to bind).
    public var returns: String?
    /// Longer help: paragraphs and examples.
    public var details: String

    public init(name: String, summary: String, positionals: [PositionalParameter] = [],
                options: [OptionParameter] = [], acceptsCondition: Bool = false, conditionIsPositional: Bool = false,
                takesExpression: Bool = false, returns: String? = nil,
                details: String = "") {
        self.name = name
        self.summary = summary
        self.positionals = positionals
        self.options = options
        self.acceptsCondition = acceptsCondition || conditionIsPositional || takesExpression
        self.conditionIsPositional = conditionIsPositional
        self.takesExpression = takesExpression
        self.returns = returns
        self.details = details
    }

    /// Whether `where <condition>` may follow (not when the condition is part of the command).
    public var acceptsWhere: Bool { acceptsCondition && !conditionIsPositional && !takesExpression }

    public func option(_ name: String) -> OptionParameter? {
        options.first { $0.name == name }
    }

    /// One usage line: `fit <table> method=copula|cart [seed=<integer>]`.
    public var usage: String {
        var parts = [name]
        for p in positionals {
            var text = p.type.placeholder
            if case .keyword = p.type {} else if p.variadic { text += " ..." }
            parts.append(p.optional ? "[\(text)]" : text)
        }
        for o in options {
            let text = "\(o.name)=\(o.type.placeholder)"
            parts.append(o.required ? text : "[\(text)]")
        }
        if takesExpression {
            parts.insert("= <expression>", at: 1 + positionals.count)
        } else if conditionIsPositional {
            parts.insert("<condition>", at: 1 + positionals.count)
        } else if acceptsCondition {
            parts.append("[where <condition>]")
        }
        return parts.joined(separator: " ")
    }
}

extension CommandSignature {
    /// The call's positional arguments by parameter name: contextual keywords are matched and
    /// dropped, a variadic parameter takes the rest. Arguments beyond the signature are left out
    /// (`SignatureChecker` reports them).
    public func matchPositionals(_ call: CommandCall) -> [String: [Expr]] {
        var matched: [String: [Expr]] = [:]
        var remaining = call.arguments[...]
        for parameter in positionals {
            if case let .keyword(word) = parameter.type {
                if case let .name(name, _)? = remaining.first, name == word { remaining.removeFirst() }
                continue
            }
            if parameter.variadic {
                matched[parameter.name] = Array(remaining)
                remaining.removeAll()
            } else if let next = remaining.first {
                matched[parameter.name] = [next]
                remaining.removeFirst()
            }
        }
        return matched
    }
}

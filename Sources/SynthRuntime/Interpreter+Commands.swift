// Command dispatch: one runner per command, found by verb.

import SynthCore
import SynthLang

/// What a command implementation receives.
struct CommandContext {
    let interpreter: Interpreter
    let arguments: CommandArguments
    /// The variable the result will be bound to, if any (`fake = sample ...`).
    let boundName: String?

    var session: Session { interpreter.session }
    var sink: OutputSink { interpreter.sink }
    var call: CommandCall { arguments.call }
}

/// One command's behaviour. Each lives in its own file under Commands/.
protocol CommandRunner {
    static var name: String { get }
    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value
}

extension Interpreter {
    /// The implementation of `verb`, one file per command under Commands/.
    static func runner(for verb: String) -> (any CommandRunner.Type)? {
        switch verb {
        case LoadCommand.name: return LoadCommand.self
        case DescribeCommand.name: return DescribeCommand.self
        case RoleCommand.name: return RoleCommand.self
        case DropCommand.name: return DropCommand.self
        case GeneralizeCommand.name: return GeneralizeCommand.self
        case TopcodeCommand.name: return TopcodeCommand.self
        case SuppressCommand.name: return SuppressCommand.self
        case FitCommand.name: return FitCommand.self
        case SampleCommand.name: return SampleCommand.self
        case CompareCommand.name: return CompareCommand.self
        case ExportCommand.name: return ExportCommand.self
        case SeedCommand.name: return SeedCommand.self
        case SplitCommand.name: return SplitCommand.self
        case SaveCommand.name: return SaveCommand.self
        case PrintCommand.name: return PrintCommand.self
        case HelpCommand.name: return HelpCommand.self
        case PrivacyCommand.name: return PrivacyCommand.self
        case DomainCommand.name: return DomainCommand.self
        case ConstrainCommand.name: return ConstrainCommand.self
        case DeriveCommand.name: return DeriveCommand.self
        default: return nil
        }
    }

    func runCommand(_ original: CommandCall, in scope: inout Scope, bound: String?) throws -> Value {
        var call = original
        call.arguments = try call.arguments.map { try resolvingColumnNames($0, in: scope) }
        call.condition = try call.condition.map { try resolvingColumnNames($0, in: scope) }
        guard let signature = CommandTable.signature(call.verb), let runner = Interpreter.runner(for: call.verb) else {
            throw Diagnostic.error("unknown command '\(call.verb)'", at: call.verbSpan,
                                   hint: Suggestion.hint(for: call.verb, in: CommandTable.names))
        }
        let arguments = CommandArguments(call: call, signature: signature, interpreter: self, scope: scope)
        let context = CommandContext(interpreter: self, arguments: arguments, boundName: bound)
        return try runner.run(context, scope: &scope)
    }

    /// `t[expr]` as `t.name`, once `expr` gives the name, so every command sees one form.
    func resolvingColumnNames(_ expr: Expr, in scope: Scope) throws -> Expr {
        switch expr {
        case let .index(base, nameExpr, span):
            let value = try evaluate(nameExpr, in: scope)
            guard case let .string(name) = value else {
                throw Diagnostic.error("t[...] needs a column name (a string), got \(value.typeName)", at: nameExpr.span)
            }
            return .member(base, name, span)
        case let .unary(op, operand, span): return .unary(op, try resolvingColumnNames(operand, in: scope), span)
        case let .binary(op, lhs, rhs, span):
            return .binary(op, try resolvingColumnNames(lhs, in: scope), try resolvingColumnNames(rhs, in: scope), span)
        case let .call(name, arguments, span): return .call(name, try arguments.map { try resolvingColumnNames($0, in: scope) }, span)
        case let .list(items, span): return .list(try items.map { try resolvingColumnNames($0, in: scope) }, span)
        case let .range(low, high, span):
            return .range(try resolvingColumnNames(low, in: scope), try resolvingColumnNames(high, in: scope), span)
        default: return expr
        }
    }
}

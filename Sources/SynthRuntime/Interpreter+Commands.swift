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
    static let runners: [String: any CommandRunner.Type] = {
        let all: [any CommandRunner.Type] = [
            LoadCommand.self, DescribeCommand.self, RoleCommand.self, DropCommand.self, FitCommand.self,
            SampleCommand.self, CompareCommand.self, ExportCommand.self, SeedCommand.self, SaveCommand.self,
            PrintCommand.self, HelpCommand.self,
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    }()

    func runCommand(_ call: CommandCall, in scope: inout Scope, bound: String?) throws -> Value {
        guard let signature = CommandTable.signature(call.verb), let runner = Interpreter.runners[call.verb] else {
            throw Diagnostic.error("unknown command '\(call.verb)'", at: call.verbSpan,
                                   hint: Suggestion.hint(for: call.verb, in: CommandTable.names))
        }
        let arguments = CommandArguments(call: call, signature: signature, interpreter: self, scope: scope)
        let context = CommandContext(interpreter: self, arguments: arguments, boundName: bound)
        return try runner.run(context, scope: &scope)
    }
}

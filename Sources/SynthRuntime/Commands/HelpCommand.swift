// help: the command list, one command's usage, or the language reference.

import Foundation
import SynthCore
import SynthLang

enum HelpCommand: CommandRunner {
    static let name = "help"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        guard let topicExpr = context.arguments.expression("topic") else {
            context.sink.output(HelpText.overview())
            return .nothing
        }
        guard case let .name(topic, span) = topicExpr else {
            throw Diagnostic.error("help takes a command name, e.g. help fit", at: topicExpr.span)
        }
        if topic == "language" {
            context.sink.output(HelpText.language())
            return .nothing
        }
        if let text = HelpText.command(topic) {
            context.sink.output(text)
            return .nothing
        }
        // Only now read the stdlib's modules: `help fit` never touches the disk.
        let modules = StdlibHelp.modules(in: context.session.stdlibDirectory)
        if topic == "stdlib" {
            context.sink.output(StdlibHelp.overview(modules))
        } else if let module = modules.first(where: { $0.name == topic }) {
            context.sink.output(module.help)
        } else {
            throw Diagnostic.error("no help for '\(topic)'", at: span,
                                   hint: Suggestion.hint(for: topic, in: CommandTable.names + ["language", "stdlib"] + modules.map(\.name))
                                       ?? "try 'help' for the list of commands")
        }
        return .nothing
    }
}

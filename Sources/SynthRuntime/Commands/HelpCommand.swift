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
        let modules = StdlibHelp.modules(in: context.session.stdlibDirectory)
        if topic == "language" {
            context.sink.output(HelpText.language())
        } else if let text = HelpText.command(topic) {
            context.sink.output(text)
        } else if topic == "stdlib" {
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

/// Help on the modules of the stdlib directory, read from their header comments and `def` lines.
enum StdlibHelp {
    struct Module {
        var name: String
        /// The header comment, without its `# `.
        var help: String
        var procedures: [String]
        var summary: String { help.split(separator: "\n").first.map(String.init) ?? name }
    }

    static func modules(in directory: String?) -> [Module] {
        guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return files.filter { $0.hasSuffix(".synth") }.sorted().compactMap { file in
            guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else { return nil }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let header = lines.prefix { $0.hasPrefix("#") }.map { line in line.hasPrefix("# ") ? line.dropFirst(2) : line.dropFirst() }
            let procedures = lines.filter { $0.hasPrefix("def ") }.map { String($0.dropFirst(4)) }
            var help = header.joined(separator: "\n") + "\n"
            if !procedures.isEmpty { help += "\nprocedures: " + procedures.joined(separator: ", ") + "\n" }
            return Module(name: String(file.dropLast(6)), help: help, procedures: procedures)
        }
    }

    static func overview(_ modules: [Module]) -> String {
        guard !modules.isEmpty else { return "no stdlib directory found\n" }
        var out = "stdlib modules (load one with use \"name\"; help <name> shows it):\n"
        let width = modules.map(\.name.count).max() ?? 0
        for module in modules {
            out += "  " + module.name + String(repeating: " ", count: width - module.name.count + 2) + module.summary + "\n"
        }
        return out
    }
}

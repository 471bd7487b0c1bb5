// save: write the statements that succeeded so far as a runnable script.

import SynthCore
import SynthData

enum SaveCommand: CommandRunner {
    static let name = "save"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let path = try context.arguments.string("file")
        let statements = context.session.transcript
        let text = "# saved by synth: the statements that succeeded, in order\n"
            + statements.map { $0 + "\n" }.joined()
        let span = context.arguments.expression("file")?.span ?? context.call.verbSpan
        let notes = try OutputFile.write(Array(text.utf8), to: path, at: span, session: context.session)
        context.sink.output("saved \(Plural.count(statements.count, "statement")) to \(path)"
            + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")") + "\n")
        return .nothing
    }
}

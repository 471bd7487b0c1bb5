// print: show values on one line.



enum PrintCommand: CommandRunner {
    static let name = "print"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let values = try context.arguments.expressions("values").map { try context.interpreter.evaluate($0, in: scope) }
        context.sink.output(values.map(ValueRenderer.render).joined(separator: " ") + "\n")
        return .nothing
    }
}

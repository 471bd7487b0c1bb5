// seed: restart the session's random stream from a number.

import SynthCore

enum SeedCommand: CommandRunner {
    static let name = "seed"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let value = try context.arguments.value("seed")
        let span = context.arguments.argumentSpan("seed")
        guard case let .number(x) = value, x == x.rounded(), x >= 0, x < 9e15 else {
            throw Diagnostic.error("seed needs a whole number of at least 0", at: span)
        }
        context.session.reseed(UInt64(x))
        return .nothing
    }
}

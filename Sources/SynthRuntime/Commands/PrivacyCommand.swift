// privacy: open the session's differential-privacy budget.

import SynthCore
import SynthModels
import SynthReport

enum PrivacyCommand: CommandRunner {
    static let name = "privacy"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let epsilon = try arguments.positiveNumberOption("epsilon") else {
            throw Diagnostic.error("privacy needs epsilon=", at: context.call.verbSpan, hint: "usage: \(arguments.signature.usage)")
        }
        let delta = try arguments.positiveNumberOption("delta") ?? PrivacyLedger.defaultDelta
        if delta >= 1, let expr = arguments.optionExpr("delta") {
            throw Diagnostic.error("delta= must be below 1, got \(NumberFormat.compact(delta))", at: expr.span)
        }
        if let open = context.session.privacy {
            guard open.entries.isEmpty else {
                throw Diagnostic.error("a privacy budget is already open and spent from; one budget per session",
                                       at: context.call.verbSpan, hint: "describe privacy shows it")
            }
        }
        let ledger = try PrivacyLedger(epsilon: epsilon, delta: delta)
        context.session.privacy = ledger
        context.sink.output(LedgerRenderer.headline(ledger) + "\n")
        return .nothing
    }
}

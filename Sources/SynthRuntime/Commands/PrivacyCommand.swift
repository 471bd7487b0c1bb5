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
        if let problem = PrivacyLedger.problem(epsilon: epsilon), let expr = arguments.optionExpr("epsilon") {
            throw Diagnostic.error(problem, at: expr.span)
        }
        let delta = try arguments.positiveNumberOption("delta") ?? PrivacyLedger.defaultDelta
        if let problem = PrivacyLedger.problem(delta: delta), let expr = arguments.optionExpr("delta") {
            throw Diagnostic.error(problem, at: expr.span)
        }
        if let open = context.session.privacy {
            guard open.entries.isEmpty else {
                throw Diagnostic.error("a privacy budget is already open and spent from; one budget per session",
                                       at: context.call.verbSpan, hint: "describe privacy shows it")
            }
        }
        let ledger: PrivacyLedger
        do {
            ledger = try PrivacyLedger(epsilon: epsilon, delta: delta)
        } catch let problem as PrivacyLedger.Problem {
            throw Diagnostic.error(problem.description, at: context.call.verbSpan)
        }
        context.session.privacy = ledger
        context.sink.output(LedgerRenderer.headline(ledger) + "\n")
        return .nothing
    }
}

// Checker+Privacy: adds up the literal privacy spends of a script, so an overspend is refused
// before anything runs.

import SynthCore
import SynthLang
import SynthModels

extension Checker {
    /// Follows `privacy` and the literal epsilon= of private steps, and reports the step that
    /// would overspend the budget.
    mutating func checkSpend(_ call: CommandCall) {
        func literal(_ name: String) -> (Double, SourceSpan)? {
            if case let .number(x, span)? = call.option(name)?.value { return (x, span) }
            return nil
        }
        if call.verb == "privacy" {
            budget = .unknown
            if let (epsilon, _) = literal("epsilon") {
                let delta = call.option("delta") == nil ? PrivacyLedger.defaultDelta : literal("delta")?.0
                if let delta, let ledger = try? PrivacyLedger(epsilon: epsilon, delta: delta) { budget = .known(ledger) }
            }
            return
        }
        let spends = (call.verb == "fit" && isMST(call)) || call.verb == "domain"
        guard spends, let (epsilon, span) = literal("epsilon"), epsilon > 0 else { return }
        switch budget {
        case .none:
            report("\(call.verb == "fit" ? "method=mst" : "epsilon=") spends from a privacy budget, and none is open", at: span,
                   hint: "open one first: privacy epsilon=1 delta=1e-6")
        case .unknown:
            return
        case var .known(ledger):
            do {
                try ledger.spend(epsilon: epsilon, purpose: call.verb, origin: "\(span.file):\(span.line)")
                budget = .known(ledger)
            } catch let problem as PrivacyLedger.Problem {
                report(problem.description, at: span,
                       hint: session.privacy == nil ? "the script's spends add up to more than its privacy budget" : "describe privacy shows the ledger")
                budget = .unknown
            } catch {
                budget = .unknown
            }
        }
    }

    private func isMST(_ call: CommandCall) -> Bool {
        if case .name("mst", _)? = call.option("method")?.value { return true }
        return false
    }
}

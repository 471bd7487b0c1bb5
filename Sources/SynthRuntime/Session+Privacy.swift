// Session+Privacy: the one path by which a command spends from the privacy budget: price the
// spend against the open ledger before the data is read, record it once the mechanism has run.

import SynthCore
import SynthModels

extension Session {
    /// The open ledger; an error at `span` when `what` needs one and none is open.
    func openLedger(for what: String, at span: SourceSpan) throws -> PrivacyLedger {
        guard let ledger = privacy else {
            throw Diagnostic.error("\(what) spends from a privacy budget, and none is open", at: span,
                                   hint: "open one first: privacy epsilon=1 delta=1e-6")
        }
        return ledger
    }

    /// The rho a spend of `epsilon` may use; an overspend is an error at `span`.
    func price(epsilon: Double, for what: String, at span: SourceSpan) throws -> Double {
        do {
            return try openLedger(for: what, at: span).price(epsilon: epsilon)
        } catch let problem as PrivacyLedger.Problem {
            throw Diagnostic.error(problem.description, at: span, hint: "describe privacy shows the ledger")
        }
    }

    /// Records a priced spend, once its mechanism has run (the statement may not fail after).
    func recordSpend(_ purpose: String, epsilon: Double, rho: Double, writtenAt span: SourceSpan) {
        guard var ledger = privacy else { return }
        ledger.record(purpose: purpose, epsilon: epsilon, rho: rho, origin: spendOrigin(span))
        privacy = ledger
    }

    /// Where a spend was written: "script.synth:9", or the statement's number in a REPL session.
    func spendOrigin(_ span: SourceSpan) -> String {
        span.file == "<repl>" ? "REPL statement \(transcript.count + 1)" : "\(span.file):\(span.line)"
    }
}

// LedgerRenderer: the privacy budget and every spend from it, as `describe privacy` shows them.

import SynthCore
import SynthModels

public enum LedgerRenderer {
    /// "privacy budget: epsilon 1, delta 1e-06 (rho 0.01962 under zCDP)"
    public static func headline(_ ledger: PrivacyLedger) -> String {
        "privacy budget: epsilon \(f(ledger.epsilon)), delta \(f(ledger.delta)) (rho \(f(ledger.rho)) under zCDP)"
    }

    /// The ledger: the budget, each spend, the total spent and what remains.
    public static func render(_ ledger: PrivacyLedger?) -> String {
        guard let ledger else {
            return "no privacy budget is open; `privacy epsilon=1 delta=1e-6` opens one\n"
        }
        var out = headline(ledger) + "\n"
        if ledger.entries.isEmpty {
            out += "  nothing spent yet\n"
        } else {
            var grid = TextTable(headers: ["#", "spent on", "epsilon", "rho", "where"])
            for (i, entry) in ledger.entries.enumerated() {
                grid.add([String(i + 1), entry.purpose, f(entry.epsilon), f(entry.rho), entry.origin])
            }
            out += grid.render()
        }
        out += "  spent: rho \(f(ledger.spentRho)) of \(f(ledger.rho)) (epsilon \(f(ledger.spentEpsilon)) at delta \(f(ledger.delta)))\n"
        out += "  remaining: rho \(f(ledger.remainingRho)) (epsilon \(f(ledger.remainingEpsilon)) at delta \(f(ledger.delta)))\n"
        return out
    }

    private static func f(_ x: Double) -> String { PrivacyLedger.formatted(x) }
}

// CompareRenderer+Sections: the coverage, utility and privacy parts of the `compare` cell.

import SynthCore
import SynthEval

extension CompareRenderer {
    /// Coverage scores below 1, worst first (all of them with details).
    static func coverage(_ scores: [CoverageScore], details: Bool) -> String {
        let shown = scores.filter { details || $0.score < 0.999 }
            .sorted { $0.score != $1.score ? $0.score < $1.score : ($0.column, $0.metric) < ($1.column, $1.metric) }
        guard !shown.isEmpty else { return scores.isEmpty ? "" : "\n  coverage: every column's categories, range and missing share are covered\n" }
        var grid = TextTable(headers: ["column", "metric", "score"], alignments: [.left, .left, .right])
        for s in (details ? shown : Array(shown.prefix(compactRows))) { grid.add([s.column, s.metric, fixed3(s.score)]) }
        return "\n  coverage\n" + grid.render(indent: 4)
    }

    static func utility(_ utility: UtilityReport) -> String {
        var out = "\n  utility\n"
        for p in utility.propensity {
            guard p.sPMSE.isFinite else {
                // Trees on permuted labels that never split give an expectation of 0 (synthpop alike).
                out += "    propensity (\(p.model)): pMSE \(NumberFormat.fixed(p.pMSE, digits: 4)), S_pMSE - (no split under permuted labels, so no expectation to divide by)\n"
                continue
            }
            out += "    propensity (\(p.model)): pMSE \(NumberFormat.fixed(p.pMSE, digits: 4)), S_pMSE \(NumberFormat.fixed(p.sPMSE, digits: 2))"
            out += p.sPMSE < 3 ? " (hard to tell real from synthetic)\n" : p.sPMSE < 10 ? " (some differences)\n" : " (easy to tell apart)\n"
        }
        if let t = utility.tstr {
            out += "    predicting \(t.target) (\(t.task), \(t.model), tested on \(Plural.count(t.holdoutRows, "holdout row"))):\n"
            if let note = t.subsampleNote { out += "    \(note)\n" }
            var grid = TextTable(headers: ["metric", "train real", "train synthetic"], alignments: [.left, .right, .right])
            for m in t.metrics { grid.add([m.name, fixed3(m.trainOnReal), fixed3(m.trainOnSynthetic)]) }
            out += grid.render(indent: 6)
        }
        return out
    }

    static func privacy(_ privacy: PrivacyReport, report: ComparisonReport, details: Bool) -> String {
        // One verdict for the terminal and the HTML report.
        let verdict = HTMLReport.privacyVerdict(report)
        var out = "\n  privacy: \(verdict.headline). \(verdict.text)\n"
        if let d = privacy.distance {
            out += "    DCR share \(fixed3(d.dcrShare)) (0.5 ideal; above it, synthetic rows sit closer to training rows than to unseen ones)\n"
            out += "    NNDR median \(fixed3(d.nndrSynthetic)) synthetic, \(fixed3(d.nndrHoldout)) holdout\n"
        }
        if !privacy.attacks.isEmpty {
            var grid = TextTable(headers: ["attack", "risk", "95% interval", "main", "control"],
                                 alignments: [.left, .right, .left, .right, .right])
            for a in privacy.attacks {
                grid.add([a.name, fixed3(a.risk), "\(fixed3(a.riskLow))-\(fixed3(a.riskHigh))", fixed3(a.mainSuccess), fixed3(a.controlSuccess)])
            }
            out += grid.render(indent: 4)
        }
        return out
    }

    static func fixed3(_ value: Double) -> String { value.isNaN ? "-" : NumberFormat.fixed(value, digits: 3) }
}

// HTMLReport+Risk: the utility, privacy and provenance sections.

import SynthCore
import SynthEval

extension HTMLReport {
    static func utility(_ report: ComparisonReport) -> String {
        var out = "<section id=\"utility\">\n<h2>Utility</h2>\n"
        guard let utility = report.utility, !utility.propensity.isEmpty || utility.tstr != nil else {
            return out + "<p>Not computed.</p>\n</section>\n"
        }
        if !utility.propensity.isEmpty {
            out += "<h3>Propensity (can a model tell real from synthetic?)</h3>\n"
            out += "<p class=\"lead\">pMSE as synthpop's <code>utility.gen</code>: 0 means the model cannot tell the tables apart. S_pMSE divides it by synthpop's expected value for tables from one distribution (with synthpop's formulas about 1 to 2 when they are alike); below 3 the tables are hard to tell apart, above 10 easy.</p>\n"
            out += "<table>\n<thead><tr><th>Model</th><th class=\"num\">pMSE</th><th class=\"num\">Expected pMSE</th><th class=\"num\">S_pMSE</th></tr></thead>\n<tbody>\n"
            for p in utility.propensity {
                out += "<tr><td>\(HTMLText.escape(p.model))</td><td class=\"num\">\(number(p.pMSE, 4))</td><td class=\"num\">\(number(p.expectedPMSE, 4))</td><td class=\"num\">\(number(p.sPMSE, 2))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if let tstr = utility.tstr {
            out += "<h3>Train on synthetic, test on real</h3>\n"
            out += "<p class=\"lead\">Target <strong>\(HTMLText.escape(tstr.target))</strong> (\(HTMLText.escape(tstr.task))), \(HTMLText.escape(tstr.model)), tested on \(Plural.count(tstr.holdoutRows, "holdout row")).\(tstr.subsampleNote.map { " " + HTMLText.escape($0.prefix(1).uppercased() + $0.dropFirst()) + "." } ?? "")</p>\n"
            out += "<table>\n<thead><tr><th>Metric</th><th class=\"num\">Trained on real</th><th class=\"num\">Trained on synthetic</th><th class=\"num\">Difference</th></tr></thead>\n<tbody>\n"
            for m in tstr.metrics {
                out += "<tr><td>\(HTMLText.escape(m.name))</td><td class=\"num\">\(number(m.trainOnReal, 3))</td><td class=\"num\">\(number(m.trainOnSynthetic, 3))</td><td class=\"num\">\(number(m.trainOnSynthetic - m.trainOnReal, 3))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n"
        return out
    }

    static func privacy(_ report: ComparisonReport) -> String {
        var out = "<section id=\"privacy\">\n<h2>Privacy</h2>\n"
        let verdict = privacyVerdict(report)
        out += "<div class=\"verdict \(verdict.grade)\"><strong class=\"\(verdict.grade)\">\(HTMLText.escape(verdict.headline.prefix(1).uppercased() + verdict.headline.dropFirst())).</strong> \(HTMLText.escape(verdict.text))</div>\n"
        guard let privacy = report.privacy else { return out + "</section>\n" }
        if let d = privacy.distance {
            out += "<h3>Distance to closest record</h3>\n"
            out += "<table>\n<thead><tr><th>Measure</th><th class=\"num\">Value</th><th>Reading</th></tr></thead>\n<tbody>\n"
            out += "<tr><td>DCR share</td><td class=\"num\">\(number(d.dcrShare, 3))</td><td>share of synthetic rows closer to a training row than to a holdout row; 0.5 is ideal</td></tr>\n"
            out += "<tr><td>NNDR, synthetic rows</td><td class=\"num\">\(number(d.nndrSynthetic, 3))</td><td>median closest / second-closest distance; far below the holdout value suggests copies</td></tr>\n"
            out += "<tr><td>NNDR, holdout rows</td><td class=\"num\">\(number(d.nndrHoldout, 3))</td><td>the same for unseen real rows, for reference</td></tr>\n"
            out += "</tbody>\n</table>\n"
            out += "<p class=\"lead\">\(Plural.count(d.syntheticRows, "synthetic row")) against \(d.referenceRows) training and \(d.referenceRows) holdout rows.</p>\n"
        }
        if !privacy.attacks.isEmpty {
            out += "<h3>Attacks (anonymeter)</h3>\n"
            out += "<p class=\"lead\">Each attack guesses about training rows from the synthetic table (main) and about holdout rows (control). Risk = (main − control) / (1 − control), with its 95% Wilson interval.</p>\n"
            out += "<table>\n<thead><tr><th>Attack</th><th class=\"num\">Attacks</th><th class=\"num\">Main</th><th class=\"num\">Control</th><th class=\"num\">Risk</th><th class=\"num\">Interval</th><th></th></tr></thead>\n<tbody>\n"
            for a in privacy.attacks {
                out += "<tr><td class=\"name\">\(HTMLText.escape(attackName(a.name)))</td><td class=\"num\">\(a.attacks)</td><td class=\"num\">\(number(a.mainSuccess, 3))</td><td class=\"num\">\(number(a.controlSuccess, 3))</td>"
                out += "<td class=\"num \(a.risk > 0.2 ? "weak" : a.risk > 0.05 ? "fair" : "good")\">\(number(a.risk, 3))</td><td class=\"num\">\(number(a.riskLow, 3))–\(number(a.riskHigh, 3))</td><td>\(interval(a))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n"
        return out
    }

    static func provenanceSection(_ p: Provenance) -> String {
        var out = "<section id=\"provenance\">\n<h2>Provenance</h2>\n<dl class=\"prov\">\n"
        if p.inputs.isEmpty {
            out += "<dt>Inputs</dt><dd>not recorded</dd>\n"
        }
        for input in p.inputs {
            out += "<dt>Input</dt><dd><code>\(HTMLText.escape(input.path))</code><br><span class=\"none\">SHA-256</span> <code>\(HTMLText.escape(input.sha256))</code></dd>\n"
        }
        out += "<dt>Seed</dt><dd><code>\(p.seed)</code></dd>\n"
        out += "<dt>synth version</dt><dd><code>\(HTMLText.escape(p.version))</code></dd>\n"
        if let created = p.created { out += "<dt>Created</dt><dd>\(HTMLText.escape(created))</dd>\n" }
        out += "</dl>\n"
        if let ledger = p.privacyLedger {
            out += "<h3>Privacy budget</h3>\n<pre>\(HTMLText.escape(ledger))</pre>\n"
        }
        if let script = p.script {
            out += "<h3>Script</h3>\n<pre>\(HTMLText.escape(script))</pre>\n"
        }
        out += "</section>\n"
        return out
    }

    private static func number(_ value: Double, _ digits: Int) -> String {
        value.isFinite ? NumberFormat.fixed(value, digits: digits) : "–"
    }

    /// The risk interval drawn on [0, 1] with the point estimate.
    private static func interval(_ a: AttackRisk) -> String {
        func x(_ v: Double) -> String { HTMLText.coord(min(1, max(0, v.isNaN ? 0 : v)) * 116 + 2) }
        var svg = "<svg viewBox=\"0 0 120 14\" width=\"120\" height=\"14\" role=\"img\" aria-label=\"risk interval\">"
        svg += "<line x1=\"2\" y1=\"7\" x2=\"118\" y2=\"7\" stroke=\"#e4e7eb\" stroke-width=\"4\" stroke-linecap=\"round\"/>"
        svg += "<line x1=\"\(x(a.riskLow))\" y1=\"7\" x2=\"\(x(a.riskHigh))\" y2=\"7\" stroke=\"#616e7c\" stroke-width=\"4\" stroke-linecap=\"round\"/>"
        svg += "<circle cx=\"\(x(a.risk))\" cy=\"7\" r=\"3.5\" fill=\"#1f2933\"/>"
        return svg + "</svg>"
    }
}

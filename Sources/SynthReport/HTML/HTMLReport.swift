// HTMLReport: a ComparisonReport as one self-contained HTML5 page (inline CSS and SVG, no script).

import SynthCore
import SynthData
import SynthEval

/// Renders a comparison as a single HTML file: summary, per-column charts, correlation heatmaps,
/// score tables, coverage, utility, privacy and provenance. No JavaScript, no network access;
/// every text from data or names is escaped. The same inputs give byte-identical output.
public enum HTMLReport {
    /// Most numeric columns drawn in a correlation heatmap.
    static let heatmapLimit = 40
    /// Pairs listed as the weakest.
    static let weakestPairs = 10
    /// Most columns drawn as charts.
    static let chartLimit = 120

    public static func render(_ report: ComparisonReport, real: Table, synthetic: Table, provenance: Provenance) -> String {
        let title = "\(report.syntheticName) vs \(report.realName)"
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>synth report: \(HTMLText.escape(title))</title>\n"
        out += "<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n<main>\n"
        out += "<header>\n<h1>Synthetic data report</h1>\n"
        out += "<p><strong>\(HTMLText.escape(report.syntheticName))</strong> (\(Plural.count(report.syntheticRows, "synthetic row"))) compared with <strong>\(HTMLText.escape(report.realName))</strong> (\(Plural.count(report.realRows, "real row")))</p>\n"
        out += "</header>\n"
        out += summary(report)
        out += distributions(report, real: real, synthetic: synthetic)
        out += correlations(report)
        out += shapes(report)
        out += pairs(report)
        out += coverage(report)
        out += utility(report)
        out += privacy(report)
        out += provenanceSection(provenance)
        out += "<footer>Made by synth \(HTMLText.escape(provenance.version)). This page is self-contained: no scripts, no network requests.</footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: summary

    static func summary(_ report: ComparisonReport) -> String {
        let q = report.quality
        var out = "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tiles\">\n"
        out += tile("Overall quality", q.overall, sub: "mean of shapes and pair trends")
        out += tile("Column shapes", q.shapesScore, sub: "\(Plural.count(q.shapes.count, "column")), KS / TV complement")
        out += tile("Column pair trends", q.pairsScore, sub: "\(Plural.count(q.pairs.count, "pair")), correlation / contingency")
        let copies = report.exactMatches
        out += "<div class=\"tile\"><div class=\"label\">Exact matches</div><div class=\"value \(copies == 0 ? "good" : "weak")\">\(HTMLText.percent(report.exactMatchRate))</div><div class=\"sub\">\(copies) of \(Plural.count(report.syntheticRows, "synthetic row")) copy a real row</div></div>\n"
        out += "</div>\n"
        let verdict = privacyVerdict(report)
        out += "<div class=\"verdict \(verdict.grade)\"><strong class=\"\(verdict.grade)\">Privacy: \(HTMLText.escape(verdict.headline)).</strong> \(HTMLText.escape(verdict.text))</div>\n"
        out += "<p class=\"lead\">Method: \(HTMLText.escape(report.method ?? "not stated")). Scores run from 0 to 1; 1 means the synthetic table reproduces the real one.</p>\n"
        out += "</section>\n"
        return out
    }

    private static func tile(_ label: String, _ value: Double, sub: String) -> String {
        "<div class=\"tile\"><div class=\"label\">\(label)</div><div class=\"value \(HTMLText.grade(value))\">\(HTMLText.score(value))</div><div class=\"sub\">\(HTMLText.escape(sub))</div></div>\n"
    }

    /// A plain-words privacy verdict: a headline, a grade (good / fair / weak / none) and reasons.
    static func privacyVerdict(_ report: ComparisonReport) -> (grade: String, headline: String, text: String) {
        var level = 0 // 0 low, 1 moderate, 2 high
        var reasons: [String] = []
        if report.exactMatches == 0 {
            reasons.append("No synthetic row copies a real row.")
        } else if report.isDifferentiallyPrivate {
            // The rows were drawn from a differentially private model: equal rows are chance
            // agreement on a few coarse columns, and the guarantee bounds what they reveal.
            reasons.append("\(Plural.count(report.exactMatches, "synthetic row")) (\(HTMLText.percent(report.exactMatchRate))) \(report.exactMatches == 1 ? "equals" : "equal") a real row by chance; the model is differentially private, so they reveal no more than the guarantee allows.")
        } else if report.uniqueMatches == 0 {
            reasons.append("\(Plural.count(report.exactMatches, "synthetic row")) (\(HTMLText.percent(report.exactMatchRate))) \(report.exactMatches == 1 ? "equals" : "equal") a real row that other real rows equal too, which singles out no one.")
        } else {
            level = max(level, report.uniqueMatchRate > 0.01 ? 2 : 1)
            reasons.append("\(Plural.count(report.uniqueMatches, "synthetic row")) (\(HTMLText.percent(report.uniqueMatchRate))) \(report.uniqueMatches == 1 ? "copies" : "copy") a unique real row (one no other real row equals); remove them before release (sample does, with replicates=remove).")
        }
        guard let privacy = report.privacy else {
            reasons.append("Distance and attack risks were not measured (they need a holdout).")
            let grade = level == 0 ? "none" : level == 1 ? "fair" : "weak"
            return (grade, level == 0 ? "only exact copies checked" : level == 1 ? "moderate risk" : "high risk", reasons.joined(separator: " "))
        }
        if let d = privacy.distance {
            let share = NumberFormat.fixed(d.dcrShare, digits: 2)
            if d.dcrShare > 0.6 {
                level = max(level, 2)
                reasons.append("Synthetic rows sit much closer to the training rows than to unseen holdout rows (DCR share \(share); 0.5 is ideal), a sign of memorised records.")
            } else if d.dcrShare > 0.55 {
                level = max(level, 1)
                reasons.append("Synthetic rows sit somewhat closer to the training rows than to holdout rows (DCR share \(share); 0.5 is ideal).")
            } else {
                reasons.append("Synthetic rows are no closer to the training rows than to unseen holdout rows (DCR share \(share); 0.5 is ideal).")
            }
        }
        if let worst = privacy.attacks.max(by: { ($0.risk, $1.name) < ($1.risk, $0.name) }) {
            let risk = NumberFormat.fixed(worst.risk, digits: 2)
            let interval = "\(NumberFormat.fixed(worst.riskLow, digits: 2))–\(NumberFormat.fixed(worst.riskHigh, digits: 2))"
            if worst.risk > 0.2 {
                level = max(level, 2)
                reasons.append("The \(attackName(worst.name)) attack succeeds well beyond its control (risk \(risk), interval \(interval)).")
            } else if worst.risk > 0.05 {
                level = max(level, 1)
                reasons.append("The strongest attack, \(attackName(worst.name)), does a little better than its control (risk \(risk), interval \(interval)).")
            } else {
                reasons.append("No attack does clearly better than its control (highest risk \(risk), \(attackName(worst.name))).")
            }
        }
        let grade = ["good", "fair", "weak"][level]
        return (grade, ["low risk", "moderate risk", "high risk"][level], reasons.joined(separator: " "))
    }

    /// Readable name of an anonymeter attack ("inference:age" → "inference on age").
    static func attackName(_ name: String) -> String {
        if name.hasPrefix("inference:") { return "inference on " + name.dropFirst("inference:".count) }
        return name.replacingOccurrences(of: "_", with: " ")
    }
}

// CompareRenderer: the `compare` cell: scores, the weakest columns and pairs, privacy next to them.

import SynthCore
import SynthEval

public enum CompareRenderer {
    /// How many columns and pairs the compact view lists.
    static let compactRows = 5

    public static func render(_ report: ComparisonReport, details: Bool) -> String {
        let q = report.quality
        var out = "compare \(report.syntheticName) (\(Plural.count(report.syntheticRows, "synthetic row"))) with \(report.realName) (\(Plural.count(report.realRows, "real row")))\n"
        if let method = report.method { out += "  method: \(method)\n" }
        out += "  overall quality     \(score(q.overall))\n"
        out += "  column shapes       \(score(q.shapesScore))  (\(Plural.count(q.shapes.count, "column")): KS / TV complement)\n"
        out += "  column pair trends  \(score(q.pairsScore))  (\(Plural.count(q.pairs.count, "pair")): correlation / contingency similarity)\n"
        out += "  real rows copied    \(report.exactMatches) of \(report.syntheticRows) (\(NumberFormat.percent(report.exactMatchRate)))"
        if report.exactMatches == 0 {
            out += ", none released\n"
        } else if report.isDifferentiallyPrivate {
            out += ", agreement by chance under differential privacy\n"
        } else if report.uniqueMatches == 0 {
            out += ", none of them a unique real row\n"
        } else {
            out += ", \(report.uniqueMatches) of them \(report.uniqueMatches == 1 ? "a unique real row" : "unique real rows"): remove those before release\n"
        }
        if report.privacy == nil {
            out += "  (distance and attack risks need holdout=: real rows the model never saw)\n"
        }

        if !q.notes.isEmpty {
            let shown = details ? q.notes : Array(q.notes.prefix(compactRows))
            out += "  not scored: " + shown.joined(separator: "; ")
            out += q.notes.count > shown.count ? "; and \(q.notes.count - shown.count) more (details=true)\n" : "\n"
        }

        out += coverage(report.coverage, details: details)
        if let section = report.utility { out += utility(section) }
        if let section = report.privacy { out += privacy(section, report: report, details: details) }

        let shapes = details ? q.shapes : Array(q.shapes.sorted(by: worstFirst).prefix(compactRows))
        if !shapes.isEmpty {
            out += details ? "\n  column shapes\n" : "\n  weakest columns\n"
            var grid = TextTable(headers: ["column", "metric", "score"], alignments: [.left, .left, .right])
            for s in shapes { grid.add([s.column, s.metric.rawValue, score(s.score)]) }
            out += grid.render(indent: 4)
        }
        let pairs = details ? q.pairs : Array(q.pairs.sorted(by: worstFirst).prefix(compactRows))
        if !pairs.isEmpty {
            out += details ? "\n  column pair trends\n" : "\n  weakest pairs\n"
            var grid = TextTable(headers: ["columns", "metric", "real", "synthetic", "score"],
                                 alignments: [.left, .left, .right, .right, .right])
            for p in pairs {
                grid.add(["\(p.columnA) ~ \(p.columnB)", p.metric.rawValue, p.realValue.map(corr) ?? "-", p.syntheticValue.map(corr) ?? "-",
                          score(p.score)])
            }
            out += grid.render(indent: 4)
        }
        return out
    }

    /// A score, or "-" when there was nothing to score (a one-column table has no pairs).
    private static func score(_ value: Double) -> String { value.isNaN ? "-" : NumberFormat.fixed(value, digits: 3) }
    private static func corr(_ value: Double) -> String { NumberFormat.fixed(value, digits: 2) }

    /// Lowest score first; ties by name, so the listing is stable.
    private static func worstFirst(_ a: ShapeScore, _ b: ShapeScore) -> Bool {
        a.score != b.score ? (a.score.isNaN ? false : b.score.isNaN ? true : a.score < b.score) : a.column < b.column
    }

    private static func worstFirst(_ a: PairScore, _ b: PairScore) -> Bool {
        if a.score != b.score { return a.score.isNaN ? false : b.score.isNaN ? true : a.score < b.score }
        return (a.columnA, a.columnB) < (b.columnA, b.columnB)
    }
}

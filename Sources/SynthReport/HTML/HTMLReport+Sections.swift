// HTMLReport+Sections: the report's sections after the summary, one function each.

import SynthCore
import SynthData
import SynthEval

extension HTMLReport {
    static let legend = "<div class=\"legend\"><span class=\"r\">real</span><span class=\"s\">synthetic</span></div>\n"

    // MARK: distributions

    static func distributions(_ report: ComparisonReport, real: Table, synthetic: Table) -> String {
        var out = "<section id=\"distributions\">\n<h2>Column distributions</h2>\n"
        out += "<p class=\"lead\">Share of present values per bin or level. Numeric columns use the same bins for both tables; categorical columns show the \(SVGDistribution.topLevels) most frequent levels.</p>\n"
        out += legend
        let scores = Dictionary(report.quality.shapes.map { ($0.column, $0.score) }, uniquingKeysWith: { a, _ in a })
        var cards: [String] = []
        var skipped = 0
        for column in real.columns where !column.isIdentifier {
            guard let other = synthetic.column(column.name), let chart = SVGDistribution.chart(real: column, synthetic: other) else { continue }
            if cards.count == chartLimit { skipped += 1; continue }
            let score = scores[column.name] ?? .nan
            let name = HTMLText.escape(column.name)
            var card = "<div class=\"card\">\n<h3 title=\"\(name)\">\(name)</h3>\n"
            card += "<div class=\"meta\"><span>\(column.kind.rawValue)</span><span class=\"\(HTMLText.grade(score))\">\(HTMLText.score(score))</span></div>\n"
            card += chart.svg + "\n"
            let missing = "missing \(HTMLText.percent(share(column.missingCount, column.count))) / \(HTMLText.percent(share(other.missingCount, other.count)))"
            card += "<div class=\"meta\"><span>\(HTMLText.escape(chart.caption))</span><span>\(missing)</span></div>\n</div>\n"
            cards.append(card)
        }
        if cards.isEmpty {
            out += "<p>No column could be drawn.</p>\n"
        } else {
            out += "<div class=\"cards\">\n" + cards.joined() + "</div>\n"
        }
        if skipped > 0 { out += "<p class=\"lead\">\(Plural.count(skipped, "more column")) not drawn (at most \(chartLimit)).</p>\n" }
        out += "</section>\n"
        return out
    }

    private static func share(_ part: Int, _ whole: Int) -> Double { whole == 0 ? .nan : Double(part) / Double(whole) }

    // MARK: correlations

    static func correlations(_ report: ComparisonReport) -> String {
        var out = "<section id=\"correlations\">\n<h2>Correlations</h2>\n"
        let numeric = report.quality.shapes.filter { $0.metric == .ksComplement }.map(\.column)
        guard numeric.count >= 2 else {
            return out + "<p>Fewer than two numeric columns: no correlations to draw.</p>\n</section>\n"
        }
        let names = Array(numeric.prefix(heatmapLimit))
        out += "<p class=\"lead\">Pearson correlations between numeric columns, and synthetic minus real."
        if numeric.count > names.count {
            out += " Showing the first \(heatmapLimit) of \(numeric.count) numeric columns."
        }
        out += " Grey cells are undefined (a constant or empty column).</p>\n"
        var lookup: [String: (Double?, Double?)] = [:]
        for p in report.quality.pairs where p.metric == .correlationSimilarity {
            lookup[p.columnA + "\u{0}" + p.columnB] = (p.realValue, p.syntheticValue)
            lookup[p.columnB + "\u{0}" + p.columnA] = (p.realValue, p.syntheticValue)
        }
        let n = names.count
        var realGrid = [[Double?]](repeating: [Double?](repeating: nil, count: n), count: n)
        var synGrid = realGrid, diffGrid = realGrid
        for i in 0..<n {
            for j in 0..<n {
                if i == j {
                    realGrid[i][j] = 1; synGrid[i][j] = 1; diffGrid[i][j] = 0
                    continue
                }
                guard let (r, s) = lookup[names[i] + "\u{0}" + names[j]] else { continue }
                realGrid[i][j] = r
                synGrid[i][j] = s
                if let r, let s { diffGrid[i][j] = s - r }
            }
        }
        // Past a dozen columns three grids side by side get too small to read: one per row.
        out += n > 12 ? "<div class=\"heatmaps stacked\">\n" : "<div class=\"heatmaps\">\n"
        out += "<figure><figcaption>Real</figcaption>\(SVGHeatmap.render(names: names, values: realGrid, limit: 1, title: "Real correlations"))</figure>\n"
        out += "<figure><figcaption>Synthetic</figcaption>\(SVGHeatmap.render(names: names, values: synGrid, limit: 1, title: "Synthetic correlations"))</figure>\n"
        out += "<figure><figcaption>Difference (synthetic − real)</figcaption>\(SVGHeatmap.render(names: names, values: diffGrid, limit: 0.5, title: "Correlation differences"))</figure>\n"
        out += "</div>\n"
        out += "<div class=\"scale\"><span>Correlation</span>\(SVGHeatmap.legend(limit: 1))<span>Difference (clipped at ±0.5)</span>\(SVGHeatmap.legend(limit: 0.5))</div>\n"
        out += "</section>\n"
        return out
    }

    // MARK: score tables

    static func shapes(_ report: ComparisonReport) -> String {
        let q = report.quality
        var out = "<section id=\"shapes\">\n<h2>Column shapes</h2>\n"
        out += "<p class=\"lead\">How well each column's distribution is reproduced, weakest first: KS complement for numbers and dates, TV complement for categories.</p>\n"
        if q.shapes.isEmpty {
            out += "<p>No column was scored.</p>\n"
        } else {
            out += "<table>\n<thead><tr><th>Column</th><th>Metric</th><th class=\"num\">Score</th><th></th></tr></thead>\n<tbody>\n"
            let sorted = q.shapes.sorted { $0.score != $1.score ? $0.score < $1.score : $0.column < $1.column }
            for s in sorted {
                out += "<tr><td class=\"name\">\(HTMLText.escape(s.column))</td><td>\(s.metric.rawValue)</td><td class=\"num\">\(HTMLText.score(s.score))</td><td>\(bar(s.score))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if !q.notes.isEmpty {
            out += "<h3>Not scored</h3>\n<ul class=\"notes\">\n"
            for note in q.notes { out += "<li>\(HTMLText.escape(note))</li>\n" }
            out += "</ul>\n"
        }
        out += "</section>\n"
        return out
    }

    static func pairs(_ report: ComparisonReport) -> String {
        let q = report.quality
        var out = "<section id=\"pairs\">\n<h2>Weakest pairs</h2>\n"
        out += "<p class=\"lead\">Column pair trends: 1 − |r<sub>real</sub> − r<sub>synthetic</sub>| / 2 for numeric pairs, 1 − total variation distance of the contingency table otherwise.</p>\n"
        if q.pairs.isEmpty {
            return out + "<p>No pair was scored.</p>\n</section>\n"
        }
        let sorted = q.pairs.sorted {
            $0.score != $1.score ? $0.score < $1.score : ($0.columnA, $0.columnB) < ($1.columnA, $1.columnB)
        }
        out += "<table>\n<thead><tr><th>Columns</th><th>Metric</th><th class=\"num\">Real r</th><th class=\"num\">Synthetic r</th><th class=\"num\">Score</th><th></th></tr></thead>\n<tbody>\n"
        for p in sorted.prefix(weakestPairs) {
            let r = p.realValue.map { NumberFormat.fixed($0, digits: 2) } ?? "–"
            let s = p.syntheticValue.map { NumberFormat.fixed($0, digits: 2) } ?? "–"
            out += "<tr><td class=\"name\">\(HTMLText.escape(p.columnA)) ~ \(HTMLText.escape(p.columnB))</td><td>\(p.metric.rawValue)</td><td class=\"num\">\(r)</td><td class=\"num\">\(s)</td><td class=\"num\">\(HTMLText.score(p.score))</td><td>\(bar(p.score))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if q.pairs.count > weakestPairs { out += "<p class=\"lead\">\(weakestPairs) weakest of \(q.pairs.count) pairs.</p>\n" }
        out += "</section>\n"
        return out
    }

    static func coverage(_ report: ComparisonReport) -> String {
        var out = "<section id=\"coverage\">\n<h2>Coverage</h2>\n"
        out += "<p class=\"lead\">Missing-value similarity (1 − difference in missing shares), category coverage (share of real categories that appear) and range coverage (how much of the real range the synthetic values span).</p>\n"
        guard !report.coverage.isEmpty else {
            return out + "<p>No coverage scores were computed.</p>\n</section>\n"
        }
        var order: [String] = []
        var byColumn: [String: [String: Double]] = [:]
        for score in report.coverage {
            if byColumn[score.column] == nil { order.append(score.column) }
            byColumn[score.column, default: [:]][score.metric] = score.score
        }
        let metrics = ["MissingValueSimilarity", "CategoryCoverage", "RangeCoverage"]
        out += "<table>\n<thead><tr><th>Column</th><th class=\"num\">Missing values</th><th class=\"num\">Categories</th><th class=\"num\">Range</th></tr></thead>\n<tbody>\n"
        for column in order {
            out += "<tr><td class=\"name\">\(HTMLText.escape(column))</td>"
            for metric in metrics {
                let value = byColumn[column]?[metric] ?? .nan
                out += "<td class=\"num \(HTMLText.grade(value))\">\(HTMLText.score(value))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    /// A small horizontal bar for a 0–1 score.
    static func bar(_ value: Double) -> String {
        guard !value.isNaN else { return "" }
        let width = NumberFormat.fixed(min(1, max(0, value)) * 100, digits: 1)
        return "<span class=\"bar\"><i class=\"\(HTMLText.grade(value))\" style=\"width:\(width)%\"></i></span>"
    }
}

// SVGDistribution: one column's real vs synthetic distribution as an inline SVG chart.

import SynthCore
import SynthData

/// Histograms (numeric kinds, shared bins) and bar charts (categories, top levels) of a column
/// in both tables, drawn as share of present values so different row counts compare directly.
enum SVGDistribution {
    /// Bins of a numeric histogram.
    static let bins = 20
    /// Levels shown in a bar chart; the rest are counted in a note.
    static let topLevels = 12

    /// The chart and a one-line caption, or nil when the column cannot be drawn (kinds differ,
    /// text or identifier kinds, no present values).
    static func chart(real: Column, synthetic: Column) -> (svg: String, caption: String)? {
        if real.kind == .boolean && synthetic.kind == .boolean { return bars(real: real, synthetic: synthetic) }
        if real.kind.isNumeric && synthetic.kind.isNumeric && real.kind != .boolean && synthetic.kind != .boolean {
            return histogram(real: real, synthetic: synthetic)
        }
        if real.kind == .categorical && synthetic.kind == .categorical { return bars(real: real, synthetic: synthetic) }
        return nil
    }

    // MARK: histogram

    private static func present(_ column: Column) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(column.count)
        for i in 0..<column.count where column.valid[i] && !column.numbers[i].isNaN { out.append(column.numbers[i]) }
        return out
    }

    private static func histogram(real: Column, synthetic: Column) -> (svg: String, caption: String)? {
        let r = present(real), s = present(synthetic)
        var lo = Double.infinity, hi = -Double.infinity
        for v in r { lo = min(lo, v); hi = max(hi, v) }
        for v in s { lo = min(lo, v); hi = max(hi, v) }
        guard lo <= hi, lo.isFinite, hi.isFinite else { return nil }
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let edges = EqualWidthBins(low: lo, high: hi, count: bins)
        func shares(_ values: [Double]) -> [Double] {
            var counts = [Double](repeating: 0, count: bins)
            for v in values { counts[edges.index(of: v)] += 1 }
            return values.isEmpty ? counts : counts.map { $0 / Double(values.count) }
        }
        let rs = shares(r), ss = shares(s)
        let top = max(rs.max() ?? 0, ss.max() ?? 0, 1e-12)

        let w = 300.0, h = 156.0, left = 4.0, right = 4.0, plotTop = 8.0, plotBottom = 132.0
        let plotWidth = w - left - right, plotHeight = plotBottom - plotTop
        let step = plotWidth / Double(bins)
        var svg = svgOpen(width: w, height: h, label: "Histogram of \(real.name), real and synthetic")
        svg += "<line x1=\"\(c(left))\" y1=\"\(c(plotBottom))\" x2=\"\(c(w - right))\" y2=\"\(c(plotBottom))\" stroke=\"#cbd2d9\"/>"
        for (i, share) in rs.enumerated() where share > 0 {
            let barHeight = share / top * plotHeight
            svg += "<rect x=\"\(c(left + Double(i) * step + 0.5))\" y=\"\(c(plotBottom - barHeight))\" width=\"\(c(step - 1))\" height=\"\(c(barHeight))\" fill=\"\(HTMLStyle.real)\" fill-opacity=\"0.55\"/>"
        }
        // The synthetic histogram as a step outline on top, so both stay visible.
        var points: [String] = ["\(c(left)),\(c(plotBottom))"]
        for (i, share) in ss.enumerated() {
            let y = plotBottom - share / top * plotHeight
            points.append("\(c(left + Double(i) * step)),\(c(y))")
            points.append("\(c(left + Double(i + 1) * step)),\(c(y))")
        }
        points.append("\(c(w - right)),\(c(plotBottom))")
        svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(HTMLStyle.synthetic)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
        let isDate = real.kind == .date
        func label(_ v: Double) -> String {
            if isDate { return HTMLText.date(days: v) }
            if real.kind == .datetime { return HTMLText.date(days: (v / 86_400).rounded(.down)) }
            return NumberFormat.compact(v)
        }
        svg += "<text x=\"\(c(left))\" y=\"\(c(h - 4))\" font-size=\"13\" fill=\"#616e7c\">\(HTMLText.escape(label(lo)))</text>"
        svg += "<text x=\"\(c(w - right))\" y=\"\(c(h - 4))\" font-size=\"13\" fill=\"#616e7c\" text-anchor=\"end\">\(HTMLText.escape(label(hi)))</text>"
        svg += "</svg>"
        return (svg, "\(bins) shared bins")
    }

    // MARK: bars

    /// Category texts of a column with their counts over present values; booleans by value.
    private static func counts(_ column: Column) -> [String: Int] {
        var out: [String: Int] = [:]
        if column.kind == .boolean {
            let names = column.levels.count == 2 ? column.levels : ["false", "true"]
            for i in 0..<column.count where column.valid[i] { out[names[column.numbers[i] != 0 ? 1 : 0], default: 0] += 1 }
            return out
        }
        var byCode = [Int](repeating: 0, count: column.levels.count)
        for i in 0..<column.count where column.valid[i] {
            let code = Int(column.codes[i])
            if code >= 0 && code < byCode.count { byCode[code] += 1 }
        }
        for (code, n) in byCode.enumerated() where n > 0 { out[column.levels[code], default: 0] += n }
        return out
    }

    private static func bars(real: Column, synthetic: Column) -> (svg: String, caption: String)? {
        let rc = counts(real), sc = counts(synthetic)
        let rTotal = Double(rc.values.reduce(0, +)), sTotal = Double(sc.values.reduce(0, +))
        guard rTotal + sTotal > 0 else { return nil }
        func share(_ n: Int?, _ total: Double) -> Double { total > 0 ? Double(n ?? 0) / total : 0 }
        // Most frequent real levels first, then synthetic-only levels; ties by text for stable output.
        let all = Set(rc.keys).union(sc.keys).sorted { a, b in
            let (ra, rb) = (rc[a] ?? 0, rc[b] ?? 0)
            if ra != rb { return ra > rb }
            let (sa, sb) = (sc[a] ?? 0, sc[b] ?? 0)
            if sa != sb { return sa > sb }
            return a < b
        }
        let shown = Array(all.prefix(topLevels))
        let top = max(shown.map { max(share(rc[$0], rTotal), share(sc[$0], sTotal)) }.max() ?? 0, 1e-12)

        let rowHeight = 24.0, labelWidth = 96.0, w = 300.0, valueWidth = 62.0
        let h = Double(shown.count) * rowHeight + 6
        let barSpace = w - labelWidth - valueWidth
        var svg = svgOpen(width: w, height: h, label: "Category shares of \(real.name), real and synthetic")
        for (i, level) in shown.enumerated() {
            let y = 3 + Double(i) * rowHeight
            let rShare = share(rc[level], rTotal), sShare = share(sc[level], sTotal)
            svg += "<text x=\"\(c(labelWidth - 6))\" y=\"\(c(y + 15))\" font-size=\"13\" fill=\"#1f2933\" text-anchor=\"end\"><title>\(HTMLText.escape(level))</title>\(HTMLText.escape(HTMLText.shortened(level, 12)))</text>"
            svg += "<rect x=\"\(c(labelWidth))\" y=\"\(c(y + 3))\" width=\"\(c(max(0.5, rShare / top * barSpace)))\" height=\"8\" rx=\"1.5\" fill=\"\(HTMLStyle.real)\"/>"
            svg += "<rect x=\"\(c(labelWidth))\" y=\"\(c(y + 12))\" width=\"\(c(max(0.5, sShare / top * barSpace)))\" height=\"8\" rx=\"1.5\" fill=\"\(HTMLStyle.synthetic)\"/>"
            svg += "<text x=\"\(c(w))\" y=\"\(c(y + 15))\" font-size=\"12\" fill=\"#616e7c\" text-anchor=\"end\">\(NumberFormat.fixed(rShare * 100, digits: 0))/\(NumberFormat.fixed(sShare * 100, digits: 0))%</text>"
        }
        svg += "</svg>"
        let hidden = all.count - shown.count
        let caption = hidden > 0 ? "top \(topLevels) of \(all.count) levels" : Plural.count(all.count, "level")
        return (svg, caption)
    }

    private static func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
    }

    private static func c(_ v: Double) -> String { HTMLText.coord(v) }
}

// SVGHeatmap: a correlation matrix as an inline SVG grid with a diverging colour scale.

import SynthCore

/// A square grid of values in [−limit, limit], purple for negative and green for positive
/// (colours chosen apart from the real / synthetic pair), grey where a value is undefined.
enum SVGHeatmap {
    static let negative = (r: 118.0, g: 42.0, b: 131.0)
    static let positive = (r: 27.0, g: 120.0, b: 55.0)
    static let neutral = (r: 247.0, g: 247.0, b: 247.0)

    /// The grid of `values[i][j]` for `names`, with `title` as its accessible label.
    static func render(names: [String], values: [[Double?]], limit: Double, title: String) -> String {
        let n = names.count
        // Cells stay at least 14 units wide so labels stay readable; the page scales the whole grid.
        let margin = 100.0, grid = max(260.0, Double(n) * 14)
        let cell = grid / Double(max(n, 1))
        let font = min(13, max(4, cell * 0.72))
        // Room on the right for the last rotated column label.
        let width = margin + grid + 44, height = margin + grid + 4
        var svg = "<svg viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        for (i, name) in names.enumerated() {
            let label = HTMLText.escape(HTMLText.middleShortened(name, 15))
            let full = HTMLText.escape(name)
            let mid = margin + (Double(i) + 0.5) * cell
            svg += "<text x=\"\(c(margin - 4))\" y=\"\(c(mid + font * 0.35))\" font-size=\"\(c(font))\" fill=\"#3e4c59\" text-anchor=\"end\"><title>\(full)</title>\(label)</text>"
            svg += "<text transform=\"translate(\(c(mid + font * 0.35)) \(c(margin - 4))) rotate(-60)\" font-size=\"\(c(font))\" fill=\"#3e4c59\"><title>\(full)</title>\(label)</text>"
        }
        for i in 0..<n {
            for j in 0..<n {
                let value = i < values.count && j < values[i].count ? values[i][j] : nil
                let x = margin + Double(j) * cell, y = margin + Double(i) * cell
                let tip = "\(names[i]) ~ \(names[j]): " + (value.map { NumberFormat.fixed($0, digits: 2) } ?? "undefined")
                svg += "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(cell))\" height=\"\(c(cell))\" fill=\"\(colour(value, limit: limit))\" stroke=\"#ffffff\" stroke-width=\"\(c(min(1, cell * 0.06)))\"><title>\(HTMLText.escape(tip))</title></rect>"
            }
        }
        svg += "</svg>"
        return svg
    }

    /// The legend bar from −limit to +limit, as a small SVG.
    static func legend(limit: Double) -> String {
        let steps = 11
        var svg = "<svg viewBox=\"0 0 240 32\" role=\"img\" aria-label=\"colour scale\" style=\"max-width:240px\">"
        for k in 0..<steps {
            let v = -limit + 2 * limit * Double(k) / Double(steps - 1)
            svg += "<rect x=\"\(c(Double(k) * 240 / Double(steps)))\" y=\"0\" width=\"\(c(240 / Double(steps) + 0.5))\" height=\"14\" fill=\"\(colour(v, limit: limit))\"/>"
        }
        let low = NumberFormat.compact(-limit), high = NumberFormat.compact(limit)
        svg += "<text x=\"0\" y=\"30\" font-size=\"13\" fill=\"#616e7c\">\(low)</text>"
        svg += "<text x=\"120\" y=\"30\" font-size=\"13\" fill=\"#616e7c\" text-anchor=\"middle\">0</text>"
        svg += "<text x=\"240\" y=\"30\" font-size=\"13\" fill=\"#616e7c\" text-anchor=\"end\">\(high)</text>"
        svg += "</svg>"
        return svg
    }

    /// A hex colour for `value`, interpolated from neutral to the end colour by |value| / limit.
    static func colour(_ value: Double?, limit: Double) -> String {
        guard let value, !value.isNaN else { return "#d9dde2" }
        let t = min(1, abs(value) / limit)
        let end = value < 0 ? negative : positive
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let rgb = [channel(neutral.r, end.r), channel(neutral.g, end.g), channel(neutral.b, end.b)]
        let digits = Array("0123456789abcdef")
        return "#" + rgb.map { String([digits[$0 >> 4], digits[$0 & 15]]) }.joined()
    }

    private static func c(_ v: Double) -> String { HTMLText.coord(v) }
}

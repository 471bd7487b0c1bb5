// Sparkline: a one-line histogram from bin counts.

public enum Sparkline {
    private static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per bin, scaled to the largest bin; an empty bin is a space.
    public static func render(_ counts: [Int]) -> String {
        guard let top = counts.max(), top > 0 else { return "" }
        return String(counts.map { count -> Character in
            if count == 0 { return " " }
            let level = Int((Double(count) / Double(top) * Double(bars.count - 1)).rounded())
            return bars[max(0, min(bars.count - 1, level))]
        })
    }
}

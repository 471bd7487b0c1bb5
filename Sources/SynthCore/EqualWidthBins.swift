// EqualWidthBins: the bin of a number among equal-width bins over a range, for any finite range.

/// `count` equal-width bins over `low...high`, as histograms and binned metrics cut a range.
/// Total for every input: a range whose width overflows a Double (-1.7e308...1.7e308) is measured
/// in halves, a range without width puts everything in the first bin, and values outside the
/// range (or NaN) are clipped into the first or last bin. Within an ordinary range the bin is
/// exactly `Int((value - low) / ((high - low) / count))`, clipped.
public struct EqualWidthBins: Sendable {
    public let low: Double
    public let count: Int
    /// 1, or 0.5 when `high - low` overflows; values and bounds are scaled by it before subtracting.
    private let scale: Double
    /// The width of a bin, in scaled units.
    private let width: Double

    public init(low: Double, high: Double, count: Int) {
        self.low = low
        self.count = Swift.max(1, count)
        scale = (high - low).isFinite ? 1 : 0.5
        width = (high * scale - low * scale) / Double(self.count)
    }

    /// The bin of `value`, in `0..<count`.
    public func index(of value: Double) -> Int {
        guard width > 0 else { return 0 }
        let position = (value * scale - low * scale) / width
        // NaN fails both comparisons and lands in the first bin.
        guard position > 0 else { return 0 }
        return position < Double(count - 1) ? Int(position) : count - 1
    }
}

// EqualWidthBins: every finite range bins, whatever its width; ordinary ranges bin as before.

import Testing
@testable import SynthCore

struct EqualWidthBinsTests {
    struct Case: CustomStringConvertible, Sendable {
        let id: String
        let low: Double, high: Double, count: Int
        let value: Double
        let bin: Int
        var description: String { id }
    }

    static let cases: [Case] = [
        Case(id: "ordinary", low: 0, high: 10, count: 10, value: 3, bin: 3),
        Case(id: "upper-bound-in-last-bin", low: 0, high: 10, count: 10, value: 10, bin: 9),
        Case(id: "below-range-clipped", low: 0, high: 10, count: 10, value: -5, bin: 0),
        Case(id: "above-range-clipped", low: 0, high: 10, count: 10, value: 1e308, bin: 9),
        Case(id: "nan-in-first-bin", low: 0, high: 10, count: 10, value: .nan, bin: 0),
        Case(id: "width-overflows-low", low: -1.7e308, high: 1.7e308, count: 16, value: -1.7e308, bin: 0),
        Case(id: "width-overflows-middle", low: -1.7e308, high: 1.7e308, count: 16, value: 5, bin: 8),
        Case(id: "width-overflows-high", low: -1.7e308, high: 1.7e308, count: 16, value: 1.7e308, bin: 15),
        Case(id: "no-width", low: 1e308, high: 1e308, count: 10, value: 1e308, bin: 0),
        Case(id: "width-underflows", low: 0, high: .leastNonzeroMagnitude, count: 16, value: .leastNonzeroMagnitude, bin: 0),
        Case(id: "infinite-value", low: 0, high: 1, count: 4, value: .infinity, bin: 3),
        Case(id: "no-bins-means-one", low: 0, high: 1, count: 0, value: 0.5, bin: 0),
    ]

    @Test(arguments: cases)
    func binOf(_ c: Case) {
        #expect(EqualWidthBins(low: c.low, high: c.high, count: c.count).index(of: c.value) == c.bin, "\(c.id)")
    }

    @Test func ordinaryRangesBinAsTheDivisionByTheWidth() {
        // Setup: the formula the histograms used before, on values that land on bin edges.
        let low = 0.1, high = 7.3, count = 16
        let width = (high - low) / Double(count)
        let bins = EqualWidthBins(low: low, high: high, count: count)
        for step in 0...1000 {
            let value = low + (high - low) * Double(step) / 1000
            #expect(bins.index(of: value) == min(count - 1, Int((value - low) / width)), "at \(value)")
        }
    }
}

// NumberFormat: fixed, locale-free text for numbers.

import Testing
@testable import SynthCore

struct NumberFormatTests {
    @Test func fixedDigits() {
        #expect(NumberFormat.fixed(0.91234, digits: 3) == "0.912")
        #expect(NumberFormat.fixed(-0.0001, digits: 2) == "0.00")
        #expect(NumberFormat.fixed(.nan, digits: 2) == "NaN")
    }

    @Test func compactAndRoundTrip() {
        #expect(NumberFormat.compact(63) == "63")
        #expect(NumberFormat.compact(54.4389) == "54.44")
        #expect(NumberFormat.compact(0.123456) == "0.1235")
        #expect(NumberFormat.roundTrip(2.3) == "2.3")
        #expect(NumberFormat.roundTrip(145) == "145")
        #expect(NumberFormat.percent(0.125) == "12.5%")
    }

    @Test func chunksCoverTheRangeInOrder() {
        let chunks = Parallel.chunks(10, count: 3)
        #expect(chunks == [0..<3, 3..<6, 6..<10])
        #expect(Parallel.map(5) { $0 * $0 } == [0, 1, 4, 9, 16])
    }
}

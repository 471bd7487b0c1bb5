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

struct CholeskyTests {
    @Test func factorsAndSolvesAHandCase() throws {
        // [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]]; solving for b = [2, 1] gives [0.5, 0].
        let l = try #require(Cholesky.factor([4, 2, 2, 3], dimension: 2))
        #expect(l[0] == 2 && l[1] == 0 && l[2] == 1 && abs(l[3] - 2.0.squareRoot()) < 1e-15)
        let z = Cholesky.solve(factor: l, [2, 1], dimension: 2)
        #expect(abs(z[0] - 0.5) < 1e-12 && abs(z[1]) < 1e-12)
    }

    @Test func notPositiveDefiniteIsNilUnlessPinned() {
        #expect(Cholesky.factor([1, 2, 2, 1], dimension: 2) == nil)
        #expect(Cholesky.factor([1, 0, 0, 0], dimension: 2, pinDegenerate: true) == [1, 0, 0, 1])
    }
}

// Values at the edge of what a column holds: formatting and generalizing never trap on them.

import SynthCore
import Testing
@testable import SynthData

struct ValueEdgeTests {
    @Test(arguments: [1e300, -1e300, .infinity, .nan, ColumnKind.wholeMagnitude * 2])
    func aDayCountNoDateHoldsIsWrittenAsTheNumber(_ days: Double) {
        // Run
        let date = DateCodec.formatDate(days: days, pattern: nil)
        let datetime = DateCodec.formatDateTime(seconds: days, pattern: nil)
        // Assert: the count itself, not a trap and not a made-up date.
        #expect(date == NumberFormat.roundTrip(days))
        #expect(datetime == NumberFormat.roundTrip(days))
    }

    @Test func theLargestDayCountADateHoldsIsADate() {
        // Run
        let text = DateCodec.formatDate(days: ColumnKind.wholeMagnitude, pattern: nil)
        let early = DateCodec.formatDateTime(seconds: -ColumnKind.wholeMagnitude, pattern: nil)
        // Assert: far years (2^53 days is 2.5e13 years; 2^53 seconds 2.9e8), written in full.
        #expect(text == "24660873954867-01-10", "\(text)")
        #expect(early.hasPrefix("-2854"), "\(early)")
    }

    @Test func anIntegerPast2To53IsWrittenAsANumber() {
        // Setup: a value no reader or command puts in an integer column, built by hand.
        let column = Column(name: "x", kind: .integer, numbers: [1e20, 42], valid: [true, true])
        // Run
        let texts = (0..<2).map { CellFormatter.text(column, row: $0) }
        let prefixed = column.prefixed(2).column
        // Assert
        #expect(texts == ["1e+20", "42"])
        #expect(prefixed.levels == ["1e", "42"])
    }

    @Test func aDateNoColumnHoldsIsLeftAsItIsByTruncation() {
        // Setup
        let column = Column(name: "d", kind: .date, numbers: [1e300, 0], valid: [true, true])
        // Run
        let truncated = column.truncatedDates(to: .year)
        // Assert: 1970-01-01 stays; the far count is not a date to truncate.
        #expect(truncated.numbers == [1e300, 0])
    }
}

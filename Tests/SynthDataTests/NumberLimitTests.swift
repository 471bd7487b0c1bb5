// Numbers a Double cannot hold: overflow is a located error, wide whole numbers stay exact text.

import Testing
@testable import SynthData

struct NumberOverflowTests {
    @Test func aNumberThatOverflowsIsALocatedErrorWithTheTextHint() {
        // Setup
        let text = "a,b\n1,2\n1e309,3\n"
        // Run
        let error = Fixture.error(text)
        // Assert
        #expect(error == .malformed(path: "t.csv", line: 3, column: 1, message:
            "column 'a': 1e309 is too large for a number (beyond ±1.8e308); types=[\"a:text\"] (or categorical) loads the column as text"))
    }

    @Test(arguments: ["-1e309", "1.8e308", "1" + String(repeating: "0", count: 400)])
    func everySpellingThatOverflowsIsRefused(_ value: String) {
        // Setup
        let text = "x\n1\n\(value)\n"
        // Run
        let error = Fixture.error(text)
        // Assert
        #expect(error?.description.hasPrefix("t.csv:3:1: column 'x': ") == true)
        #expect(error?.description.contains("too large for a number") == true)
    }

    @Test(arguments: [ColumnKind.numeric, .integer])
    func aNumericOverrideRefusesOverflowToo(_ kind: ColumnKind) {
        // Run
        let error = Fixture.error("x\n1e309\n", options: CSVOptions(types: ["x": kind]))
        // Assert
        #expect(error?.description.hasPrefix("t.csv:2:1: column 'x': 1e309 is too large for a number") == true)
    }

    @Test(arguments: [ColumnKind.text, .categorical])
    func aTextOverrideLoadsTheValueAsWritten(_ kind: ColumnKind) throws {
        // Run
        let table = try Fixture.read("x,y\n1e309,1\n2,2\n", options: CSVOptions(types: ["x": kind]))
        // Assert
        #expect(table.columns[0].kind == kind)
        #expect(Fixture.texts(table.columns[0]) == ["1e309", "2"])
    }

    @Test func aColumnThatIsTextAnywayKeepsAnOverflowingValue() throws {
        // Setup: the overflow comes first, a word later decides the column is text.
        let text = "x\n1e309\nabc\n"
        // Run
        let table = try Fixture.read(text)
        // Assert
        #expect(table.columns[0].kind.isCoded)
        #expect(Fixture.texts(table.columns[0]) == ["1e309", "abc"])
    }

    @Test func noLoadedNumberIsInfinite() throws {
        // Setup: spellings of infinity that are not plain decimals stay text.
        let text = "x\ninf\nInfinity\nNaN\n"
        // Run
        let table = try Fixture.read(text)
        // Assert
        #expect(table.columns[0].kind.isCoded)
        _ = TableSummary.summarize(table)
    }
}

struct WideIntegerTests {
    /// Two ids one apart above 2^53, which a Double would merge into one.
    static let ids = "id,v\n9007199254740993,1\n9007199254740992,2\n12345678901234567890,3\n"

    @Test func wideWholeNumbersAreInferredAsTextAndRoundTripByteForByte() throws {
        // Run
        let table = try Fixture.read(Self.ids)
        // Assert
        let id = table.columns[0]
        #expect(id.kind.isCoded)
        #expect(Fixture.texts(id) == ["9007199254740993", "9007199254740992", "12345678901234567890"])
        #expect(CSVWriter.encode(table) == Array(Self.ids.utf8))
    }

    @Test func manyWideIdsAreAnIdentifier() throws {
        // Setup: 30 distinct 19-digit ids.
        let rows = (0..<30).map { "\(9_100_000_000_000_000_000 as UInt64 + UInt64($0) * 7)" }
        let text = "record\n" + rows.joined(separator: "\n") + "\n"
        // Run
        let table = try Fixture.read(text)
        // Assert
        #expect(table.columns[0].kind == .identifier)
        #expect(Fixture.texts(table.columns[0]) == rows)
    }

    @Test func anIntegerOverrideSaysTheValueIsTooWide() {
        // Run
        let error = Fixture.error(Self.ids, options: CSVOptions(types: ["id": .integer]))
        // Assert
        #expect(error == .malformed(path: "t.csv", line: 2, column: 1, message:
            "column 'id': 9007199254740993 is too wide for an integer column to hold exactly (beyond ±2^53 = 9007199254740992); "
            + "types=[\"id:text\"] keeps it as written, types=[\"id:numeric\"] rounds it"))
    }

    @Test func aNumericOverrideRoundsAsNumbersDo() throws {
        // Run
        let table = try Fixture.read(Self.ids, options: CSVOptions(types: ["id": .numeric]))
        // Assert
        #expect(table.columns[0].kind == .numeric)
        #expect(table.columns[0].numbers == [9007199254740992, 9007199254740992, 12345678901234567168])
    }

    @Test func aCategoricalOverrideKeepsWideCodesApart() throws {
        // Run
        let table = try Fixture.read(Self.ids, options: CSVOptions(types: ["id": .categorical]))
        // Assert
        #expect(table.columns[0].levels.count == 3)
    }

    @Test func wholeNumbersUpTo2To53StayIntegers() throws {
        // Setup: 2^53 itself and its spellings with a point or an exponent.
        let text = "n\n9007199254740992\n-9007199254740992\n9007199254740991.0\n9.007199254740992e15\n9000000000000001\n"
        // Run
        let table = try Fixture.read(text)
        // Assert
        #expect(table.columns[0].kind == .integer)
        #expect(table.columns[0].numbers == [9007199254740992, -9007199254740992, 9007199254740991, 9007199254740992, 9000000000000001])
    }

    @Test func aFractionTheDoubleRoundedToAWholeNumberIsStillNumeric() throws {
        // Setup: 2^52 + 0.5 rounds to a whole Double; "1e-400" underflows to 0.
        for value in ["4503599627370496.5", "1e-400"] {
            // Run
            let table = try Fixture.read("x\n1\n\(value)\n")
            // Assert
            #expect(table.columns[0].kind == .numeric, "\(value)")
        }
    }

    @Test(arguments: [
        ("9007199254740992", FastNumber.Wholeness.exact), ("9007199254740993", .tooWide), ("-9007199254740993", .tooWide),
        ("12345678901234567890", .tooWide), ("1e16", .tooWide), ("9.007199254740993e15", .tooWide), ("1e15", .exact),
        ("0.5", .fractional), ("1.55e1", .fractional), ("1.50e1", .exact), ("150e-1", .exact), ("0.000", .exact), ("00", .exact),
        ("9007199254740992.000", .exact), ("4503599627370496.5", .fractional), ("1e-400", .fractional),
    ])
    func wholenessIsDecidedOnTheDigits(_ text: String, _ expected: FastNumber.Wholeness) {
        // Run
        var copy = text
        let found = copy.withUTF8 { FastNumber.wholeness($0.baseAddress!, 0, $0.count) }
        // Assert
        #expect(found == expected)
    }
}

// Tests of column kind inference, overrides and the named edge-case fixtures.

import Testing
@testable import SynthData

@Test func integralNumbersBecomeIntegers() throws {
    // Setup
    let text = "age,bmi\n63.0,22.5\n41,30\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns[0].kind == .integer)
    #expect(table.columns[0].numbers == [63, 41])
    #expect(table.columns[1].kind == .numeric)
    #expect(table.columns[1].numbers == [22.5, 30])
}

@Test func numbersWithExponentsAndSigns() throws {
    // Setup
    let text = "x\n-1.5e2\n+3\n.25\n1e-3\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns[0].kind == .numeric)
    #expect(table.columns[0].numbers == [-150, 3, 0.25, 0.001])
}

@Test func leadingZeroCodesStayText() throws {
    // Setup
    let text = "zip\n02134\n10001\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns[0].kind == .categorical)
    #expect(table.columns[0].levels == ["02134", "10001"])
}

@Test func missingNumbersAreNaNAndInvalid() throws {
    // Setup
    let text = "a,b\n1,x\nNA,y\n3,z\n"
    // Run
    let column = try Fixture.read(text).columns[0]
    // Assert
    #expect(column.kind == .integer)
    #expect(column.valid == [true, false, true])
    #expect(column.numbers[1].isNaN)
}

@Test func booleansKeepInputSpellingFalseFirst() throws {
    // Setup
    let text = "smoker,flag\nYes,T\nNo,F\nYes,T\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns[0].kind == .boolean)
    #expect(table.columns[0].levels == ["No", "Yes"])
    #expect(table.columns[0].numbers == [1, 0, 1])
    #expect(table.columns[1].levels == ["F", "T"])
    #expect(Fixture.texts(table.columns[0]) == ["Yes", "No", "Yes"])
}

@Test func booleanOverrideAcceptsZeroOne() throws {
    // Setup
    let text = "f\n1\n0\n"
    // Run
    let column = try Fixture.read(text, options: CSVOptions(types: ["f": .boolean])).columns[0]
    // Assert
    #expect(column.kind == .boolean)
    #expect(column.levels == ["0", "1"])
    #expect(column.numbers == [1, 0])
}

@Test func datePatternsAreInferredByEvidence() throws {
    // Setup
    let text = """
    iso,dmy,mdy,dmySlash,ambiguous
    2021-03-04,04-03-2021,03/04/2021,25/12/2020,01/02/2020
    1999-12-31,31-12-1999,12/31/1999,01/02/2021,03/04/2020
    """
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns.map(\.kind) == [.date, .date, .date, .date, .date])
    #expect(table.columns.map(\.format) == ["yyyy-MM-dd", "dd-MM-yyyy", "MM/dd/yyyy", "dd/MM/yyyy", "MM/dd/yyyy"])
    let march4 = Double(DateCodec.days(year: 2021, month: 3, day: 4))
    #expect(table.columns[0].numbers[0] == march4)
    #expect(table.columns[1].numbers[0] == march4)
    #expect(table.columns[2].numbers[0] == march4)
    #expect(table.columns[3].numbers[1] == Double(DateCodec.days(year: 2021, month: 2, day: 1)))
}

@Test func invalidCalendarDatesAreNotDates() throws {
    // Setup
    let text = "d\n2021-02-29\n2021-03-01\n"
    // Run
    let column = try Fixture.read(text).columns[0]
    // Assert
    #expect(column.kind == .categorical)
}

@Test func datetimePatternsAreInferred() throws {
    // Setup
    let text = """
    a,b,c
    2021-03-04 05:06:07,2021-03-04T05:06:07,2021-03-04 05:06
    1970-01-01 00:00:01,1970-01-01T00:00:01,1970-01-01 00:01
    """
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns.map(\.kind) == [.datetime, .datetime, .datetime])
    #expect(table.columns.map(\.format) == ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"])
    #expect(table.columns[0].numbers[1] == 1)
    #expect(table.columns[2].numbers[1] == 60)
}

@Test(arguments: DateCodec.datePatterns + DateCodec.dateTimePatterns)
func datesRoundTripInEveryPattern(_ pattern: String) throws {
    // Setup: dates across leap years, centuries and before 1970.
    let samples = [(1900, 2, 28), (1969, 12, 31), (2000, 2, 29), (2024, 12, 31), (1970, 1, 1)]
    let texts = samples.map { y, m, d -> String in
        let days = Double(DateCodec.days(year: y, month: m, day: d))
        return pattern.contains("HH") ? DateCodec.formatDateTime(seconds: days * 86400 + 3723, pattern: pattern)
            : DateCodec.formatDate(days: days, pattern: pattern)
    }
    let text = "when\n" + texts.joined(separator: "\n") + "\n"
    // Run
    let column = try Fixture.read(text, options: CSVOptions(types: ["when": pattern.contains("HH") ? .datetime : .date])).columns[0]
    // Assert
    #expect(column.format == pattern)
    #expect(Fixture.texts(column) == texts.map { Optional($0) })
}

@Test func allDistinctStringsWithTwentyRowsAreIdentifiers() throws {
    // Setup
    let rows = (1...25).map { "P\($0)X" }
    let few = (1...19).map { "P\($0)X" }
    // Run
    let many = try Fixture.read("code\n" + rows.joined(separator: "\n")).columns[0]
    let small = try Fixture.read("code\n" + few.joined(separator: "\n")).columns[0]
    // Assert
    #expect(many.kind == .identifier)
    #expect(many.levels.count == 25)
    #expect(small.kind == .categorical)
}

@Test func longDistinctStringsAreText() throws {
    // Setup
    let notes = (1...6).map { "Patient reports mild headache and nausea on day \($0)" }
    // Run
    let column = try Fixture.read("note\n" + notes.joined(separator: "\n")).columns[0]
    // Assert
    #expect(column.kind == .text)
}

@Test func categoricalLevelsInFirstAppearanceOrder() throws {
    // Setup
    let text = "sex\nM\nF\nM\nX\n"
    // Run
    let column = try Fixture.read(text).columns[0]
    // Assert
    #expect(column.kind == .categorical)
    #expect(column.levels == ["M", "F", "X"])
    #expect(column.codes == [0, 1, 0, 2])
}

@Test func overridesConvertKinds() throws {
    // Setup
    let text = "a,b,c\n1,2,x\n3,4,y\n"
    // Run
    let table = try Fixture.read(text, options: CSVOptions(types: ["a": .categorical, "b": .numeric, "c": .text]))
    // Assert
    #expect(table.columns[0].kind == .categorical)
    #expect(table.columns[0].levels == ["1", "3"])
    #expect(table.columns[1].kind == .numeric)
    #expect(table.columns[2].kind == .text)
}

// MARK: - Named fixtures

@Test func fixtureOneRow() throws {
    // Setup
    let text = "age,sex,when\n40,F,2020-01-01\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.rowCount == 1)
    #expect(table.columns.map(\.kind) == [.integer, .categorical, .date])
}

@Test func fixtureHeaderOnly() throws {
    // Setup
    let text = "age,sex\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.rowCount == 0)
    #expect(table.columnNames == ["age", "sex"])
}

@Test func fixtureConstantColumn() throws {
    // Setup
    let text = "site,v\nA,1\nA,2\nA,3\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns[0].kind == .categorical)
    #expect(table.columns[0].levels == ["A"])
}

@Test func fixtureAllMissingColumn() throws {
    // Setup
    let text = "a,b\n1,\n2,NA\n"
    // Run
    let column = try Fixture.read(text).columns[1]
    // Assert
    #expect(column.kind == .categorical)
    #expect(column.levels.isEmpty)
    #expect(column.valid == [false, false])
    #expect(column.codes == [-1, -1])
}

@Test func fixtureOneCategory() throws {
    // Setup
    let text = "dx\nflu\nflu\nNA\n"
    // Run
    let column = try Fixture.read(text).columns[0]
    // Assert
    #expect(column.kind == .categorical)
    #expect(column.levels == ["flu"])
    #expect(column.codes == [0, 0, -1])
}

@Test func fixtureThousandsOfCategories() throws {
    // Setup: 5,000 distinct codes each seen twice.
    let values = (0..<10_000).map { "C\($0 % 5000)" }
    // Run
    let column = try Fixture.read("code\n" + values.joined(separator: "\n") + "\n").columns[0]
    // Assert
    #expect(column.kind == .categorical)
    #expect(column.levels.count == 5000)
    #expect(column.codes[5000] == 0)
    #expect(column.levels[4999] == "C4999")
}

@Test func fixtureUnicodeNamesAndEscapedLevels() throws {
    // Setup
    let text = "\"diagnóstico, principal\",x\n\"a \"\"b\"\"\",1\nçé,2\n\"a \"\"b\"\"\",3\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columnNames == ["diagnóstico, principal", "x"])
    #expect(table.columns[0].levels == ["a \"b\"", "çé"])
    #expect(table.columns[0].codes == [0, 1, 0])
}

@Test func fastNumberMatchesStrtodForLongValues() {
    // Setup
    let texts = ["0.1", "123456789012345678", "3.141592653589793238", "1e300", "-2.5e-310", "9007199254740993"]
    // Run
    let parsed = texts.map { FastNumber.parse($0) }
    // Assert
    #expect(parsed == texts.map { Double($0) })
    #expect(FastNumber.parse("inf") == nil)
    #expect(FastNumber.parse("1.2.3") == nil)
    #expect(FastNumber.parse(" 1") == nil)
    #expect(FastNumber.parse("-") == nil)
    #expect(FastNumber.parse("1e") == nil)
}

@Test func numberCodedCategoriesFromDifferentExportsAreOneCategory() throws {
    // Setup: one site writes "1.0", another "1" (as in the heart-disease sites).
    let text = "sex,grade\n1.0,a\n0.0,b\n1,a\n0,b\n,a\n"
    // Run
    let table = try Fixture.read(text, options: CSVOptions(types: ["sex": .categorical, "grade": .categorical]))
    // Assert
    #expect(table.columns[0].levels == ["1", "0"])
    #expect(table.columns[0].codes == [0, 1, 0, 1, -1])
    #expect(table.columns[1].levels == ["a", "b"])
}

@Test func wholeNumberCodesNamedAsCodesAreCategories() throws {
    // Setup: an admission type code, a MIMIC-style item id, and quantities with similar names.
    let text = "admission_type_id,itemid,acid,age\n1,50912,7.4,63\n3,51221,7.3,67\n1,50912,7.4,41\n6,50971,7.2,63\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns[0].kind == .categorical)
    #expect(table.columns[0].levels == ["1", "3", "6"])
    #expect(table.columns[1].kind == .categorical)
    #expect(table.columns[2].kind == .numeric)
    #expect(table.columns[3].kind == .integer)
    #expect(CodeNames.looksLikeCode("diag_code") && CodeNames.looksLikeCode("patientId") && !CodeNames.looksLikeCode("lipid"))
}

@Test func aStatedDateFormatSettlesDayAndMonth() throws {
    // Setup: every day is 12 or less, so the values cannot tell day/month order.
    let text = "seen\n01/02/2020\n03/04/2021\n"
    // Run
    var options = CSVOptions(types: ["seen": .date])
    options.formats = ["seen": "dd/MM/yyyy"]
    let stated = try Fixture.read(text, options: options)
    let guessed = try Fixture.read(text)
    // Assert: 1 February, written back as it was read.
    #expect(stated.columns[0].numbers[0] == Double(DateCodec.days(year: 2020, month: 2, day: 1)))
    #expect(stated.cellText(row: 0, column: 0) == "01/02/2020")
    #expect(guessed.columns[0].numbers[0] == Double(DateCodec.days(year: 2020, month: 1, day: 2)))
}

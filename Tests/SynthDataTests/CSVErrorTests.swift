// Tests that every malformed input gives a located DataError, never a crash.

import Testing
@testable import SynthData

/// A malformed input and the exact error it must produce.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let id: String
    let bytes: [UInt8]
    let expected: DataError
    var testDescription: String { id }

    init(_ id: String, _ text: String, line: Int, column: Int, _ message: String) {
        self.init(id, Array(text.utf8), line: line, column: column, message)
    }

    init(_ id: String, _ bytes: [UInt8], line: Int, column: Int, _ message: String) {
        self.id = id
        self.bytes = bytes
        self.expected = .malformed(path: "t.csv", line: line, column: column, message: message)
    }
}

let malformedCases: [MalformedCase] = [
    MalformedCase("unterminated quote names the opening line", "a,b\n1,2\n3,\"open\n4,5\n",
                  line: 3, column: 3, "unterminated quoted field (the quote opened here)"),
    MalformedCase("too few fields", "a,b,c\n1,2,3\n4,5\n", line: 3, column: 0, "expected 3 fields, found 2"),
    MalformedCase("too many fields", "a,b\n1,2,3\n", line: 2, column: 0, "expected 2 fields, found 3"),
    MalformedCase("field count after embedded newline counts physical lines", "a,b\n\"x\ny\",1\n2\n",
                  line: 4, column: 0, "expected 2 fields, found 1"),
    MalformedCase("stray quote in unquoted field", "a,b\n1,x\"y\n", line: 2, column: 4, "stray quote in unquoted field"),
    MalformedCase("text after closing quote", "a,b\n\"x\"y,1\n", line: 2, column: 4, "unexpected character after closing quote"),
    MalformedCase("invalid UTF-8", [UInt8]("a,b\n1,".utf8) + [0xFF] + [UInt8]("\n".utf8),
                  line: 2, column: 3, "invalid UTF-8 byte 0xff"),
    MalformedCase("truncated UTF-8 sequence at end", [UInt8]("a,b\n1,".utf8) + [0xC3],
                  line: 2, column: 3, "invalid UTF-8 byte 0xc3"),
    MalformedCase("empty file", "", line: 1, column: 0, "empty file: a header row is required"),
    MalformedCase("only a BOM", [0xEF, 0xBB, 0xBF], line: 1, column: 0, "empty file: a header row is required"),
    MalformedCase("only blank lines", "\n\n", line: 1, column: 0, "empty file: a header row is required"),
    MalformedCase("duplicate header name", "a,b,a\n1,2,3\n", line: 1, column: 5, "duplicate column name 'a'"),
    MalformedCase("empty header name", "a,,c\n1,2,3\n", line: 1, column: 3, "empty column name (column 2)"),
]

@Test(arguments: malformedCases)
func malformedInputIsLocated(_ testCase: MalformedCase) {
    // Setup
    let bytes = testCase.bytes
    // Run
    var thrown: DataError?
    do { _ = try CSVReader.read(bytes: bytes, name: "t.csv") } catch { thrown = error as? DataError }
    // Assert
    #expect(thrown == testCase.expected)
}

@Test func overrideValueThatCannotConvertNamesLineColumnAndValue() {
    // Setup
    let text = "x,age\n1,40\n2,forty\n"
    // Run
    let error = Fixture.error(text, options: CSVOptions(types: ["age": .integer]))
    // Assert
    #expect(error == .malformed(path: "t.csv", line: 3, column: 3, message: "column 'age': cannot read 'forty' as integer"))
}

@Test func integerOverrideRejectsFractions() {
    // Setup
    let text = "age\n40\n40.5\n"
    // Run
    let error = Fixture.error(text, options: CSVOptions(types: ["age": .integer]))
    // Assert
    #expect(error == .malformed(path: "t.csv", line: 3, column: 1, message: "column 'age': cannot read '40.5' as integer"))
}

@Test func dateOverrideReportsFirstBadValue() {
    // Setup
    let text = "d\n2020-01-05\n2020-13-01\n"
    // Run
    let error = Fixture.error(text, options: CSVOptions(types: ["d": .date]))
    // Assert
    #expect(error == .malformed(path: "t.csv", line: 3, column: 1, message: "column 'd': cannot read '2020-13-01' as date"))
}

@Test func booleanOverrideRejectsThirdSpelling() {
    // Setup
    let text = "flag\nyes\nno\nmaybe\n"
    // Run
    let error = Fixture.error(text, options: CSVOptions(types: ["flag": .boolean]))
    // Assert
    #expect(error == .malformed(path: "t.csv", line: 4, column: 1, message: "column 'flag': cannot read 'maybe' as boolean"))
}

@Test func overrideForUnknownColumnSuggestsName() {
    // Setup
    let text = "age,sex\n40,F\n"
    // Run
    let error = Fixture.error(text, options: CSVOptions(types: ["agee": .integer]))
    // Assert
    #expect(error == .invalidOption("type override for unknown column 'agee'; did you mean 'age'?"))
}

@Test func corruptGzipIsCannotRead() {
    // Setup
    let bytes: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef]
    // Run
    var thrown: DataError?
    do { _ = try CSVReader.read(bytes: bytes, name: "t.csv.gz") } catch { thrown = error as? DataError }
    // Assert
    guard case .cannotRead(let path, _)? = thrown else {
        Issue.record("expected cannotRead, got \(String(describing: thrown))")
        return
    }
    #expect(path == "t.csv.gz")
}

@Test func errorDescriptionReadsFileLineColumn() {
    // Setup
    let error = Fixture.error("a,b\n1,x\"y\n")
    // Run
    let text = error?.description
    // Assert
    #expect(text == "t.csv:2:4: stray quote in unquoted field")
}

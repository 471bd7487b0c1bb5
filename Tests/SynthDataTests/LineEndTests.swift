// Line ends: LF, CRLF and a lone CR (old Mac exports) each end a row and count as a line.

import Testing
@testable import SynthData

struct LineEndTests {
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndReadsTheSameTable(_ end: String) throws {
        // Setup
        let text = ["a,b", "1,x", "2,\"y\"", "3,z"].joined(separator: end) + end
        // Run
        let table = try Fixture.read(text)
        // Assert
        #expect(table.columnNames == ["a", "b"])
        #expect(table.rowCount == 3)
        #expect(Fixture.texts(table.columns[1]) == ["x", "y", "z"])
    }

    @Test func aCROnlyFileWithoutAFinalLineEndKeepsItsLastRow() throws {
        // Run
        let table = try Fixture.read("a,b\r1,2\r3,4")
        // Assert
        #expect(table.rowCount == 2)
        #expect(table.columns[1].numbers == [2, 4])
    }

    @Test func aCRInsideQuotesIsContent() throws {
        // Run
        let table = try Fixture.read("a,b\r\"x\ry\",1\r")
        // Assert
        #expect(Fixture.texts(table.columns[0]) == ["x\ry"])
    }

    @Test func blankCRLinesAreSkippedInMultiColumnFiles() throws {
        // Run
        let table = try Fixture.read("a,b\r\r1,2\r\r\r3,4\r")
        // Assert
        #expect(table.rowCount == 2)
    }

    @Test func errorsCountLoneCRsAsLines() {
        // Setup: the bad row is on line 4 whichever line ends the file uses.
        for end in ["\n", "\r\n", "\r"] {
            let text = ["a,b", "1,2", "3,4", "5,x\"y"].joined(separator: end) + end
            // Run
            let error = Fixture.error(text)
            // Assert
            #expect(error == .malformed(path: "t.csv", line: 4, column: 4, message: "stray quote in unquoted field"), "\(end.debugDescription)")
        }
    }

    @Test func aLocationAfterAQuotedCRCountsThePhysicalLine() {
        // Run
        let error = Fixture.error("a,b\r\"p\rq\",1\r2\r")
        // Assert
        #expect(error == .malformed(path: "t.csv", line: 4, column: 0, message: "expected 2 fields, found 1"))
    }
}

// Tests of CSV tokenizing: quoting, line ends, BOM, gzip, delimiters, names.

import CZlib
import Foundation
import Testing
@testable import SynthData

@Test func readsQuotedFieldsWithDoubledQuotesAndDelimiters() throws {
    // Setup
    let text = "name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\nplain,\"\"\"\"\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columnNames == ["name", "note"])
    #expect(Fixture.texts(table.columns[0]) == ["Smith, J", "plain"])
    #expect(Fixture.texts(table.columns[1]) == ["said \"hi\"", "\""])
}

@Test func readsEmbeddedNewlinesInsideQuotes() throws {
    // Setup
    let text = "id,comment\n1,\"line one\nline two\"\n2,ok\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.rowCount == 2)
    #expect(Fixture.texts(table.columns[1]) == ["line one\nline two", "ok"])
}

@Test func readsCRLFAndLFTheSame() throws {
    // Setup
    let lf = "a,b\n1,x\n2,y\n"
    let crlf = "a,b\r\n1,x\r\n2,y\r\n"
    // Run
    let one = try Fixture.read(lf), two = try Fixture.read(crlf)
    // Assert
    #expect(one == two)
    #expect(Fixture.texts(two.columns[1]) == ["x", "y"])
}

@Test func stripsUTF8ByteOrderMark() throws {
    // Setup
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("age,sex\n40,F\n".utf8)
    // Run
    let table = try CSVReader.read(bytes: bytes, name: "bom.csv")
    // Assert
    #expect(table.columnNames == ["age", "sex"])
    #expect(table.columns[0].kind == .integer)
}

@Test func lastRowWithoutNewlineAndBlankLinesAreHandled() throws {
    // Setup
    let text = "a,b\n1,2\n\n3,4"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.rowCount == 2)
    #expect(table.columns[1].numbers == [2, 4])
}

@Test func missingStringsAreExactMatches() throws {
    // Setup
    let text = "a,b\n1,?\nNA,x\n ,y\n"
    // Run
    let table = try Fixture.read(text, options: CSVOptions(missing: ["?", "NA"]))
    // Assert
    #expect(table.columns[0].valid == [true, false, true])
    #expect(table.columns[0].kind == .categorical)  // " " is a value, not missing
    #expect(table.columns[1].valid == [false, true, true])
}

@Test func tableNameIsBasenameWithoutExtensions() {
    // Setup / Run / Assert
    #expect(CSVReader.tableName("/data/x/admissions.csv.gz") == "admissions")
    #expect(CSVReader.tableName("labs.tsv") == "labs")
    #expect(CSVReader.tableName("plain") == "plain")
}

@Test func tsvUsesTabDelimiterByDefault() throws {
    // Setup
    let text = "a\tb\n1,5\tx\n"
    // Run
    let table = try Fixture.read(text, name: "t.tsv")
    // Assert
    #expect(table.columnNames == ["a", "b"])
    #expect(Fixture.texts(table.columns[0]) == ["1,5"])
}

@Test func explicitDelimiterOverridesDefault() throws {
    // Setup
    let text = "a;b\n1;2\n"
    // Run
    let table = try Fixture.read(text, options: CSVOptions(delimiter: UInt8(ascii: ";")))
    // Assert
    #expect(table.columnNames == ["a", "b"])
}

@Test func trailingEmptyFieldIsMissing() throws {
    // Setup
    let text = "a,b\n1,\n2,3"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns[1].valid == [false, true])
}

@Test func readsGzipFileAndNamesTableByBasename() throws {
    // Setup
    let directory = Fixture.temporaryDirectory()
    let path = directory + "/visits.csv.gz"
    let text = "id,score\n1,2.5\n2,3.5\n"
    let file = try #require(gzopen(path, "wb"))
    let written = text.withCString { gzwrite(file, $0, UInt32(text.utf8.count)) }
    gzclose(file)
    // Run
    let table = try CSVReader.read(path: path)
    let header = try CSVReader.readHeader(path: path)
    // Assert
    #expect(written == Int32(text.utf8.count))
    #expect(table.name == "visits")
    #expect(table.source == path)
    #expect(header == ["id", "score"])
    #expect(table.columns[1].numbers == [2.5, 3.5])
}

@Test func readHeaderStopsAfterFirstRow() throws {
    // Setup: the second row is malformed and the end is not UTF-8, but the header alone is fine.
    let directory = Fixture.temporaryDirectory()
    let path = directory + "/h.csv"
    try AtomicFile.write(Array("x,y,z\n1,2\n".utf8) + [0xFF], to: path)
    // Run
    let header = try CSVReader.readHeader(path: path)
    // Assert
    #expect(header == ["x", "y", "z"])
}

@Test func missingFileIsCannotRead() {
    // Setup / Run
    #expect(throws: DataError.self) { try CSVReader.read(path: "/nonexistent/file.csv") }
}

@Test func unicodeColumnNamesAndValues() throws {
    // Setup
    let text = "âge,größe,名前\n40,1.8,東京\n41,1.7,大阪\n"
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columnNames == ["âge", "größe", "名前"])
    #expect(table.columns[2].levels == ["東京", "大阪"])
}

@Test func readsGzippedTSVByExtension() throws {
    // Setup
    let directory = Fixture.temporaryDirectory()
    let path = directory + "/labs.tsv.gz"
    let text = "test\tvalue\nHbA1c\t6.1\nLDL, direct\t130\n"
    let file = try #require(gzopen(path, "wb"))
    _ = text.withCString { gzwrite(file, $0, UInt32(text.utf8.count)) }
    gzclose(file)
    // Run
    let table = try CSVReader.read(path: path)
    // Assert
    #expect(table.name == "labs")
    #expect(Fixture.texts(table.columns[0]) == ["HbA1c", "LDL, direct"])
    #expect(table.columns[1].kind == .numeric)
}

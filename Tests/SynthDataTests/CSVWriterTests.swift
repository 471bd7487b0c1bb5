// Tests of CSV writing, the read-write round trip, atomic file replacement and column dropping.

import Foundation
import Testing
@testable import SynthData

/// A fixture holding every column kind, missing values and text that needs quoting.
let everyKindCSV = """
id,age,bmi,sex,smoker,admitted,seen_at,code,note,dmy
1,40,22.5,F,Yes,2021-03-04,2021-03-04 05:06:07,A1,"Reports ""mild"" pain, nausea and a headache since Monday",04-03-2021
2,,30.25,M,No,,2021-03-05 00:00:00,B2,"Line one
line two of a long follow-up note for the record",
3,61,,F,Yes,1999-12-31,,C3,,31-12-1999
4,58,27,M,No,2000-02-29,1969-12-31 23:59:59,D4,Plain text note without any quoting needed at all,29-02-2000

"""

@Test func roundTripGivesEqualTable() throws {
    // Setup
    let original = try Fixture.read(everyKindCSV, options: CSVOptions(types: ["code": .identifier]))
    // Run
    let bytes = CSVWriter.encode(original)
    let again = try CSVReader.read(bytes: bytes, name: "t.csv", options: CSVOptions(types: ["code": .identifier]))
    // Assert
    #expect(original.columns.map(\.kind) == [.integer, .integer, .numeric, .categorical, .boolean, .date, .datetime,
                                             .identifier, .text, .date])
    #expect(again == original)
    #expect(bytes == CSVWriter.encode(again))
}

@Test func encodeQuotesOnlyWhenNeeded() throws {
    // Setup
    let table = Table(name: "t", columns: [
        Column.coded("a", ["plain", "with,comma", "with \"quote\"", nil, "two\nlines"]),
        Column.numeric("b", [1.5, nil, 3, 4, 5]),
    ])
    // Run
    let text = String(decoding: CSVWriter.encode(table), as: UTF8.self)
    // Assert
    #expect(text == "a,b\nplain,1.5\n\"with,comma\",\n\"with \"\"quote\"\"\",3\n,4\n\"two\nlines\",5\n")
}

@Test func writeCreatesParentDirectoriesAndLeavesNoTemporaryFile() throws {
    // Setup
    let directory = Fixture.temporaryDirectory()
    let path = directory + "/out/nested/t.csv"
    let table = try Fixture.read("a,b\n1,x\n")
    // Run
    try CSVWriter.write(table, to: path)
    // Assert
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == "a,b\n1,x\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/out/nested") == ["t.csv"])
}

@Test func atomicWriteReplacesExistingFile() throws {
    // Setup
    let directory = Fixture.temporaryDirectory()
    let path = directory + "/f.txt"
    try AtomicFile.write(Array("old".utf8), to: path)
    // Run
    try AtomicFile.write(Array("new".utf8), to: path)
    // Assert
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["f.txt"])
}

@Test func atomicWriteToUnwritableDirectoryLeavesDestinationUntouched() throws {
    // Setup
    let directory = Fixture.temporaryDirectory()
    let path = directory + "/keep.csv"
    try AtomicFile.write(Array("original".utf8), to: path)
    chmod(directory, 0o555)
    defer { chmod(directory, 0o755) }
    // Root ignores directory permissions; the test has nothing to check there.
    guard getuid() != 0 else { return }
    // Run
    var thrown: DataError?
    do { try AtomicFile.write(Array("replacement".utf8), to: path) } catch { thrown = error as? DataError }
    // Assert
    guard case .cannotWrite(let failedPath, _)? = thrown else {
        Issue.record("expected cannotWrite, got \(String(describing: thrown))")
        return
    }
    #expect(failedPath == path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "original")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["keep.csv"])
}

@Test func atomicWriteOverDirectoryFailsAndCleansUp() throws {
    // Setup: the destination is a non-empty directory, so rename(2) fails.
    let directory = Fixture.temporaryDirectory()
    let path = directory + "/target"
    try FileManager.default.createDirectory(atPath: path + "/inner", withIntermediateDirectories: true)
    // Run
    var thrown: DataError?
    do { try AtomicFile.write(Array("x".utf8), to: path) } catch { thrown = error as? DataError }
    // Assert
    guard case .cannotWrite? = thrown else {
        Issue.record("expected cannotWrite, got \(String(describing: thrown))")
        return
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["target"])
}

@Test func droppingRemovesNamedColumnsOnly() throws {
    // Setup
    let table = try Fixture.read("a,b,c\n1,2,3\n")
    // Run
    let dropped = table.dropping(columns: ["b", "zz"])
    // Assert
    #expect(dropped.columnNames == ["a", "c"])
    #expect(dropped.name == table.name)
}

@Test func atomicWriteUnderARegularFileFails() throws {
    // Setup: a parent "directory" that is a file cannot hold the temporary file (fails even as root).
    let directory = Fixture.temporaryDirectory()
    try AtomicFile.write(Array("plain".utf8), to: directory + "/file")
    // Run
    var thrown: DataError?
    do { try AtomicFile.write(Array("x".utf8), to: directory + "/file/out.csv") } catch { thrown = error as? DataError }
    // Assert
    guard case .cannotWrite? = thrown else {
        Issue.record("expected cannotWrite, got \(String(describing: thrown))")
        return
    }
    #expect(try String(contentsOfFile: directory + "/file", encoding: .utf8) == "plain")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["file"])
}

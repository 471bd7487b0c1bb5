// Streams (a FIFO, /dev/stdin on a pipe) are read to end of input, and never read ahead.

import Foundation
import Testing
@testable import SynthData

struct StreamInputTests {
    @Test func aFIFOIsReadToEndOfInput() throws {
        // Setup: more than a pipe's buffer, so the reader sees several chunks.
        let bytes = StreamFixture.numbers(rows: 100_000)
        let path = StreamFixture.fifo(sending: bytes)
        // Run
        let table = try CSVReader.read(path: path)
        // Assert
        #expect(table.rowCount == 100_000)
        #expect(table.columns[1].numbers.prefix(8) == [0, 1, 2, 3, 4, 5, 6, 0])
        #expect(table.source == path)
    }

    @Test func aGzipStreamIsInflated() throws {
        // Setup
        let path = StreamFixture.fifo(sending: try StreamFixture.gzip(StreamFixture.numbers(rows: 1000)))
        // Run
        let table = try CSVReader.read(path: path)
        // Assert
        #expect(table.rowCount == 1000)
    }

    @Test func theHeaderOfAStreamIsNotReadAhead() throws {
        // Setup
        let path = StreamFixture.fifo(sending: StreamFixture.numbers(rows: 10))
        // Run: a header read refuses without opening the FIFO, so the load still gets it all.
        #expect(!InputFile.isRegular(path))
        #expect(throws: DataError.self) { try CSVReader.readHeader(path: path) }
        let table = try CSVReader.read(path: path)
        // Assert
        #expect(table.rowCount == 10)
    }

    @Test func regularFilesAreRegular() {
        // Setup
        let path = StreamFixture.file(Array("a\n1\n".utf8))
        // Assert
        #expect(InputFile.isRegular(path))
        #expect(!InputFile.isRegular(Fixture.temporaryDirectory()))
        #expect(!InputFile.isRegular(path + ".missing"))
    }

    @Test func aHeaderIsReadFromThePrefixItNeeds() throws {
        // Setup: a quoted name holding a line end, longer than the first prefix read; and
        // after the header, bytes a whole read would refuse.
        let long = String(repeating: "x", count: 100_000)
        let path = StreamFixture.file(Array("\"\(long)\n\",b\n1,2\n".utf8) + [UInt8](repeating: 0x31, count: 300_000) + [0xFF])
        // Run
        let header = try CSVReader.readHeader(path: path)
        // Assert
        #expect(header == ["\(long)\n", "b"])
    }
}

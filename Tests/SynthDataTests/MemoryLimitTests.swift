// Memory: a load is refused before it allocates what the process cannot hold, and a gzip
// bomb stops inflating as soon as it would not fit. Budgets are stand-ins (ReadLimits).

import Foundation
import Testing
@testable import SynthCore
@testable import SynthData

struct MemoryLimitTests {
    /// Limits that allow `available` bytes, as MemoryBudget.check does, and never cancel.
    static func budget(_ available: Int) -> ReadLimits {
        ReadLimits(available: { available },
                   check: { bytes in
                       if bytes > available - available / 10 {
                           throw MemoryShortage(needed: bytes, available: available, limitBytes: available,
                                                limit: "this machine has \(MemoryBudget.format(available))")
                       }
                   },
                   isCancelled: { false })
    }

    @Test func aFileIsEstimatedBeforeItIsRead() throws {
        // Setup: 4 MB of two-field rows: about a field per 2 bytes, so about 9.5 times its size.
        let bytes = StreamFixture.numbers(rows: 1_000_000)
        let path = StreamFixture.file(bytes, named: "big.csv")
        // Run
        var thrown: DataError?
        do { _ = try CSVReader.read(path: path, options: .init(), limits: Self.budget(16 << 20)) } catch { thrown = error as? DataError }
        // Assert
        guard case let .tooLarge(name, nil, shortage)? = thrown else {
            Issue.record("expected tooLarge, got \(String(describing: thrown))")
            return
        }
        #expect(name == path)
        #expect(shortage.needed > 8 * bytes.count && shortage.needed < 10 * bytes.count)
        #expect(thrown!.description.hasPrefix("loading \(path) needs about 36 MB; "))
        #expect(thrown!.description.hasSuffix("; this machine has 16 MB"))
        // The same file fits a budget that holds the estimate.
        #expect(try CSVReader.read(path: path, options: .init(), limits: Self.budget(64 << 20)).rowCount == 1_000_000)
    }

    @Test func aGzipBombStopsInflatingOnceItWouldNotFit() throws {
        // Setup: 16 MB of rows compressed to a few KB.
        let plain = StreamFixture.numbers(rows: 4_000_000)
        let bomb = try StreamFixture.gzip(plain)
        #expect(bomb.count < plain.count / 50)
        // Run
        var thrown: DataError?
        do { _ = try CSVReader.read(bytes: bomb, name: "bomb.csv.gz", options: .init(), limits: Self.budget(8 << 20)) } catch {
            thrown = error as? DataError
        }
        // Assert: stopped within the first megabyte or so, not after inflating it all.
        guard case let .tooLarge(name, inflated?, shortage)? = thrown else {
            Issue.record("expected tooLarge with an inflated size, got \(String(describing: thrown))")
            return
        }
        #expect(name == "bomb.csv.gz")
        #expect(inflated <= 2 << 20)
        #expect(shortage.needed > (8 << 20) - (8 << 20) / 10)
        #expect(thrown!.description.hasPrefix("bomb.csv.gz inflates to more than "))
        #expect(thrown!.description.contains(", and loading it needs about "))
    }

    @Test func aStreamIsRefusedAsItGrows() throws {
        // Setup
        let path = StreamFixture.fifo(sending: StreamFixture.numbers(rows: 1_000_000))
        // Run
        var thrown: DataError?
        do { _ = try CSVReader.read(path: path, options: .init(), limits: Self.budget(8 << 20)) } catch { thrown = error as? DataError }
        // Assert
        guard case .tooLarge(path, nil, _)? = thrown else {
            Issue.record("expected tooLarge, got \(String(describing: thrown))")
            return
        }
    }

    @Test func aHeaderReadNeedsOnlyItsPrefix() throws {
        // Setup
        let path = StreamFixture.file(StreamFixture.numbers(rows: 1_000_000), named: "big.csv")
        // Run
        let header = try CSVReader.readHeader(path: path, options: .init(), limits: Self.budget(8 << 20))
        // Assert
        #expect(header == ["a", "b"])
    }

    @Test func theEstimateCountsFieldsFromASample() {
        // Run
        let dense = LoadEstimate(sample: Array("0,0\n0,0\n".utf8), delimiter: UInt8(ascii: ","))
        let crlf = LoadEstimate(sample: Array("ab,cd\r\nef,gh\r\n".utf8), delimiter: UInt8(ascii: ","))
        let empty = LoadEstimate(sample: [], delimiter: UInt8(ascii: ","))
        // Assert
        #expect(dense.bytesNeeded(forText: 1000) == 1000 + 1000 * 5 / 8 * LoadEstimate.bytesPerField)
        #expect(abs(crlf.fieldsPerByte - 5.0 / 14) < 1e-12)
        #expect(empty.fieldsPerByte == 1.0 / 8)
    }
}

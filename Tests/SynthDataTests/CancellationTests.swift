// Cancellation: every stage of a read looks at the flag often and stops with
// CancellationError, never a table or a DataError. The flag is a stand-in (ReadLimits):
// the real one is process-wide and would stop the tests running beside these.

import Foundation
import Testing
@testable import SynthData

/// Counts looks at the flag; answers "cancelled" from look number `after` on.
final class CancelAfter: @unchecked Sendable {
    private let lock = NSLock()
    private var looks = 0
    let after: Int

    init(after: Int) { self.after = after }

    var count: Int { lock.withLock { looks } }

    func look() -> Bool {
        lock.withLock {
            looks += 1
            return looks > after
        }
    }

    var limits: ReadLimits {
        ReadLimits(available: { Int.max / 4 }, check: { _ in }, isCancelled: { self.look() })
    }
}

struct CancellationTests {
    @Test func theTokenizerLooksAtTheFlagEveryMegabyte() throws {
        // Setup
        let bytes = StreamFixture.numbers(rows: 2_000_000)
        let counter = CancelAfter(after: .max)
        // Run
        let fields = try bytes.withUnsafeBufferPointer {
            try CSVTokenizer.tokenize($0, base: 0, delimiter: UInt8(ascii: ","), path: "t.csv", isCancelled: counter.look)
        }
        // Assert
        #expect(fields.rowCount == 2_000_001)
        #expect(counter.count >= bytes.count / CSVTokenizer.cancelInterval - 1)
    }

    @Test func theTokenizerStopsWhenAsked() {
        // Setup
        let bytes = StreamFixture.numbers(rows: 2_000_000)
        let counter = CancelAfter(after: 3)
        // Run / Assert
        #expect(throws: CancellationError.self) {
            try bytes.withUnsafeBufferPointer {
                try CSVTokenizer.tokenize($0, base: 0, delimiter: UInt8(ascii: ","), path: "t.csv", isCancelled: counter.look)
            }
        }
        #expect(counter.count == 4)
    }

    @Test func theEncodingCheckLooksAtTheFlagEveryMegabyte() throws {
        // Setup
        let bytes = [UInt8](repeating: 0x41, count: 5 << 20)
        let counter = CancelAfter(after: .max)
        // Run
        let bad = try bytes.withUnsafeBufferPointer { try UTF8Check.firstInvalid($0, from: 0, isCancelled: counter.look) }
        // Assert
        #expect(bad == nil)
        #expect(counter.count == 5)
    }

    @Test(arguments: [false, true])
    func aReadStoppedAtAnyLookThrowsCancellation(gzip: Bool) throws {
        // Setup: 1.2 MB of text, plain or gzip, in a file.
        let plain = StreamFixture.numbers(rows: 300_000)
        let path = StreamFixture.file(gzip ? try StreamFixture.gzip(plain) : plain, named: gzip ? "t.csv.gz" : "t.csv")
        let uncancelled = CancelAfter(after: .max)
        _ = try CSVReader.read(path: path, options: .init(), limits: uncancelled.limits)
        let looks = uncancelled.count
        // Reading (and inflating, a look every 256 KB), checking the encoding and tokenizing
        // (every megabyte) and typing (once a column and every 64K rows) all look.
        #expect(looks >= (gzip ? 1 + 4 : 1) + 2 + 1 + 2 * 5)
        // Every look of the stages before typing, and some of typing's.
        let stops = Set(Array(0..<min(looks, 10)) + [looks / 2, looks - 2, looks - 1])
        for after in stops.sorted() {
            // Run
            let counter = CancelAfter(after: after)
            var outcome = "a table"
            do {
                _ = try CSVReader.read(path: path, options: .init(), limits: counter.limits)
            } catch is CancellationError {
                outcome = "cancelled"
            } catch {
                outcome = "\(error)"
            }
            // Assert
            #expect(outcome == "cancelled", "stopped at look \(after) of \(looks)")
        }
    }
}

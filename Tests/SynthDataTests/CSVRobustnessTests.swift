// Robustness: mutated and random inputs give a table or a DataError, never a crash.

import Testing
@testable import SynthData

@Test func mutatedInputsNeverCrash() {
    // Setup: seeds covering quoting, CRLF, BOM, dates, booleans; a fixed xorshift stream.
    let seeds: [[UInt8]] = [
        Array(everyKindCSV.utf8),
        [0xEF, 0xBB, 0xBF] + Array("a,b\r\n\"x\"\"y\",1\r\n\"p\nq\",2\r\n".utf8),
        Array("d,t\n2020-01-02,yes\n03/04/2020,no\n".utf8),
    ]
    let alphabet: [UInt8] = Array("\",\r\n;ab1.-\u{7F}".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xE2, 0x82]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(truncatingIfNeeded: state >> 1)
    }
    var tables = 0, errors = 0
    // Run
    for round in 0..<3000 {
        var bytes = seeds[round % seeds.count]
        for _ in 0..<(1 + next() % 4) {
            guard !bytes.isEmpty else { break }
            let at = next() % bytes.count
            switch next() % 3 {
            case 0: bytes[at] = alphabet[next() % alphabet.count]
            case 1: bytes.insert(alphabet[next() % alphabet.count], at: at)
            default: bytes.remove(at: at)
            }
        }
        if CSVFuzzOutcome.readDescribeWrite(bytes, name: "fuzz.csv", round: round) { tables += 1 } else { errors += 1 }
    }
    // Assert: both outcomes occur, and every input was handled.
    #expect(tables + errors == 3000)
    #expect(tables > 0 && errors > 0)
}

@Test func writtenTablesReadBackAfterMutation() throws {
    // Setup: whatever reads successfully must survive a write-read round trip unchanged.
    let inputs = ["a,b\n\"x,\"\"y\"\"\",1\n,2\n", "n\n1.5\n-0.25\n1e-7\n", "s\n\"\"\"\"\n\" \"\n"]
    for text in inputs {
        // Run
        let table = try Fixture.read(text)
        let again = try CSVReader.read(bytes: CSVWriter.encode(table), name: "t.csv")
        // Assert
        #expect(again == table)
    }
}

/// What a fuzzed input must give: a table that can be described and written and holds no
/// infinity (true), or a `DataError` (false). Any other error is recorded as an issue.
enum CSVFuzzOutcome {
    static func readDescribeWrite(_ bytes: [UInt8], name: String, round: Int) -> Bool {
        do {
            let table = try CSVReader.read(bytes: bytes, name: name)
            for column in table.columns where column.kind.isNumeric {
                let infinite = zip(column.numbers, column.valid).contains { $1 && !$0.isFinite }
                #expect(!infinite, "round \(round): column '\(column.name)' holds an infinite number")
            }
            _ = TableSummary.summarize(table)
            _ = CSVWriter.encode(table)
            return true
        } catch is DataError {
            return false
        } catch {
            Issue.record("round \(round): \(type(of: error)) is not a DataError: \(error)")
            return false
        }
    }
}

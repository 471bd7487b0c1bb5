// Property: seeded byte-level mutations of real CSV files give a table or a DataError, never a
// trap (a trap ends the test process, which is how CI sees it), and no loaded number is infinite.

import Foundation
import SynthCore
import Testing
@testable import SynthData

struct CSVPropertyTests {
    /// The first `lines` lines of each small example table, and one of them gzip-compressed.
    static func seeds(lines: Int = 40) throws -> [(name: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/data")
        var seeds: [(String, [UInt8])] = []
        for file in ["heart.csv", "pbc.csv", "heart_sites.csv", "mimic_admissions.csv"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let kept = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(lines)
            seeds.append((file, Array(kept.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]))
        }
        seeds.append(("heart.csv.gz", try StreamFixture.gzip(seeds[0].1)))
        return seeds
    }

    /// Bytes that matter to a CSV reader, and runs of them.
    static let bytes: [UInt8] = Array("\",\t\r\n;09.-+eE ".utf8) + [0x00, 0x7F, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF]
    static let runs: [[UInt8]] = [
        "e309", "1e309", "-1e309", "9007199254740993", "12345678901234567890", "\"\"", "\r\n", "\n\n", "\r", "NA", "inf", "nan",
        "0x1F", "007", "1e-400", "2020-13-45", "\u{FEFF}", "\"a\"\"b\"",
    ].map { Array($0.utf8) } + [
        [UInt8](repeating: UInt8(ascii: "9"), count: 400),
        [UInt8](repeating: UInt8(ascii: "x"), count: 70_000),
        [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "y"), count: 5_000) + [UInt8(ascii: "\"")],
    ]

    /// One random edit: replace, insert or delete a byte, insert a run, delete a span, cut the end.
    static func mutate(_ bytes: inout [UInt8], _ rng: inout SeededRNG) {
        let at = bytes.isEmpty ? 0 : rng.nextInt(below: bytes.count)
        switch rng.nextInt(below: 10) {
        case 0, 1: if !bytes.isEmpty { bytes[at] = Self.bytes[rng.nextInt(below: Self.bytes.count)] }
        case 2, 3: bytes.insert(Self.bytes[rng.nextInt(below: Self.bytes.count)], at: at)
        case 4, 5: if !bytes.isEmpty { bytes.remove(at: at) }
        case 6, 7: bytes.insert(contentsOf: Self.runs[rng.nextInt(below: Self.runs.count)], at: at)
        case 8: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.nextInt(below: 64)))
        default: bytes.removeSubrange(at..<bytes.count)
        }
    }

    @Test func mutatedExampleFilesGiveATableOrADataError() throws {
        // Setup
        let seeds = try Self.seeds()
        var rng = SeededRNG(seed: 11)
        var tables = 0, errors = 0
        let rounds = 5000
        // Run
        for round in 0..<rounds {
            let seed = seeds[round % seeds.count]
            var bytes = seed.bytes
            for _ in 0..<(1 + rng.nextInt(below: 6)) { Self.mutate(&bytes, &rng) }
            if CSVFuzzOutcome.readDescribeWrite(bytes, name: seed.name, round: round) { tables += 1 } else { errors += 1 }
        }
        // Assert: both outcomes occur.
        #expect(tables + errors == rounds)
        #expect(tables > rounds / 10 && errors > rounds / 10, "\(tables) tables, \(errors) errors")
    }
}

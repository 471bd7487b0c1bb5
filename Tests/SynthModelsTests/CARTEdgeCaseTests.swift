// CARTEdgeCaseTests: named fixtures — one row, constant, all missing, one category, many categories, unicode.

import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct CARTEdgeCaseTests {
    @Test func oneRow() throws {
        // Setup: every value of a one-row table is unique in the real data.
        let table = Table(name: "t", columns: [Column.numeric("age", [41], kind: .integer), Column.coded("sex", ["F"])])
        // Run
        let sample = try SequentialCART.fit(table).sample(rows: 5, rng: SeededRNG(seed: 1))
        // Assert: the real values never come back, and none is invented: age and sex are left
        // missing (no value may be drawn) and sex's level text is left out.
        #expect(sample.column("age")!.valid == [false, false, false, false, false])
        #expect(sample.column("sex")!.codes == [-1, -1, -1, -1, -1])
        #expect(sample.column("sex")!.levels == [])
    }

    @Test func aSequenceNumberIsLeftMissingNotInvented() throws {
        // Setup: 0...199, every value seen once; no other value lies in the range.
        let table = Table(name: "t", columns: [Column.numeric("k", (0..<200).map { Double($0) }, kind: .integer),
                                               Column.coded("y", (0..<200).map { ["a", "b", "c"][$0 % 3] })])
        // Run
        let sample = try SequentialCART.fit(table).sample(rows: 300, rng: SeededRNG(seed: 2))
        // Assert
        #expect(sample.column("k")!.missingCount == 300)
        #expect(Set(sample.column("y")!.codes.map { sample.column("y")!.levels[Int($0)] }) == ["a", "b", "c"])
    }

    @Test func constantColumn() throws {
        // Setup
        let n = 500
        var rng = SeededRNG(seed: 3)
        let table = Table(name: "t", columns: [
            Column.numeric("site", [Double?](repeating: 7, count: n), kind: .integer),
            Column.numeric("v", (0..<n).map { _ in (rng.nextGaussian() * 100).rounded() / 100 }),
        ])
        // Run
        let model = try SequentialCART.fit(table)
        let sample = try model.sample(rows: 300, rng: SeededRNG(seed: 4))
        // Assert: a constant is a single leaf value held by 100% of rows, so never smoothed.
        #expect(sample.column("site")!.numbers.allSatisfy { $0 == 7 })
        #expect(model.columns[0].valueTree?.leafCount == 1)
    }

    @Test func allMissingColumn() throws {
        // Setup
        let n = 200
        let table = Table(name: "t", columns: [
            Column.numeric("lab", [Double?](repeating: nil, count: n)),
            Column.coded("ward", [String?](repeating: nil, count: n)),
            Column.numeric("v", (0..<n).map { Double($0 % 10) }),
        ])
        // Run
        let model = try SequentialCART.fit(table)
        let sample = try model.sample(rows: 50, rng: SeededRNG(seed: 4))
        // Assert
        #expect(sample.column("lab")!.valid.allSatisfy { !$0 })
        #expect(sample.column("lab")!.numbers.allSatisfy { $0.isNaN })
        #expect(sample.column("ward")!.codes.allSatisfy { $0 == -1 })
        #expect(model.columns[0].valueTree == nil && model.columns[0].missingTree == nil)
        #expect(try ModelFile.decode(ModelFile.encode(model)) as? CARTModel == model)
    }

    @Test func oneCategory() throws {
        // Setup
        let table = Table(name: "t", columns: [Column.coded("country", [String?](repeating: "NZ", count: 100))])
        // Run
        let sample = try SequentialCART.fit(table).sample(rows: 100, rng: SeededRNG(seed: 4))
        // Assert
        #expect(sample.column("country")!.levels == ["NZ"])
        #expect(sample.column("country")!.codes.allSatisfy { $0 == 0 })
    }

    @Test func thousandsOfCategories() throws {
        // Setup: 3,000 codes, each seen 1–5 times, with a numeric column that follows the code.
        var rng = SeededRNG(seed: 8)
        var codes: [String?] = [], cost: [Double?] = []
        for code in 0..<3_000 {
            for _ in 0..<(1 + code % 5) {
                codes.append("ICD-\(code)")
                cost.append(Double(code % 10) * 100 + Double(rng.nextInt(below: 5)))
            }
        }
        let table = Table(name: "t", columns: [Column.numeric("cost", cost, kind: .integer), Column.coded("icd", codes)])
        // Run
        let model = try SequentialCART.fit(table)
        let sample = try model.sample(rows: 5_000, rng: SeededRNG(seed: 2))
        // Assert: the 600 codes seen once are never drawn nor listed; the other 2,400 are.
        let icd = sample.column("icd")!
        #expect(icd.levels.count == 2_400)
        #expect(!icd.levels.contains("ICD-0") && icd.levels.contains("ICD-1"))
        let drawn = Set(icd.codes.filter { $0 >= 0 }.map { icd.levels[Int($0)] })
        #expect(drawn.count > 500)
        #expect(drawn.allSatisfy { Int($0.dropFirst(4))! % 5 != 0 })
    }

    @Test func unicodeNames() throws {
        // Setup
        let n = 300
        let table = Table(name: "t", columns: [
            Column.coded("région 地域", (0..<n).map { ["Île-de-France", "東京", "São Paulo"][$0 % 3] }),
            Column.numeric("âge", (0..<n).map { Double(20 + $0 % 50) }, kind: .integer),
        ])
        // Run
        let model = try SequentialCART.fit(table)
        let decoded = try ModelFile.decode(ModelFile.encode(model))
        let sample = try decoded.sample(rows: 200, rng: SeededRNG(seed: 1))
        // Assert
        #expect(sample.columns.map(\.name) == ["région 地域", "âge"])
        #expect(Set(Stats.shares(sample.column("région 地域")!).keys) == ["Île-de-France", "東京", "São Paulo"])
    }

    @Test func emptyAndIdentifierOnlyTablesAreRefused() {
        // Setup
        let empty = Table(name: "t", columns: [Column.numeric("a", [])])
        let ids = Table(name: "t", columns: [Column.coded("mrn", ["a", "b"], kind: .identifier)])
        // Run / Assert
        #expect(throws: ModelError.emptyTable) { try SequentialCART.fit(empty) }
        #expect(throws: ModelError.noModelableColumns) { try SequentialCART.fit(ids) }
    }

    @Test func corruptTreeInFileIsRefused() throws {
        // Setup: a model file whose tree points at a leaf that does not exist.
        let table = Table(name: "t", columns: [Column.numeric("v", (0..<50).map { Double($0 % 7) })])
        var columns = try SequentialCART.fit(table).columns
        columns[0].valueTree?.child[0] = 99
        let model = CARTModel(schema: [ColumnSchema(table.columns[0])], trainingRows: 50, identifierPolicy: .regenerate,
                              unmodelledColumns: [], columns: columns)
        // Run / Assert
        #expect(throws: ModelError.unsupportedFile("a tree of column 'v': a leaf number is out of range")) {
            try ModelFile.decode(ModelFile.encode(model))
        }
    }
}

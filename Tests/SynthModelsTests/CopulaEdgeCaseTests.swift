// CopulaEdgeCaseTests: named fixtures — one row, constant, all missing, one category, many categories.

import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct CopulaEdgeCaseTests {
    @Test func oneRow() throws {
        // Setup
        let table = Table(name: "t", columns: [Column.numeric("age", [41]), Column.coded("sex", ["F"])])
        // Run
        let sample = try GaussianCopula.fit(table).sample(rows: 5, rng: SeededRNG(seed: 1))
        // Assert: the only values there are.
        #expect(sample.column("age")!.numbers == [41, 41, 41, 41, 41])
        #expect(sample.column("sex")!.codes == [0, 0, 0, 0, 0])
        #expect(sample.column("sex")!.levels == ["F"])
    }

    @Test func constantColumn() throws {
        // Setup
        let n = 500
        var rng = SeededRNG(seed: 3)
        let table = Table(name: "t", columns: [
            Column.numeric("site", [Double?](repeating: 7, count: n), kind: .integer),
            Column.numeric("v", (0..<n).map { _ in rng.nextGaussian() }),
        ])
        // Run
        let model = try GaussianCopula.fit(table)
        let sample = try model.sample(rows: 300, rng: SeededRNG(seed: 4))
        // Assert: constant stays constant; its dimension is uncorrelated.
        #expect(sample.column("site")!.numbers.allSatisfy { $0 == 7 })
        #expect(model.correlation[0][1] == 0)
    }

    @Test func allMissingColumn() throws {
        // Setup
        let n = 200
        let table = Table(name: "t", columns: [
            Column.numeric("lab", [Double?](repeating: nil, count: n)),
            Column.coded("ward", [String?](repeating: nil, count: n)),
            Column.numeric("v", (0..<n).map { Double($0) }),
        ])
        // Run
        let model = try GaussianCopula.fit(table)
        let sample = try model.sample(rows: 50, rng: SeededRNG(seed: 4))
        // Assert
        #expect(sample.column("lab")!.valid.allSatisfy { !$0 })
        #expect(sample.column("lab")!.numbers.allSatisfy { $0.isNaN })
        #expect(sample.column("ward")!.codes.allSatisfy { $0 == -1 })
        #expect(model.correlation.count == 1)
    }

    @Test func oneCategory() throws {
        // Setup
        let table = Table(name: "t", columns: [Column.coded("country", [String?](repeating: "NZ", count: 100))])
        // Run
        let sample = try GaussianCopula.fit(table).sample(rows: 100, rng: SeededRNG(seed: 4))
        // Assert
        #expect(sample.column("country")!.levels == ["NZ"])
        #expect(sample.column("country")!.codes.allSatisfy { $0 == 0 })
    }

    @Test func thousandsOfCategories() throws {
        // Setup: 5000 distinct diagnosis codes, each seen 4 times, plus one common code.
        var values: [String?] = []
        for i in 0..<20_000 { values.append("D\(i % 5000)") }
        values.append(contentsOf: [String?](repeating: "COMMON", count: 20_000))
        let table = Table(name: "t", columns: [Column.coded("dx", values)])
        // Run
        let model = try GaussianCopula.fit(table)
        let sample = try model.sample(rows: 40_000, rng: SeededRNG(seed: 4))
        // Assert: COMMON first (most frequent), ties ordered by text; share 0.5 ± 0.03.
        let categories = try #require(model.marginals[0].categories)
        #expect(categories.count == 5001)
        #expect(categories[0] == "COMMON" && categories[1] == "D0" && categories[2] == "D1")
        #expect(abs((Stats.shares(sample.column("dx")!)["COMMON"] ?? 0) - 0.5) <= 0.03)
    }

    @Test func quantileGridHasAtMost1001Points() throws {
        // Setup
        let table = Table(name: "t", columns: [Column.numeric("v", (0..<5000).map { Double($0) })])
        // Run
        let quantiles = try #require(try GaussianCopula.fit(table).marginals[0].quantiles)
        // Assert: includes the observed minimum and maximum; the median interpolates.
        #expect(quantiles.count == 1001)
        #expect(quantiles.first == 0 && quantiles.last == 4999)
        #expect(quantiles[500] == 2499.5)
    }

    @Test func refusesEmptyAndIdentifierOnlyTables() {
        // Setup
        let empty = Table(name: "t", columns: [Column.numeric("v", [])])
        let onlyIds = Table(name: "t", columns: [Column.coded("id", ["a", "b"], kind: .identifier),
                                                 Column.coded("memo", ["x", "y"], kind: .text)])
        // Run / Assert
        #expect(throws: ModelError.emptyTable) { try GaussianCopula.fit(empty) }
        #expect(throws: ModelError.noModelableColumns) { try GaussianCopula.fit(onlyIds) }
    }

    @Test func zeroRowsSample() throws {
        // Setup
        let table = Table(name: "t", columns: [Column.numeric("v", [1, 2, 3])])
        // Run
        let sample = try GaussianCopula.fit(table).sample(rows: 0, rng: SeededRNG(seed: 1))
        // Assert
        #expect(sample.rowCount == 0 && sample.columnNames == ["v"])
    }
}

@Suite struct CopulaMissingnessTests {
    @Test func missingnessFollowsOtherColumns() throws {
        // Setup: "lab" is missing exactly when x > 0.5 (≈ 31% of rows).
        var rng = SeededRNG(seed: 8)
        let x = (0..<20_000).map { _ in rng.nextGaussian() }
        let lab: [Double?] = x.map { $0 > 0.5 ? nil : 3 + $0 }
        let table = Table(name: "t", columns: [Column.numeric("x", x.map { $0 }), Column.numeric("lab", lab)])
        // Run
        let sample = try GaussianCopula.fit(table).sample(rows: 20_000, rng: SeededRNG(seed: 9))
        let sx = sample.column("x")!.numbers
        let valid = sample.column("lab")!.valid
        let high = sx.indices.filter { sx[$0] > 1 }
        let low = sx.indices.filter { sx[$0] < 0 }
        let rate = { (rows: [Int]) in Double(rows.filter { !valid[$0] }.count) / Double(rows.count) }
        // Assert: overall rate within ±0.03; missing far more often where x is high (seed 9 gives
        // 0.66 for x > 1 and 0.14 for x < 0 against 0.31 overall; the copula blurs a hard threshold).
        #expect(abs(Stats.missingRate(sample.column("lab")!) - Stats.missingRate(table.column("lab")!)) <= 0.03)
        #expect(rate(high) > 0.5, "P(missing | x > 1) = \(rate(high))")
        #expect(rate(low) < 0.2, "P(missing | x < 0) = \(rate(low))")
    }
}

@Suite struct CopulaUnicodeTests {
    @Test func unicodeNamesSurviveTheModelFile() throws {
        // Setup
        let table = Table(name: "t", columns: [Column.coded("診断", ["糖尿病", "高血圧", "糖尿病", "高血圧"]),
                                               Column.numeric("体重 (kg)", [61.5, 72, 80.25, 66])])
        let model = try GaussianCopula.fit(table)
        // Run
        let decoded = try ModelFile.decode(ModelFile.encode(model))
        let sample = try decoded.sample(rows: 50, rng: SeededRNG(seed: 3))
        // Assert
        #expect(decoded as? CopulaModel == model)
        #expect(sample.columnNames == ["診断", "体重 (kg)"])
        #expect(Set(sample.column("診断")!.levels) == ["糖尿病", "高血圧"])
    }
}

@Suite struct CopulaSingletonTests {
    @Test func categoriesSeenOnceAreNeverLearnedOrSampled() throws {
        // Setup: "rare" occurs once among 200 rows.
        let values: [String?] = (0..<200).map { $0 == 7 ? "rare" : ($0 % 2 == 0 ? "a" : "b") }
        let table = Table(name: "t", columns: [.coded("c", values), .numeric("x", (0..<200).map { Double($0) })])
        // Run
        let model = try GaussianCopula.fit(table)
        let sample = try model.sample(rows: 5000, rng: SeededRNG(seed: 1))
        // Assert
        let bytes = try ModelFile.encode(model)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("rare"))
        let column = try #require(sample.column("c"))
        #expect(!column.levels.contains("rare"))
    }
}

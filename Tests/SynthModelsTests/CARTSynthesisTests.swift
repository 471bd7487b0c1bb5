// CARTSynthesisTests: sequential CART reproduces dependence and missingness, guards rare values, and is deterministic.

import Foundation
import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct CARTSynthesisTests {
    static let training = Fixtures.clinical(rows: 5_000)
    static let model = try! SequentialCART.fit(training)
    static let synthetic = try! model.sample(rows: 5_000, rng: SeededRNG(seed: 7))

    @Test func conditionalMeanOfScoreByGroup() throws {
        // Setup
        let group = try #require(Self.synthetic.column("group"))
        let score = try #require(Self.synthetic.column("score"))
        // Run: mean score per group (true means 0, 5, 10, sd 1).
        var sums: [String: Double] = [:], counts: [String: Double] = [:]
        for i in 0..<group.count where group.valid[i] && score.valid[i] {
            let level = group.levels[Int(group.codes[i])]
            sums[level, default: 0] += score.numbers[i]
            counts[level, default: 0] += 1
        }
        // Assert: each conditional mean within ±0.3 of the truth.
        for (level, truth) in [("A", 0.0), ("B", 5.0), ("C", 10.0)] {
            let mean = sums[level]! / counts[level]!
            #expect(abs(mean - truth) <= 0.3, "mean score of \(level) is \(mean)")
        }
    }

    @Test func correlationReproduced() throws {
        // Setup / Run
        let x = try #require(Self.synthetic.column("x"))
        let y = try #require(Self.synthetic.column("y"))
        // Assert: r = 0.8 within ±0.06.
        #expect(abs(Stats.pearson(x.numbers, y.numbers) - 0.8) <= 0.06)
    }

    @Test(arguments: ["x", "y", "score", "visits", "admitted", "bmi"])
    func marginalsMatch(name: String) throws {
        // Setup
        let real = try #require(Self.training.column(name))
        let fake = try #require(Self.synthetic.column(name))
        // Run
        let score = Stats.ksComplement(Stats.values(real), Stats.values(fake))
        // Assert: KS complement > 0.93.
        #expect(score > 0.93, "KS complement of \(name) is \(score)")
    }

    @Test func missingValuesReproduced() throws {
        // Setup / Run
        let real = Stats.missingRate(try #require(Self.training.column("bmi")))
        let fake = try #require(Self.synthetic.column("bmi"))
        // Assert: missing rate within ±0.025; missing slots are NaN.
        #expect(abs(Stats.missingRate(fake) - real) <= 0.025)
        #expect((0..<fake.count).allSatisfy { fake.valid[$0] || fake.numbers[$0].isNaN })
    }

    @Test func kindsAreKept() throws {
        // Setup / Run
        let visits = try #require(Self.synthetic.column("visits"))
        let admitted = try #require(Self.synthetic.column("admitted"))
        let flag = try #require(Self.synthetic.column("flag"))
        // Assert: integers and dates whole, dates keep their format, booleans their spelling.
        #expect(visits.kind == .integer && visits.numbers.allSatisfy { $0 == $0.rounded() })
        #expect(admitted.kind == .date && admitted.numbers.allSatisfy { $0 == $0.rounded() })
        #expect(admitted.format == "dd/MM/yyyy")
        #expect(flag.kind == .boolean && flag.levels == ["No", "Yes"])
        let rate = Stats.values(flag).reduce(0, +) / Double(flag.count)
        #expect(abs(rate - 0.3) <= 0.03)
    }

    @Test func identifiersRegeneratedAndTextLeftOut() throws {
        // Setup / Run
        let mrn = try #require(Self.synthetic.column("mrn"))
        // Assert
        #expect(mrn.levels.allSatisfy { $0.hasPrefix("syn-") } && Set(mrn.levels).count == Self.synthetic.rowCount)
        #expect(Self.synthetic.column("note") == nil)
        #expect(Self.model.unmodelledColumns == ["note"])
        #expect(!Self.model.columns.contains { ["mrn", "name", "note"].contains($0.name) })
    }

    @Test func identifiersNeverInModelFile() throws {
        // Setup / Run
        let text = String(decoding: try ModelFile.encode(Self.model), as: UTF8.self)
        // Assert: no identifier or text value of the training table is written.
        #expect(!text.contains("MRN-9"))
        #expect(!text.contains("Patient Zq"))
        #expect(!text.contains("free text"))
        #expect(text.contains("\"method\":\"cart\""))
    }

    @Test func sameSeedSameTable() throws {
        // Setup
        let again = try SequentialCART.fit(Self.training)
        // Run
        let a = try Self.model.sample(rows: 5_000, rng: SeededRNG(seed: 7))
        let b = try again.sample(rows: 5_000, rng: SeededRNG(seed: 7))
        // Assert: byte-identical; another seed differs.
        #expect(again == Self.model)
        #expect(identical(a, b))
        #expect(!identical(a, try Self.model.sample(rows: 5_000, rng: SeededRNG(seed: 8))))
    }

    @Test func chunksDoNotDependOnRowCount() throws {
        // Setup / Run: the first chunk is drawn from its own stream, whatever follows it.
        let short = try Self.model.sample(rows: CARTModel.chunkRows, rng: SeededRNG(seed: 3))
        let long = try Self.model.sample(rows: CARTModel.chunkRows + 100, rng: SeededRNG(seed: 3))
        // Assert
        let head = long.gather(Array(0..<CARTModel.chunkRows))
        for (a, b) in zip(short.columns, head.columns) where a.kind != .identifier {
            #expect(a == b, "\(a.name)")
        }
    }

    @Test func modelFileRoundTripGivesIdenticalSample() throws {
        // Setup
        let bytes = try ModelFile.encode(Self.model)
        // Run
        let decoded = try #require(try ModelFile.decode(bytes) as? CARTModel)
        // Assert
        #expect(decoded == Self.model)
        #expect(try ModelFile.encode(decoded) == bytes)
        #expect(identical(try decoded.sample(rows: 2_000, rng: SeededRNG(seed: 11)),
                          try Self.model.sample(rows: 2_000, rng: SeededRNG(seed: 11))))
        #expect(decoded.containsRealValues && !decoded.isDifferentiallyPrivate)
        #expect(decoded.disclosureNote.hasPrefix("tree leaves hold observed values of the real data"))
    }

    @Test(arguments: [true, false])
    func noRealSingletonComesBackUnchanged(smooth: Bool) throws {
        // Setup: ages with rare values, a ward column with levels seen once.
        var rng = SeededRNG(seed: 5)
        let n = 2_000
        var age: [Double?] = [], ward: [String?] = [], los: [Double?] = []
        for i in 0..<n {
            age.append(i < 10 ? Double(100 + i) : Double(20 + rng.nextInt(below: 60)))
            ward.append(i < 6 ? "rare-\(i)" : ["W1", "W2", "W3"][rng.nextInt(below: 3)])
            los.append((rng.nextGaussian() * 3 + 10).rounded() / 1 + Double(i % 7) / 10)
        }
        let table = Table(name: "t", columns: [Column.numeric("age", age, kind: .integer), Column.coded("ward", ward),
                                               Column.numeric("los", los)])
        // Run
        let model = try SequentialCART.fit(table, options: CARTOptions(minBucket: 1, smooth: smooth))
        let sample = try model.sample(rows: 20_000, rng: SeededRNG(seed: 9))
        // Assert: no value seen once in the real column appears in the sample.
        for name in ["age", "los"] {
            let real = Stats.values(table.column(name)!)
            let once = Set(Dictionary(grouping: real, by: { $0 }).filter { $0.value.count == 1 }.keys)
            #expect(!once.isEmpty)
            let leaked = Stats.values(sample.column(name)!).filter { once.contains($0) }
            #expect(leaked.isEmpty, "\(name): \(leaked.prefix(5))")
        }
        let wards = sample.column("ward")!
        #expect(Set(wards.levels) == ["W1", "W2", "W3"])
        #expect(Stats.shares(wards).count == 3)
    }

    @Test func fewValuedColumnsAreNotSmoothed() throws {
        // Setup: a code-like integer column with values 1, 3, 6 (≤ 30 distinct values) beside
        // a continuous one.
        var rng = SeededRNG(seed: 12)
        let n = 600
        let table = Table(name: "t", columns: [
            Column.numeric("disposition", (0..<n).map { _ in [1.0, 3, 6][rng.nextInt(below: 3)] }, kind: .integer),
            Column.numeric("cost", (0..<n).map { _ in (rng.nextGaussian() * 1000).rounded() }),
        ])
        // Run
        let model = try SequentialCART.fit(table)
        let sample = try model.sample(rows: 2_000, rng: SeededRNG(seed: 1))
        // Assert: only the codes seen come back; the continuous column is smoothed.
        #expect(Set(sample.column("disposition")!.numbers) == [1, 3, 6])
        #expect(model.columns[0].valueTree!.bandwidth.allSatisfy { $0 == 0 })
        #expect(model.columns[1].valueTree!.bandwidth.contains { $0 > 0 })
    }

    @Test func heapedValuesKeepTheirShare() throws {
        // Setup: hours a week, 50% exactly 40, the rest spread over 1…99.
        var rng = SeededRNG(seed: 13)
        let hours = (0..<4_000).map { _ in rng.nextDouble() < 0.5 ? 40.0 : Double(1 + rng.nextInt(below: 99)) }
        let table = Table(name: "t", columns: [Column.numeric("hours", hours, kind: .integer)])
        // Run
        let sample = try SequentialCART.fit(table).sample(rows: 4_000, rng: SeededRNG(seed: 2))
        // Assert: the heap at 40 is drawn unsmoothed, so its share stays 50.5% ± 3%.
        let share = Double(sample.column("hours")!.numbers.filter { $0 == 40 }.count) / 4_000
        let real = Double(hours.filter { $0 == 40 }.count) / 4_000
        #expect(abs(share - real) <= 0.03, "share of 40 is \(share), real \(real)")
    }

    @Test func properAndUnsmoothedFitsSample() throws {
        // Setup / Run
        let proper = try SequentialCART.fit(Self.training, options: CARTOptions(smooth: false, proper: true, seed: 4))
        let sample = try proper.sample(rows: 3_000, rng: SeededRNG(seed: 2))
        // Assert: still close on the conditional structure; differs from the improper fit.
        #expect(proper != Self.model)
        let x = try #require(sample.column("x")), y = try #require(sample.column("y"))
        #expect(abs(Stats.pearson(x.numbers, y.numbers) - 0.8) <= 0.08)
    }

    @Test func visitOrderAndPredictors() throws {
        // Setup
        let options = CARTOptions(visit: ["group", "score", "x"], predictors: ["x": []])
        // Run
        let model = try SequentialCART.fit(Self.training, options: options)
        let sample = try model.sample(rows: 1_000, rng: SeededRNG(seed: 1))
        // Assert: only visited columns come back; x has no predictors, score is predicted from group.
        #expect(model.columns.map(\.name) == ["group", "score", "x"])
        #expect(model.columns[2].predictors.isEmpty)
        #expect(model.columns[1].predictors == [CARTPredictor(column: 0, missing: false)])
        #expect(sample.columns.map(\.name) == ["mrn", "name", "x", "group", "score"])
    }

    @Test func highCardinalityColumnsGoLast() throws {
        // Setup: a 60-level column first in the table.
        let n = 300
        let table = Table(name: "t", columns: [
            Column.coded("code", (0..<n).map { "c\($0 % 60)" }),
            Column.numeric("v", (0..<n).map { Double($0 % 11) }),
        ])
        // Run
        let model = try SequentialCART.fit(table, options: CARTOptions(highCardinalityLast: true))
        // Assert
        #expect(model.columns.map(\.name) == ["v", "code"])
    }

    @Test(arguments: [
        (CARTOptions(visit: ["nope"]), "visit: unknown column 'nope'"),
        (CARTOptions(visit: ["mrn"]), "visit: column 'mrn' is not modelled (identifier or text)"),
        (CARTOptions(predictors: ["x": ["y"]]), "predictors of 'x': 'y' is not synthesized before it"),
        (CARTOptions(predictors: ["y": ["nope"]]), "predictors of 'y': unknown or unmodelled column 'nope'"),
        (CARTOptions(minBucket: 0), "minbucket must be at least 1"),
    ])
    func badOptionsAreRefused(options: CARTOptions, message: String) {
        // Setup / Run / Assert
        #expect(throws: ModelError.invalid(message)) { try SequentialCART.fit(Self.training, options: options) }
    }
}

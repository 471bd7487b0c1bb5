// GaussianCopulaTests: the copula reproduces marginals, dependence and missingness, and is deterministic.

import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct GaussianCopulaTests {
    static let training = Fixtures.clinical(rows: 20_000)
    static let model = try! GaussianCopula.fit(training)
    static let synthetic = try! model.sample(rows: 20_000, rng: SeededRNG(seed: 7))

    @Test func reproducesBivariateNormalCorrelation() throws {
        // Setup / Run
        let x = try #require(Self.synthetic.column("x"))
        let y = try #require(Self.synthetic.column("y"))
        // Assert: r = 0.8 within ±0.05.
        #expect(abs(Stats.pearson(x.numbers, y.numbers) - 0.8) <= 0.05)
    }

    @Test(arguments: ["x", "y", "score", "visits", "admitted", "bmi"])
    func marginalsMatch(name: String) throws {
        // Setup
        let real = try #require(Self.training.column(name))
        let fake = try #require(Self.synthetic.column(name))
        // Run
        let score = Stats.ksComplement(Stats.values(real), Stats.values(fake))
        // Assert: KS complement > 0.95.
        #expect(score > 0.95, "KS complement of \(name) is \(score)")
    }

    @Test func categoricalFrequencies() throws {
        // Setup
        let real = Stats.shares(try #require(Self.training.column("group")))
        // Run
        let fake = Stats.shares(try #require(Self.synthetic.column("group")))
        // Assert: every share within ±0.03.
        for level in ["A", "B", "C"] {
            #expect(abs((real[level] ?? 0) - (fake[level] ?? 0)) <= 0.03, "\(level)")
        }
    }

    @Test func booleanKeepsSpellingAndRate() throws {
        // Setup / Run
        let flag = try #require(Self.synthetic.column("flag"))
        let values = Stats.values(flag)
        // Assert: 30% true within ±0.03, values 0/1, labels kept.
        #expect(flag.kind == .boolean)
        #expect(flag.levels == ["No", "Yes"])
        #expect(values.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(abs(values.reduce(0, +) / Double(values.count) - 0.3) <= 0.03)
    }

    @Test func missingRateReproduced() throws {
        // Setup / Run
        let real = Stats.missingRate(try #require(Self.training.column("bmi")))
        let fake = try #require(Self.synthetic.column("bmi"))
        // Assert: within ±0.03; missing slots are NaN.
        #expect(abs(Stats.missingRate(fake) - real) <= 0.03)
        #expect((0..<fake.count).allSatisfy { fake.valid[$0] || fake.numbers[$0].isNaN })
    }

    @Test func categoryNumericDependence() throws {
        // Setup
        let group = try #require(Self.synthetic.column("group"))
        let score = try #require(Self.synthetic.column("score"))
        // Run: mean score per group (true means 0, 5, 10).
        var sums: [String: Double] = [:], counts: [String: Double] = [:]
        for i in 0..<group.count {
            let level = group.levels[Int(group.codes[i])]
            sums[level, default: 0] += score.numbers[i]
            counts[level, default: 0] += 1
        }
        let mean = { (level: String) in sums[level]! / counts[level]! }
        // Assert: ordered A < B < C, each within ±2.5 of the truth (a Gaussian copula blurs a
        // three-mode conditional: seed 7 gives 1.0, 4.6, 8.1), spread C − A at least 6.
        #expect(mean("A") < mean("B") && mean("B") < mean("C"))
        #expect(abs(mean("A") - 0) <= 2.5)
        #expect(abs(mean("B") - 5) <= 2.5)
        #expect(abs(mean("C") - 10) <= 2.5)
        #expect(mean("C") - mean("A") >= 6)
    }

    @Test func kindsAndFormatsKept() throws {
        // Setup / Run
        let admitted = try #require(Self.synthetic.column("admitted"))
        let visits = try #require(Self.synthetic.column("visits"))
        // Assert: dates stay dates with their format, integers integral.
        #expect(admitted.kind == .date)
        #expect(admitted.format == "dd/MM/yyyy")
        #expect(Stats.values(admitted).allSatisfy { $0 == $0.rounded() })
        #expect(visits.kind == .integer)
        #expect(Stats.values(visits).allSatisfy { $0 == $0.rounded() && $0 >= 0 })
    }

    @Test func identifiersRegeneratedAndTextDropped() throws {
        // Setup / Run
        let table = Self.synthetic
        let mrn = try #require(table.column("mrn"))
        let name = try #require(table.column("name"))
        // Assert
        #expect(table.columnNames == ["mrn", "name", "x", "y", "group", "score", "visits", "admitted", "bmi", "flag"])
        #expect(mrn.kind == .identifier && mrn.levels.allSatisfy { $0.hasPrefix("syn-") && $0.count == 10 })
        #expect(Set(mrn.levels).count == table.rowCount)
        #expect(name.role == .identifier && Set(name.levels).count == table.rowCount)
        // Each identifier column has its own order, so rows do not pair two ids by construction.
        #expect(zip(mrn.levels, name.levels).filter { $0 == $1 }.count < table.rowCount / 100 + 2)
        #expect(Self.model.unmodelledColumns == ["note"])
        #expect(!Self.model.marginals.contains { ["mrn", "name", "note"].contains($0.column) })
    }

    @Test func identifierPolicyDrop() throws {
        // Setup
        let model = try GaussianCopula.fit(Fixtures.clinical(rows: 200), options: CopulaOptions(identifiers: .drop))
        // Run
        let table = try model.sample(rows: 10, rng: SeededRNG(seed: 1))
        // Assert
        #expect(table.columnNames == ["x", "y", "group", "score", "visits", "admitted", "bmi", "flag"])
    }

    @Test func sameSeedSameTable() throws {
        // Setup / Run
        let a = try Self.model.sample(rows: 9000, rng: SeededRNG(seed: 99))
        let b = try Self.model.sample(rows: 9000, rng: SeededRNG(seed: 99))
        let c = try Self.model.sample(rows: 9000, rng: SeededRNG(seed: 100))
        // Assert
        #expect(identical(a, b))
        #expect(!identical(a, c))
    }

    @Test func chunksAreIndependentOfRowCount() throws {
        // Setup: the first chunk (4096 rows) comes from stream 0 whatever the total.
        let long = try Self.model.sample(rows: 9000, rng: SeededRNG(seed: 5))
        // Run
        let short = try Self.model.sample(rows: CopulaModel.chunkRows, rng: SeededRNG(seed: 5))
        // Assert (identifier surrogates are numbered 1...n, equal on the prefix too)
        let prefix = long.gather(Array(0..<CopulaModel.chunkRows))
        for (a, b) in zip(prefix.columns, short.columns) where a.kind != .identifier {
            #expect(a.numbers.map(\.bitPattern) == b.numbers.map(\.bitPattern) && a.codes == b.codes && a.valid == b.valid)
        }
    }

    @Test func fitIsDeterministic() throws {
        // Setup / Run
        let again = try GaussianCopula.fit(Self.training)
        // Assert
        #expect(again == Self.model)
    }

    @Test func correlationMatrixIsValid() {
        // Setup
        let r = Self.model.correlation
        // Assert: unit diagonal, symmetric, entries in [−1, 1], dimensions numbered densely
        // (8 value columns + bmi's missing indicator).
        #expect(r.count == 9)
        for i in r.indices {
            #expect(r[i][i] == 1)
            for j in r.indices { #expect(r[i][j] == r[j][i] && abs(r[i][j]) <= 1) }
        }
        #expect(Self.model.shrinkage == 0)
    }

    @Test func describesDisclosure() {
        #expect(Self.model.containsRealValues)
        #expect(!Self.model.isDifferentiallyPrivate)
        #expect(Self.model.method == "copula")
        #expect(Self.model.disclosureNote.contains("no identifier values"))
        #expect(Self.model.trainingRows == 20_000)
    }
}

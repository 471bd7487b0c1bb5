// PrivateReleaseTests: what a private fit may and may not release — declared-but-absent levels
// appear only at noise level, undeclared levels never, and the model file holds no value read
// from the data.

import Foundation
import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct PrivateReleaseTests {
    /// 10,000 rows: `ward` A/B (present), Zebra (present, undeclared); `stay` with values no
    /// one would write in a domain (many decimals); `age` whole numbers.
    private func table() -> Table {
        var rng = SeededRNG(seed: 11)
        var ward: [String?] = [], stay: [Double?] = [], age: [Double?] = []
        for i in 0..<10_000 {
            ward.append(i < 30 ? "Zebra" : (rng.nextDouble() < 0.6 ? "A" : "B"))
            stay.append(1 + rng.nextDouble() * 20)
            age.append(Double(20 + rng.nextInt(below: 60)))
        }
        var columns = [Column.coded("ward", ward), Column.numeric("stay", stay), Column.numeric("age", age, kind: .integer)]
        columns[0].domain = ColumnDomain(values: .levels(["A", "B", "X"]), allowsMissing: true)
        columns[1].domain = ColumnDomain(values: .bins(lower: 0, upper: 30, count: 15), decimals: 2)
        columns[2].domain = ColumnDomain(values: .bins(lower: 0, upper: 100, count: 20))
        return Table(name: "wards", columns: columns)
    }

    private func fit(_ table: Table, epsilon: Double = 1, seed: UInt64 = 5) throws -> MSTModel {
        let rho = ZCDP.rho(epsilon: epsilon, delta: 1e-6)
        var options = MSTFitOptions(epsilon: epsilon, delta: 1e-6, rho: rho)
        options.seed = seed
        return try MSTSynthesizer.fit(table, options: options).model
    }

    @Test func absentLevelsAppearAtNoiseLevelAndUndeclaredOnesNever() throws {
        // Setup / Run
        let model = try fit(table())
        let sample = try model.sample(rows: 20_000, rng: SeededRNG(seed: 6))
        // Assert
        let ward = try #require(sample.column("ward"))
        #expect(ward.levels == ["A", "B", "X"])
        let x = ward.codes.filter { $0 == 2 }.count
        let noise = Mechanisms.gaussianSigma(rho: model.rho / 3) * 3.0.squareRoot()
        // X was never seen: its share can only come from noise (a few sigma over 10,000 rows).
        #expect(Double(x) / 20_000 < 6 * noise / 10_000, "X drawn \(x) times")
        #expect(!ward.levels.contains("Zebra"))
        let stay = try #require(sample.column("stay"))
        #expect(stay.numbers.allSatisfy { $0 >= 0 && $0 <= 30 })
    }

    @Test func theModelFileHoldsNoValueReadFromTheData() throws {
        // Setup
        let data = table()
        let model = try fit(data)
        // Run
        let text = String(decoding: try ModelFile.encode(model), as: UTF8.self)
        // Assert: no level outside the domain, and none of the data's numbers (which have many
        // decimals), appear anywhere in the file.
        #expect(!text.contains("Zebra"))
        let stay = data.column("stay")!.numbers
        for value in stay.prefix(500) {
            #expect(!text.contains(String(value)), "\(value) is in the model file")
            #expect(!text.contains(NumberFormat.fixed(value, digits: 4)))
        }
        #expect(text.contains("\"differentiallyPrivate\":true") && text.contains("\"containsRealValues\":false"))
        #expect(model.schema.first { $0.name == "stay" }?.decimals == 2)
    }

    @Test func aSavedModelSamplesTheSameRows() throws {
        let model = try fit(table())
        let reread = try ModelFile.decode(ModelFile.encode(model))
        let a = try model.sample(rows: 3000, rng: SeededRNG(seed: 9))
        let b = try reread.sample(rows: 3000, rng: SeededRNG(seed: 9))
        #expect(a == b)
        #expect((reread as? MSTModel) == model)
    }

    @Test func aHandEditedModelIsRefused() throws {
        let model = try fit(table())
        var text = String(decoding: try ModelFile.encode(model), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"domainSizes\":[4,15,20]", with: "\"domainSizes\":[4,15,21]")
        #expect(throws: ModelError.self) { try ModelFile.decode(Array(text.utf8)) }
    }

    @Test func theNoisyTotalStandsInForTheRowCount() throws {
        let model = try fit(table(), epsilon: 0.5)
        // The true count is 10,000; the model only knows a noisy estimate of it.
        #expect(abs(model.trainingRows - 10_000) < 500)
    }

    @Test func datesStayDatesAndIdentifiersNeverReachTheModel() throws {
        // Setup: the clinical fixture with a domain for every modelled column.
        var table = Fixtures.clinical(rows: 4000)
        let first = Double(DateCodec.days(year: 2019, month: 1, day: 1))
        let last = Double(DateCodec.days(year: 2030, month: 12, day: 31))
        let domains: [String: ColumnDomain] = [
            "x": ColumnDomain(values: .bins(lower: -4, upper: 4, count: 16)),
            "y": ColumnDomain(values: .bins(lower: 0, upper: 100, count: 20)),
            "group": ColumnDomain(values: .levels(["A", "B", "C"])),
            "score": ColumnDomain(values: .bins(lower: -5, upper: 15, count: 20)),
            "visits": ColumnDomain(values: .bins(lower: 0, upper: 20, count: 21)),
            "admitted": ColumnDomain(values: .bins(lower: first, upper: last, count: 24)),
            "bmi": ColumnDomain(values: .bins(lower: 10, upper: 50, count: 20), allowsMissing: true),
        ]
        for (name, domain) in domains { table.columns[table.index(of: name)!].domain = domain }
        #expect(MSTSynthesizer.columnsWithoutDomain(table).isEmpty)
        // Run
        let model = try fit(table)
        let sample = try model.sample(rows: 2000, rng: SeededRNG(seed: 1))
        // Assert
        #expect(!model.columns.contains("mrn") && !model.columns.contains("name") && !model.columns.contains("note"))
        let admitted = try #require(sample.column("admitted"))
        #expect(admitted.kind == .date && admitted.format == "dd/MM/yyyy")
        #expect(admitted.numbers.allSatisfy { $0 == $0.rounded() && $0 >= first && $0 <= last })
        let mrn = try #require(sample.column("mrn"))
        #expect(Set(mrn.levels).count == 2000 && mrn.levels.allSatisfy { $0.hasPrefix("syn-") })
        #expect(sample.column("note") == nil)
        // x and y correlate at 0.8: the tree links them, and the sample keeps the sign and some
        // of the strength (4,000 rows over 320 cells is noisy at epsilon 1).
        let (ix, iy) = (model.columns.firstIndex(of: "x")!, model.columns.firstIndex(of: "y")!)
        #expect(model.result.edges.contains { Set($0) == [ix, iy] })
        let correlation = pearson(sample.column("x")!.numbers, sample.column("y")!.numbers)
        #expect(correlation > 0.3, "r = \(correlation)")
    }

    private func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) { sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb) }
        return sab / (saa * sbb).squareRoot()
    }

    @Test func rowsWithNoPlaceInTheDomainAreLeftOutNotRefused() throws {
        // Setup: 30 rows have a ward ("Zebra") that has no place once missing is not allowed.
        var data = table()
        data.columns[0].domain = ColumnDomain(values: .levels(["A", "B", "X"]))
        var options = MSTFitOptions(epsilon: 1, delta: 1e-6, rho: ZCDP.rho(epsilon: 1, delta: 1e-6))
        options.seed = 5
        // Run
        let fit = try MSTSynthesizer.fit(data, options: options)
        // Assert: the fit succeeds whatever the data; the steward learns how many rows were left out.
        #expect(fit.leftOut.rows == 30)
        #expect(fit.leftOut.causes == [.init(column: data.columns[0].name, reason: .undeclaredLevel, rows: 30)])
        #expect(fit.leftOut.summary == "30 rows left out: \(data.columns[0].name) has levels outside its declared domain")
        #expect(!String(decoding: try ModelFile.encode(fit.model), as: UTF8.self).contains("Zebra"))
    }

    @Test func anEmptyTableStillFits() throws {
        let empty = table().gather([])
        var options = MSTFitOptions(epsilon: 1, delta: 1e-6, rho: ZCDP.rho(epsilon: 1, delta: 1e-6))
        options.seed = 1
        let model = try MSTSynthesizer.fit(empty, options: options).model
        #expect(model.trainingRows >= 1)
        #expect(try model.sample(rows: 10, rng: SeededRNG(seed: 2)).rowCount == 10)
    }

    @Test func aModelWhoseCliquesFormACycleIsRefused() throws {
        let model = try fit(table())
        var result = model.result
        result.cliques = [[0, 1], [1, 2], [0, 2]]
        result.marginals = result.cliques.map { clique in
            let size = clique.reduce(1) { $0 * (result.supports[$1].count + (result.supports[$1].count < result.domainSizes[$1] ? 1 : 0)) }
            return [Double](repeating: 1 / Double(size), count: size)
        }
        let edited = MSTModel(schema: model.schema, trainingRows: model.trainingRows, identifierPolicy: .regenerate,
                              epsilon: 1, delta: 1e-6, rho: model.rho, columns: model.columns, domains: model.domains,
                              result: result)
        #expect(throws: ModelError.self) { try edited.validate() }
        #expect(throws: ModelError.self) { try ModelFile.decode(ModelFile.encode(edited)) }
    }
}

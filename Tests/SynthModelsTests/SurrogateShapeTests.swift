// Tests of shaped identifier surrogates: learned at fit, kept in model files, absent from old ones.

import Foundation
import SynthCore
import SynthData
import Testing
@testable import SynthModels

/// 500 patients with sparse record numbers "MRN" + 7 digits, a phone number and two modelled columns.
private func patients(seed: UInt64 = 21) -> (table: Table, mrns: Set<String>, phones: Set<String>) {
    var rng = SeededRNG(seed: seed)
    var mrns: [String] = [], phones: [String] = [], ages: [Double?] = [], wards: [String?] = []
    var seen = Set<String>()
    while mrns.count < 500 {
        let mrn = "MRN" + String(1_000_000 + rng.nextInt(below: 8_000_000))
        guard seen.insert(mrn).inserted else { continue }
        mrns.append(mrn)
        phones.append("(\(200 + rng.nextInt(below: 700))) \(100 + rng.nextInt(below: 900))-\(1000 + rng.nextInt(below: 9000))")
        ages.append(Double(20 + rng.nextInt(below: 60)))
        wards.append(["A", "B", "C"][rng.nextInt(below: 3)])
    }
    var phone = Column.coded("phone", phones)
    phone.role = .identifier
    let table = Table(name: "patients", columns: [
        Column.coded("mrn", mrns, kind: .identifier), phone,
        Column.numeric("age", ages, kind: .integer), Column.coded("ward", wards),
    ])
    return (table, Set(mrns), Set(phones))
}

/// Whether every character of `value` is a digit where `template` has "#" and equal elsewhere.
private func matches(_ value: String, _ template: String) -> Bool {
    value.count == template.count && zip(value, template).allSatisfy { ch, want in
        want == "#" ? ch.isASCII && ch.isNumber : ch == want
    }
}

@Test func schemaOfAnIdentifierColumnCarriesItsShapeOnly() {
    // Setup
    let (table, _, _) = patients()
    // Run
    let schema = table.columns.map(ColumnSchema.init)
    // Assert
    #expect(schema[0].identifierShape?.hasPrefix("MRN") == true && schema[0].identifierShape?.count == 10)
    #expect(schema[1].identifierShape?.hasPrefix("(") == true)
    #expect(schema[2].identifierShape == nil && schema[3].identifierShape == nil)
}

@Test(arguments: ["copula", "cart"])
func sampledIdentifiersKeepTheShapeAndAreFreshOverTenThousandRows(_ method: String) throws {
    // Setup
    let (table, mrns, phones) = patients()
    let model: any SynthModel = method == "copula" ? try GaussianCopula.fit(table) : try SequentialCART.fit(table)
    // Run
    let sample = try model.sample(rows: 10_000, rng: SeededRNG(seed: 4))
    // Assert
    let mrn = try #require(sample.column("mrn")).levels
    let phone = try #require(sample.column("phone")).levels
    #expect(mrn.count == 10_000 && Set(mrn).count == 10_000)
    #expect(mrn.allSatisfy { matches($0, "MRN#######") })
    #expect(mrns.isDisjoint(with: mrn))
    #expect(phone.count == 10_000 && Set(phone).count == 10_000)
    #expect(phone.allSatisfy { matches($0, "(###) ###-####") })
    #expect(phones.isDisjoint(with: phone))
}

@Test func differentiallyPrivateModelsLearnNoShape() throws {
    // Setup
    var table = patients().table
    table.columns[2].domain = ColumnDomain(values: .bins(lower: 0, upper: 100, count: 20))
    table.columns[3].domain = ColumnDomain(values: .levels(["A", "B", "C"]))
    var options = MSTFitOptions(epsilon: 1, delta: 1e-6, rho: ZCDP.rho(epsilon: 1, delta: 1e-6))
    options.seed = 2
    // Run
    let model = try MSTSynthesizer.fit(table, options: options).model
    let sample = try model.sample(rows: 50, rng: SeededRNG(seed: 1))
    // Assert
    #expect(model.schema.allSatisfy { $0.identifierShape == nil })
    #expect(try #require(sample.column("mrn")).levels.allSatisfy { $0.hasPrefix("syn-") })
}

@Test func modelFilesKeepTheShape() throws {
    // Setup
    let model = try GaussianCopula.fit(patients().table)
    // Run
    let decoded = try ModelFile.decode(ModelFile.encode(model))
    // Assert
    #expect(decoded.schema == model.schema)
    #expect(decoded.schema[0].identifierShape != nil)
}

@Test func modelFilesWithoutShapesStillLoadAndSampleOldSurrogates() throws {
    // Setup: a file as written before shapes existed.
    let model = try GaussianCopula.fit(patients().table)
    let text = String(decoding: try ModelFile.encode(model), as: UTF8.self)
    let old = text.split(separator: "\n").filter { !$0.contains("\"identifierShape\"") }.joined(separator: "\n")
    // Run
    let decoded = try ModelFile.decode(Array(old.utf8))
    let sample = try decoded.sample(rows: 100, rng: SeededRNG(seed: 2))
    // Assert
    #expect(!old.contains("identifierShape"))
    #expect(decoded.schema.allSatisfy { $0.identifierShape == nil })
    #expect(try #require(sample.column("mrn")).levels.allSatisfy { $0.hasPrefix("syn-") })
}

@Test func samplesLargerThanTheShapeFallBackToNumberedSurrogates() throws {
    // Setup
    let field = ColumnSchema(name: "bed", kind: .identifier, role: .attribute, identifierShape: "Z##")
    // Run
    let small = try SurrogateIdentifiers.column(for: field, rows: 100, rng: SeededRNG(seed: 1))
    let large = try SurrogateIdentifiers.column(for: field, rows: 101, rng: SeededRNG(seed: 1))
    // Assert
    #expect(small.levels.allSatisfy { matches($0, "Z##") } && Set(small.levels).count == 100)
    #expect(large.levels.allSatisfy { $0.hasPrefix("syn-") } && Set(large.levels).count == 101)
}

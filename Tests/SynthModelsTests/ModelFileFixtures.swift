// ModelFileFixtures: small real model files of every method, for tests that edit them.

import SynthCore
import SynthData
@testable import SynthModels

/// A method whose fitted model file tests edit.
enum ModelFileFixture: String, CaseIterable, CustomStringConvertible, Sendable {
    case copula, cart, mst

    var description: String { rawValue }

    /// The fitted model: copula and CART on 60 rows of the clinical fixture, MST on 400 (two
    /// identifiers, a date with a format, a boolean with labels, missing values, text).
    var model: any SynthModel { Self.models[self]! }

    /// The model's file.
    var bytes: [UInt8] { Self.files[self]! }

    var document: JSONDocument { try! JSONDocument.parse(bytes) }

    /// Fields the envelope repeats from the model, which must agree.
    static let twins = [("schema", "model.schema"), ("trainingRows", "model.trainingRows")]

    private static let models: [ModelFileFixture: any SynthModel] = {
        let table = Fixtures.clinical(rows: 60)
        // A generous budget on more rows, so compression keeps most codes and the marginals
        // have cells to edit.
        var options = MSTFitOptions(epsilon: 10, delta: 1e-6, rho: ZCDP.rho(epsilon: 10, delta: 1e-6))
        options.seed = 3
        options.engine.selectionIterations = 100
        options.engine.estimationIterations = 200
        return [
            .copula: try! GaussianCopula.fit(table),
            .cart: try! SequentialCART.fit(table, options: CARTOptions(seed: 1)),
            .mst: try! MSTSynthesizer.fit(withDomains(Fixtures.clinical(rows: 400)), options: options).model,
        ]
    }()

    private static let files: [ModelFileFixture: [UInt8]] = models.mapValues { try! ModelFile.encode($0) }

    /// The clinical table with a declared domain for every modelled column: equal bins, bins
    /// cut at breaks, whole-number bins, date bins, levels, missing allowed, decimals.
    static func withDomains(_ table: Table) -> Table {
        let domains: [String: ColumnDomain] = [
            "x": ColumnDomain(values: .bins(lower: -4, upper: 4, count: 8)),
            "y": ColumnDomain(values: .bins(lower: 0, upper: 100, count: 3), breaks: [40, 60]),
            "group": ColumnDomain(values: .levels(["A", "B", "C"]), other: "C"),
            "score": ColumnDomain(values: .bins(lower: -5, upper: 15, count: 10), decimals: 1),
            "visits": ColumnDomain(values: .bins(lower: 0, upper: 20, count: 10)),
            "admitted": ColumnDomain(values: .bins(lower: 18_000, upper: 21_650, count: 10)),
            "bmi": ColumnDomain(values: .bins(lower: 10, upper: 40, count: 6), allowsMissing: true, decimals: 2),
        ]
        var out = table
        for i in out.columns.indices {
            if let domain = domains[out.columns[i].name] { out.columns[i].domain = domain }
        }
        return out
    }
}

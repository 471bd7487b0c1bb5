// A fit refuses, by name, a value no model of its column's kind could sample; up to the limit
// every method fits and samples.

import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct ModelLimitFitTests {
    enum Method: String, CaseIterable, Sendable { case cart, copula }

    private func fit(_ table: Table, _ method: Method) throws -> any SynthModel {
        switch method {
        case .cart: return try SequentialCART.fit(table)
        case .copula: return try GaussianCopula.fit(table)
        }
    }

    private func table(_ values: [Double]) -> Table {
        Table(name: "t", columns: [Column.numeric("x", values), Column.numeric("y", values.indices.map { Double($0 % 3) }, kind: .integer)])
    }

    @Test(arguments: Method.allCases)
    func aValuePastTheLimitIsRefusedByName(_ method: Method) {
        // Setup: one value past 1e290, the most a model of a numeric column samples.
        let values: [Double] = [1, 2, 3, 4, 5, 6, 7, -1.7e308]
        // Run, Assert
        #expect(throws: ModelError.valueTooLarge(column: "x", value: -1.7e308, kind: .numeric)) {
            _ = try fit(table(values), method)
        }
    }

    @Test(arguments: Method.allCases)
    func valuesAtTheLimitFitAndSampleWithinIt(_ method: Method) throws {
        // Setup
        let values: [Double] = [-1e290, 1e290, 1, 2, 3, 4, 5, 6, 7, 8]
        // Run
        let sample = try fit(table(values), method).sample(rows: 50, rng: SeededRNG(seed: 4))
        // Assert: every drawn value a column of the kind holds.
        let x = try #require(sample.column("x"))
        #expect(zip(x.numbers, x.valid).allSatisfy { !$1 || ModelLimits.holds($0, kind: .numeric) })
    }
}

@Suite struct MSTRowCountLimitTests {
    @Test func aNoisyRowCountPastTheFileLimitIsCappedSoTheFileLoads() throws {
        // Setup: one column of 20,000 levels at epsilon 1e-6: the noise on the row count,
        // summed over the cells, reaches hundreds of millions, past what a model file may claim.
        var column = Column.numeric("a", [1, 2, 3], kind: .integer)
        column.domain = ColumnDomain(values: .levels((0..<20_000).map(String.init)))
        let table = Table(name: "t", columns: [column])
        var capped = 0
        for seed in UInt64(1)...8 {
            var options = MSTFitOptions(epsilon: 1e-6, delta: 1e-6, rho: ZCDP.rho(epsilon: 1e-6, delta: 1e-6))
            options.seed = seed
            // Run
            let model = try MSTSynthesizer.fit(table, options: options).model
            // Assert: the count stays loadable, and the file synth writes reads back.
            #expect(model.trainingRows <= ModelLimits.maximumTrainingRows)
            if model.trainingRows == ModelLimits.maximumTrainingRows { capped += 1 }
            _ = try ModelFile.decode(try ModelFile.encode(model))
        }
        #expect(capped > 0, "no seed reached the cap, so the case no longer tests it")
    }
}

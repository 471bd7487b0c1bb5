// Agreement with SDMetrics' QualityReport on a fixed pair of CSV files (see Fixtures/README.md).

import Foundation
import SynthData
import Testing
@testable import SynthEval

@Suite struct SDMetricsAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let categorical: [String: ColumnKind] = Dictionary(uniqueKeysWithValues:
        ["sex", "cp", "fbs", "restecg", "exang", "slope", "thal", "num"].map { ($0, ColumnKind.categorical) })

    @Test func overallQualityAgreesWithinOneHundredth() throws {
        // Setup: the real table and the synthetic fixture, typed as the reference run typed them.
        let options = CSVOptions(types: Self.categorical)
        let real = try CSVReader.read(path: Self.root + "/examples/data/heart.csv", options: options)
        let synthetic = try CSVReader.read(path: Self.root + "/Tests/SynthEvalTests/Fixtures/heart_synthetic.csv", options: options)

        // Run
        let report = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)

        // Assert: SDMetrics 0.32.0 printed overall 0.9527, shapes 0.9840, pairs 0.9213.
        #expect(abs(report.overall - 0.9527) <= 0.01, "overall \(report.overall)")
        #expect(abs(report.shapesScore - 0.9840) <= 0.001, "column shapes \(report.shapesScore)")
        #expect(abs(report.pairsScore - 0.9213) <= 0.01, "pair trends \(report.pairsScore)")
    }
}

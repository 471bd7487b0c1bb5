// CARTPrivacyTests: values seen once never come back, not even moved by one unit.

import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct CARTPrivacyTests {
    /// 300 patients, 15 of whom died: each death time (in seconds) occurs once.
    static let table: Table = {
        var rng = SeededRNG(seed: 9)
        let age = (0..<300).map { _ in Double(40 + rng.nextInt(below: 50)) }
        let death: [Double?] = (0..<300).map { (i: Int) -> Double? in
            guard i % 20 == 0 else { return nil }
            let days: Double = Double(i) * 37
            return 5_000_000_000.0 + days * 86_400.0 + 1_800.0
        }
        return Table(name: "t", columns: [.numeric("age", age, kind: .integer), .numeric("death", death, kind: .datetime)])
    }()

    @Test func aMostlyMissingColumnOfUniqueValuesIsSmoothedNotShifted() throws {
        // Setup
        let model = try SequentialCART.fit(Self.table, options: CARTOptions(seed: 1))
        // Run
        let sample = try model.sample(rows: 3000, rng: SeededRNG(seed: 2))
        // Assert: no present synthetic death time within a minute of a real one.
        let real = Self.table.columns[1].numbers.filter { !$0.isNaN }
        let synthetic = try #require(sample.column("death"))
        let present = zip(synthetic.numbers, synthetic.valid).filter { $0.1 }.map(\.0)
        #expect(present.count > 50)
        let close = present.filter { v in real.contains { abs($0 - v) < 60 } }
        #expect(close.isEmpty, "\(close.count) draws within a minute of a real death time")
    }

    @Test func withoutSmoothingValuesSeenOnceAreStillPerturbed() throws {
        // Setup: every value of x occurs once.
        let x = (0..<200).map { (Double($0) * 137 + 1) / 100 }  // as parsed from two-decimal text
        let table = Table(name: "t", columns: [.numeric("x", x), .coded("g", (0..<200).map { $0 % 2 == 0 ? "a" : "b" })])
        let model = try SequentialCART.fit(table, options: CARTOptions(smooth: false, seed: 1))
        // Run
        let sample = try model.sample(rows: 2000, rng: SeededRNG(seed: 3))
        // Assert: nothing within 0.01 (the data's precision) of a real value.
        let drawn = try #require(sample.column("x")).numbers
        #expect(!drawn.contains { v in x.contains { abs($0 - v) < 0.005 } })
    }
}

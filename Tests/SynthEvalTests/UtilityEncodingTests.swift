// UtilityEncodingTests: the design matrix the propensity and TSTR models read.

import SynthData
import Testing
@testable import SynthEval

@Suite struct UtilityEncodingTests {
    @Test func rareLevelsPoolAndLevelsMatchByText() {
        // Setup: "a" 120 rows in all (reference), "b" 79, "r" 1,
        // 200 rows in all: "r" is 0.5% (under 1%) → pooled into "other"; "z" is never seen.
        let first = Column.coded("g", Array(repeating: "a", count: 60) + Array(repeating: "b", count: 39) + ["r"])
        let second = Column.coded("g", Array(repeating: "b", count: 40) + Array(repeating: "a", count: 60))
        let t1 = Table(name: "1", columns: [first]), t2 = Table(name: "2", columns: [second])
        // Run
        let encoder = FeatureEncoder(columns: ["g"], tables: [t1, t2])
        let unseen = Table(name: "3", columns: [Column.coded("g", ["z", "b", "a", nil])])
        let x = encoder.encode(unseen)
        // Assert: columns intercept, b, other, no missing column (none in the reference).
        #expect(encoder.parameterCount == 3)
        #expect(x == [1, 0, 1,   // z unseen → other
                      1, 1, 0,   // b
                      1, 0, 0,   // a is the reference
                      1, 0, 0])  // missing without a missing column reads as the reference
    }

    @Test func numbersStandardizeWithMissingIndicator() {
        // Setup: values 1, 3 (mean 2, sd √2) and one missing.
        let t = Table(name: "t", columns: [Column.numeric("x", [1, 3, nil])])
        // Run
        let encoder = FeatureEncoder(columns: ["x"], tables: [t])
        let x = encoder.encode(t)
        // Assert
        let s = 1 / 2.0.squareRoot()
        #expect(encoder.parameterCount == 3)
        #expect(x == [1, -s, 0, 1, s, 0, 1, 0, 1])
    }

    @Test func identifierAndTextColumnsAreNotUsable() {
        #expect(!FeatureEncoder.usable(Column.coded("id", ["1"], kind: .identifier)))
        #expect(!FeatureEncoder.usable(Column.coded("note", ["x"], kind: .text)))
        var role = Column.numeric("mrn", [1])
        role.role = .identifier
        #expect(!FeatureEncoder.usable(role))
        #expect(FeatureEncoder.usable(Column.numeric("d", [1], kind: .date)))
    }
}

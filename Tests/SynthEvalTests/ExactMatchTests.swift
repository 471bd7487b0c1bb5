// ExactMatchTests: replicate detection on a hand-made case.

import SynthData
import Testing
@testable import SynthEval

@Suite struct ExactMatchTests {
    static let training = Table(name: "train", columns: [
        Column.coded("id", ["p1", "p2", "p3", "p4"], kind: .identifier),
        Column.numeric("age", [30, 40, 50, nil]),
        Column.coded("sex", ["F", "M", "F", "F"]),
    ])
    // Levels in another order (M first); ids differ and are ignored; "note" is not shared.
    static let synthetic = Table(name: "syn", columns: [
        Column.coded("sex", ["M", "F", "M", "F", "M"]),
        Column.numeric("age", [40, 30, 50, nil, nil]),
        Column.coded("id", ["s1", "s2", "s3", "s4", "s5"], kind: .identifier),
        Column.coded("note", ["a", "b", "c", "d", "e"], kind: .text),
    ])

    @Test func replicateMask() throws {
        // Rows: (M,40) = training 2; (F,30) = training 1; (M,50) no; (F,missing) = training 4;
        // (M,missing) no.
        let mask = try ExactMatch.replicateMask(synthetic: Self.synthetic, training: Self.training)
        #expect(mask == [true, true, false, true, false])
    }

    @Test func removeReplicates() throws {
        // Run
        let (table, removed) = try ExactMatch.removeReplicates(synthetic: Self.synthetic, training: Self.training)
        // Assert: 3 removed, the two new rows kept in order.
        #expect(removed == 3)
        #expect(table.rowCount == 2)
        #expect(table.column("age")!.numbers[0] == 50)
        #expect(table.column("age")!.valid[1] == false)
    }

    @Test func negativeZeroEqualsZeroAndTextComparesAcrossKinds() throws {
        // Setup: numeric vs integer compare by value; categorical vs boolean by text.
        var flag = Column.numeric("flag", [1, 0], kind: .boolean)
        flag.levels = ["No", "Yes"]
        let training = Table(name: "t", columns: [Column.numeric("v", [0, 2], kind: .integer), flag])
        let synthetic = Table(name: "s", columns: [Column.numeric("v", [-0.0, 0, 2]), Column.coded("flag", ["Yes", "Yes", "No"])])
        // Run
        let mask = try ExactMatch.replicateMask(synthetic: synthetic, training: training)
        // Assert
        #expect(mask == [true, true, true])
    }

    @Test func noSharedColumnsMeansNoReplicates() throws {
        let synthetic = Table(name: "s", columns: [Column.numeric("other", [1, 2])])
        #expect(try ExactMatch.replicateMask(synthetic: synthetic, training: Self.training) == [false, false])
    }

    @Test func manyRowsWithDuplicates() throws {
        // Setup: 5,000 training rows over 50 × 2 distinct values; synthetic reuses half of them.
        let n = 5000
        let training = Table(name: "t", columns: [Column.numeric("a", (0..<n).map { Double($0 % 50) }),
                                                  Column.coded("b", (0..<n).map { $0 % 2 == 0 ? "x" : "y" })])
        let synthetic = Table(name: "s", columns: [Column.numeric("a", (0..<1000).map { Double($0 % 100) }),
                                                   Column.coded("b", (0..<1000).map { $0 % 2 == 0 ? "x" : "y" })])
        // Run
        let mask = try ExactMatch.replicateMask(synthetic: synthetic, training: training)
        // Assert: a < 50 with matching parity (training pairs a with b by a's parity) replicates.
        let expected = (0..<1000).map { $0 % 100 < 50 }
        #expect(mask == expected)
    }
}

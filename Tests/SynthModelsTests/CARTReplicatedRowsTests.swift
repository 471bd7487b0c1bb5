// CARTReplicatedRowsTests: synthetic rows that copy a training row are dropped and counted.

import SynthData
import Testing
@testable import SynthModels

@Suite struct ReplicatedRowsTests {
    @Test func copiesOfTrainingRowsAreRemoved() throws {
        // Setup: synthetic rows 0 and 2 copy training rows (levels numbered differently).
        let training = Table(name: "t", columns: [
            Column.coded("mrn", ["a", "b", "c"], kind: .identifier),
            Column.numeric("age", [40, 50, nil]),
            Column.coded("sex", ["F", "M", "F"]),
        ])
        let synthetic = Table(name: "s", columns: [
            Column.coded("mrn", ["syn-1", "syn-2", "syn-3", "syn-4"], kind: .identifier),
            Column.numeric("age", [50, 50, nil, 41]),
            Column.coded("sex", ["M", "F", "F", "F"]),
        ])
        // Run
        let (kept, removed) = ReplicatedRows.remove(from: synthetic, training: training)
        // Assert: identifiers take no part; missing equals missing.
        #expect(removed == 2)
        #expect(kept.column("age")!.numbers == [50, 41])
        #expect(kept.column("mrn")!.codes == [1, 3])
    }
}

// DCRTests: Gower distance, DCR share and NNDR on hand-computed and seeded cases.

import SynthCore
import SynthData
import Testing
@testable import SynthEval

@Suite struct DCRTests {
    @Test func gowerDistanceOnHandComputedPair() {
        // Setup: age range 20–60 over the real rows; sex levels ordered differently per table.
        let real = Table(name: "real", columns: [
            Column.numeric("age", [20, 60, 30]),
            Column.coded("sex", ["M", "F", "F"]),
            Column.numeric("bmi", [22, 30, nil]),
            Column.coded("id", ["a", "b", "c"], kind: .identifier),
        ])
        let synthetic = Table(name: "syn", columns: [
            Column.coded("sex", ["F", "M"]),
            Column.numeric("age", [40, 30]),
            Column.numeric("bmi", [25, nil]),
            Column.coded("id", ["x", "y"], kind: .identifier),
        ])
        // Run
        let columns = GowerEncoding.sharedColumns([real, synthetic])
        let encoding = GowerEncoding([real, synthetic], columns: columns, realTables: 1)
        let r = encoding.matrix(0), s = encoding.matrix(1)
        // Assert: real row 2 (30, F, missing) vs synthetic row 0 (40, F, 25):
        // |10| / 40 = 0.25, same sex 0, missing vs present 1 → 1.25 / 3.
        #expect(columns == ["age", "sex", "bmi"])
        #expect(abs(GowerMatrix.distance(r, 2, s, 0) - 1.25 / 3) < 1e-6)
        // Real row 2 vs synthetic row 1 (30, M, missing): 0 + mismatch 1 + missing vs missing 0.
        #expect(abs(GowerMatrix.distance(r, 2, s, 1) - 1.0 / 3) < 1e-6)
        // Real row 0 (20, M, 22) vs synthetic row 0 (40, F, 25): 0.5 + 1 + 3/8 (bmi range 22–30).
        #expect(abs(GowerMatrix.distance(r, 0, s, 0) - (0.5 + 1 + 0.375) / 3) < 1e-6)
    }

    @Test func nearestNeighborsAgreeWithBruteForce() throws {
        // Setup: more rows than one block and a query count that is not a multiple of four.
        let reference = PrivacyFixtures.people(rows: 1500, seed: 3)
        let queries = PrivacyFixtures.people(rows: 70, seed: 4)
        let columns = GowerEncoding.sharedColumns([reference, queries])
        let encoding = GowerEncoding([reference, queries], columns: columns, realTables: 1)
        let r = encoding.matrix(0), q = encoding.matrix(1)
        // Run
        let found = try NearestNeighbors.search(queries: q, reference: r)
        // Assert
        for i in 0..<q.rows {
            let d = (0..<r.rows).map { GowerMatrix.distance(q, i, r, $0) }
            let sorted = d.sorted()
            #expect(abs(Double(found.closest[i]) - sorted[0]) < 1e-5)
            #expect(abs(Double(found.second[i]) - sorted[1]) < 1e-5)
            #expect(abs(d[Int(found.index[i])] - sorted[0]) < 1e-5)
        }
    }

    @Test func shareAndNNDROnHandCase() throws {
        // Setup: one numeric column, range 0–10 over training and holdout (same size, no subsampling).
        let training = Table(name: "t", columns: [Column.numeric("x", [0, 1, 3, 10])])
        let holdout = Table(name: "h", columns: [Column.numeric("x", [2, 5, 6, 8])])
        let synthetic = Table(name: "s", columns: [Column.numeric("x", [0.2, 1.4, 5.2])])
        // Run
        let report = try DistanceToClosestRecord.evaluate(training: training, holdout: holdout, synthetic: synthetic, seed: 1)
        // Assert: 0.2 (train 0.02 < holdout 0.18), 1.4 (0.04 < 0.06), 5.2 (0.22 > 0.02) → 2/3.
        #expect(abs(report.dcrShare - 2.0 / 3) < 1e-9)
        // NNDR synthetic: 0.2 → 0.02/0.08, 1.4 → 0.04/0.14 (to 1, then 0), 5.2 → 0.22/0.48
        // → median 2/7.
        #expect(abs(report.nndrSynthetic - 2.0 / 7) < 1e-5)
        // NNDR holdout: 2 → 0.1/0.1, 5 → 0.2/0.4, 6 → 0.3/0.4, 8 → 0.2/0.5 → median (0.5 + 0.75) / 2.
        #expect(abs(report.nndrHoldout - 0.625) < 1e-5)
        #expect(report.syntheticRows == 3 && report.referenceRows == 4)
    }

    @Test func tiesCountHalf() throws {
        // Setup: the synthetic row is exactly between a training and a holdout row.
        let training = Table(name: "t", columns: [Column.coded("g", ["a", "b"])])
        let holdout = Table(name: "h", columns: [Column.coded("g", ["b", "c"])])
        let synthetic = Table(name: "s", columns: [Column.coded("g", ["b", "z"])])
        // Run
        let report = try DistanceToClosestRecord.evaluate(training: training, holdout: holdout, synthetic: synthetic, seed: 1)
        // Assert: "b" is in both (distance 0 each); "z" mismatches both (1 each).
        #expect(report.dcrShare == 0.5)
    }

    @Test func copiesOfTrainingScoreOne() throws {
        // Setup
        let training = PrivacyFixtures.people(rows: 800, seed: 10)
        let holdout = PrivacyFixtures.people(rows: 800, seed: 11)
        // Run
        let report = try DistanceToClosestRecord.evaluate(training: training, holdout: holdout, synthetic: training, seed: 7)
        // Assert: every synthetic row is at distance 0 from its training original.
        #expect(report.dcrShare == 1.0)
        #expect(report.nndrSynthetic == 0)
        #expect(report.nndrHoldout > 0.3)
    }

    @Test func sameDistributionScoresAboutHalf() throws {
        // Setup: training, holdout and synthetic drawn independently from one distribution;
        // the larger training table is subsampled to the holdout size.
        let training = PrivacyFixtures.people(rows: 1400, seed: 20)
        let holdout = PrivacyFixtures.people(rows: 600, seed: 21)
        let synthetic = PrivacyFixtures.people(rows: 1000, seed: 22)
        // Run
        let report = try DistanceToClosestRecord.evaluate(training: training, holdout: holdout, synthetic: synthetic, seed: 7)
        // Assert: 0.5 within about three standard errors of a 1000-row share.
        #expect(abs(report.dcrShare - 0.5) < 0.05)
        #expect(report.referenceRows == 600 && report.syntheticRows == 1000)
        #expect(abs(report.nndrSynthetic - report.nndrHoldout) < 0.1)
    }

    @Test func syntheticRowsCappedAndDeterministic() throws {
        // Setup
        let training = PrivacyFixtures.people(rows: 500, seed: 30)
        let holdout = PrivacyFixtures.people(rows: 400, seed: 31)
        let synthetic = PrivacyFixtures.people(rows: 900, seed: 32)
        // Run
        let first = try DistanceToClosestRecord.evaluate(training: training, holdout: holdout, synthetic: synthetic, seed: 5, maxRows: 300)
        let second = try DistanceToClosestRecord.evaluate(training: training, holdout: holdout, synthetic: synthetic, seed: 5, maxRows: 300)
        // Assert
        #expect(first == second)
        #expect(first.syntheticRows == 300 && first.referenceRows == 400)
    }

    @Test func nothingToCompare() throws {
        // Setup: only an identifier is shared.
        let t = Table(name: "t", columns: [Column.coded("id", ["a"], kind: .identifier)])
        // Run
        let report = try DistanceToClosestRecord.evaluate(training: t, holdout: t, synthetic: t, seed: 1)
        // Assert
        #expect(report.syntheticRows == 0 && report.referenceRows == 0)
    }

    @Test func oneRowConstantAndAllMissingColumns() throws {
        // Setup: one row each; "k" constant, "m" missing everywhere, "x" differs by the whole range.
        func table(_ x: Double) -> Table {
            Table(name: "t", columns: [Column.numeric("k", [7]), Column.numeric("m", [nil]), Column.numeric("x", [x])])
        }
        let training = table(0), holdout = table(10)
        let synthetic = Table(name: "s", columns: [
            Column.numeric("k", [7, 7]), Column.numeric("m", [nil, 1]), Column.numeric("x", [1, 9]),
        ])
        // Run
        let report = try DistanceToClosestRecord.evaluate(training: training, holdout: holdout, synthetic: synthetic, seed: 1)
        // Assert: row 0 is nearer training (0.1 vs 0.9 on x), row 1 nearer holdout; one
        // reference row has no second neighbour, so every ratio is 1.
        #expect(report.dcrShare == 0.5)
        #expect(report.nndrSynthetic == 1 && report.nndrHoldout == 1)
    }
}

// CARTTreeTests: hand-computed splits, minbucket, leaf contents and categorical level ordering.

import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct CARTTreeTests {
    static func grow(_ features: [CARTFeature], _ response: CARTResponse, rows: Int, minBucket: Int) -> CARTTree {
        TreeGrower.grow(features: features, response: response, rows: (0..<rows).map { Int32($0) },
                        minBucket: minBucket, maxDepth: 30, cp: 1e-8, smooth: false)
    }

    static func numeric(_ values: [Double]) -> CARTFeature {
        CARTFeature.ranks(values, valid: values.map { _ in true })
    }

    @Test func stepFunctionSplitIsChosen() {
        // Setup: x = 1…12, y = 1 for x ≤ 6 and 9 above; z alternates 0/1 (no information).
        // Root SSE = 12 · 4² = 192; cutting at x = 6.5 leaves two pure children (gain 192),
        // every z cut leaves 3 + 3 of each y per side (gain 0).
        let x = (1...12).map(Double.init)
        let y = x.map { $0 <= 6 ? 1.0 : 9.0 }
        let z = (0..<12).map { Double($0 % 2) }
        // Run
        let tree = Self.grow([Self.numeric(z), Self.numeric(x)], .numeric(y), rows: 12, minBucket: 2)
        // Assert: root splits on x (predictor 1) at the midpoint 6.5; two leaves holding six 1s and six 9s.
        #expect(tree.feature[0] == 1)
        #expect(tree.threshold[0] == 6.5)
        #expect(tree.leafCount == 2)
        #expect(tree.values == [1, 9])
        #expect(tree.valueCounts == [6, 6])
    }

    @Test(arguments: [1, 2, 3, 5, 8])
    func aTreeStoppedMidGrowthIsWellFormed(afterNodes: Int) {
        // Setup: a label that needs many splits (x mod 7 < 3), on 500 rows.
        let x = (0..<500).map { Double(($0 * 37) % 500) }
        let labels = x.map { Int32(Int($0) % 7 < 3 ? 1 : 0) }
        var looked = 0
        // Run: Ctrl-C (here, a counter) arrives after a few nodes.
        let tree = ClassificationTree(predictors: [.numbers(x, valid: x.map { _ in true })], labels: labels,
                                      classCount: 2, minBucket: 5, cp: 1e-3, maxDepth: 30,
                                      shouldStop: { looked += 1; return looked > afterNodes })
        // Assert: fewer leaves than a full tree, and every row reaches a numbered leaf (a
        // propensity score reads leafShares at it; an unnumbered one was an out-of-range trap).
        let full = ClassificationTree(predictors: [.numbers(x, valid: x.map { _ in true })], labels: labels,
                                      classCount: 2, minBucket: 5, cp: 1e-3, maxDepth: 30, shouldStop: { false })
        #expect(tree.tree.leafCount < full.tree.leafCount)
        let shares = tree.leafShares(of: 1)
        #expect(shares.count == tree.tree.leafCount)
        #expect((0..<500).allSatisfy { tree.leaf(row: $0) >= 0 && tree.leaf(row: $0) < shares.count })
    }

    @Test func minBucketIsRespected() {
        // Setup: x = 1…10, y = 100 at x = 1 and 0 elsewhere, minbucket 3 (minsplit 9).
        // Gain of a cut after k rows is 100²/k − 100²/10, largest for the smallest allowed
        // k = 3 (3333.3 − 1000 = 2333.3): the split is x ≤ 3.5, not x ≤ 1.5.
        let x = (1...10).map(Double.init)
        let y = x.map { $0 == 1 ? 100.0 : 0 }
        // Run
        let tree = Self.grow([Self.numeric(x)], .numeric(y), rows: 10, minBucket: 3)
        // Assert: children of 3 and 7 rows, both too small to split again (< 9).
        #expect(tree.threshold[0] == 3.5)
        #expect(tree.leafCount == 2)
        #expect(tree.values == [0, 100, 0])
        #expect(tree.valueCounts == [2, 1, 7])
    }

    @Test func categoricalLevelsOrderedByMeanResponse() {
        // Setup: levels A, B, C, D (codes 0–3), three rows each with y = 10, 0, 5, 1.
        // Ordered by mean: B, D, C, A. Total SSE = 3·(36 + 16 + 1 + 9) = 186. Cuts:
        // {B} | {D,C,A}: 186 − 122 = 64; {B,D} | {C,A}: 186 − (1.5 + 37.5) = 147;
        // {B,D,C} | {A}: 186 − 42 = 144. So {B, D} goes left.
        let codes: [Int32] = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]
        let means: [Double] = [10, 0, 5, 1]
        let y = codes.map { means[Int($0)] }
        // Run
        let tree = Self.grow([CARTFeature.levels(codes, levelCount: 4)], .numeric(y), rows: 12, minBucket: 1)
        let root = Int(tree.splitStart[0])..<Int(tree.splitStart[1])
        // Assert: left levels listed as themselves, right ones as −(level + 1).
        #expect(root.map { tree.splitLevels[$0] } == [1, 3, -1, -3])
    }

    @Test func giniSplitOnClasses() {
        // Setup: x = 1…8, classes 0,0,0,0,1,1,2,2. ΣT²/n = 24/8 = 3. Cut after 4:
        // 16/4 + (4 + 4)/4 − 3 = 3; after 5: 17/5 + 5/3 − 3 = 2.07; after 6: 20/6 + 4/2 − 3 = 2.33.
        let x = (1...8).map(Double.init)
        let classes: [Int32] = [0, 0, 0, 0, 1, 1, 2, 2]
        // Run
        let tree = Self.grow([Self.numeric(x)], .classes(classes, count: 3), rows: 8, minBucket: 1)
        // Assert: the root cut is 4.5 and its left child is a pure leaf of four 0s.
        #expect(tree.threshold[0] == 4.5)
        let left = Int(tree.child[0])
        #expect(tree.feature[left] == -1)
        let leaf = Int(tree.child[left])
        let entries = Int(tree.leafStart[leaf])..<Int(tree.leafStart[leaf + 1])
        #expect(entries.map { tree.classes[$0] } == [0])
        #expect(entries.map { tree.counts[$0] } == [4])
    }

    @Test func missingPredictorValuesGoWithTheLargerChild() {
        // Setup: x missing for two rows; the present rows split 6 | 4 at x = 6.5.
        let x: [Double?] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, nil, nil]
        let y: [Double] = [1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 1, 1]
        let column = Column.numeric("x", x)
        // Run
        let tree = Self.grow([CARTFeature.ranks(column.numbers, valid: column.valid)], .numeric(y), rows: 12, minBucket: 2)
        // Assert: missing goes left (6 present rows against 4), so the left leaf holds eight 1s.
        #expect(tree.threshold[0] == 6.5)
        #expect(tree.missingLeft[0])
        #expect(tree.values == [1, 9])
        #expect(tree.valueCounts == [8, 4])
    }

    @Test func smoothingBandwidthIsBwNrd0() {
        // Setup: values 1…10: sd = 3.0277, IQR = 7.75 − 3.25 = 4.5, 4.5/1.34 = 3.3582;
        // bw = 0.9 · 3.02765 · 10^(−0.2) = 1.7192864.
        let values = (1...10).map(Double.init)
        // Run
        let (bandwidth, exempt) = LeafSmoothing.bandwidth(sorted: values)
        // Assert
        #expect(abs(bandwidth - 1.7192864) < 1e-6)
        #expect(exempt == nil)
        // A value holding over 70% of a leaf is drawn unsmoothed.
        #expect(LeafSmoothing.bandwidth(sorted: [0, 0, 0, 0, 0, 0, 0, 0, 3, 4]).1 == 0)
    }
}

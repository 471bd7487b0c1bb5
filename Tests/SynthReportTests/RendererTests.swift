// Renderers: aligned tables, sparklines, and the describe / compare cells.

import SynthData
import SynthEval
import Testing
@testable import SynthReport

struct TextTableTests {
    @Test func columnsAlignAndNumbersRightAlign() {
        var table = TextTable(headers: ["column", "score"], alignments: [.left, .right])
        table.add(["age", "0.912"])
        table.add(["systolic_bp", "1.000"])
        #expect(table.render() == """
          column       score
          -----------  -----
          age          0.912
          systolic_bp  1.000

        """)
    }
}

struct SparklineTests {
    @Test func scalesToTheLargestBinAndLeavesEmptyBinsBlank() {
        // levels: round(count / 8 * 7) = 1, 4, 7 of the eight bars.
        #expect(Sparkline.render([0, 1, 4, 8]) == " ▂▅█")
        #expect(Sparkline.render([]) == "")
        #expect(Sparkline.render([0, 0]) == "")
    }
}

struct DescribeRendererTests {
    @Test func numericAndCategoricalSummaries() {
        // Setup: a small table with one missing value.
        let table = Table(name: "t", columns: [
            .numeric("age", [30, 40, nil, 50], kind: .integer),
            .coded("sex", ["F", "M", "F", "F"]),
        ])
        let summaries = TableSummary.summarize(table)

        // Run
        let text = DescribeRenderer.render(table, summaries: summaries, findings: [], synthetic: false)

        // Assert
        #expect(text.hasPrefix("t: 4 rows x 2 columns (real data)\n"))
        // sd of 30, 40, 50 (n - 1 in the denominator) is 10; one of four values missing.
        #expect(text.contains("age     integer      -       25.0%         3  min 30 max 50 mean 40 sd 10"))
        #expect(text.contains("sex     categorical  -        0.0%         2  F 75.0%, M 25.0%"))
    }

    @Test func identifiersAreFlaggedAndNeverSummarised() {
        var id = Column.coded("mrn", ["A1", "A2"])
        id.role = .identifier
        let table = Table(name: "p", columns: [id])
        let text = DescribeRenderer.render(table, summaries: TableSummary.summarize(table),
                                           findings: [IdentifierFinding(column: "mrn", reason: "record number")], synthetic: false)
        #expect(text.contains("never modelled"))
        #expect(text.contains("! likely direct identifiers: mrn (record number)"))
        #expect(!text.contains("A1"))
    }
}

struct CompareRendererTests {
    @Test func summaryListsScoresWeakestColumnsAndPrivacy() {
        // Setup
        let quality = QualityReport(
            shapes: [ShapeScore(column: "a", metric: .ksComplement, score: 0.9),
                     ShapeScore(column: "b", metric: .tvComplement, score: 0.7)],
            pairs: [PairScore(columnA: "a", columnB: "b", metric: .contingencySimilarity, score: 0.8)])
        var report = ComparisonReport(realName: "real", syntheticName: "fake", realRows: 100, syntheticRows: 200,
                                      quality: quality, exactMatches: 2, method: "copula, not differentially private")
        var shared = report
        report.uniqueMatches = 1
        shared.uniqueMatches = 0

        // Run
        let text = CompareRenderer.render(report, details: false)

        // Assert: overall = mean(mean(0.9, 0.7), 0.8) = 0.8
        #expect(text.contains("overall quality     0.800"))
        #expect(text.contains("column shapes       0.800"))
        #expect(text.contains("real rows copied    2 of 200 (1.0%), 1 of them a unique real row: remove those before release"))
        #expect(CompareRenderer.render(shared, details: false).contains("real rows copied    2 of 200 (1.0%), none of them a unique real row\n"))
        let weakest = text.components(separatedBy: "weakest columns")[1]
        #expect(weakest.range(of: "b ")!.lowerBound < weakest.range(of: "a ")!.lowerBound)
    }
}

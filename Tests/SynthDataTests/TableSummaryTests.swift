// Tests of describe summaries against hand-computed statistics.

import Testing
@testable import SynthData

@Test func numericSummaryMatchesHandComputedValues() {
    // Setup: values 2, 4, 4, 4, 5, 5, 7, 9 plus two missing.
    let column = Column.numeric("x", [2, 4, nil, 4, 4, 5, 5, 7, nil, 9])
    // Run
    let summary = TableSummary.summarize(column, bins: 7)
    // Assert: mean 5, sample variance 32/7.
    #expect(summary.count == 10)
    #expect(summary.missing == 2)
    #expect(summary.distinct == 5)
    #expect(summary.min == 2)
    #expect(summary.max == 9)
    #expect(summary.mean == 5)
    #expect(abs(summary.sd! - (32.0 / 7).squareRoot()) < 1e-12)
    // Bins of width 1 over [2, 9]: 2 | 3 | 4 | 5 | 6 | 7 | 8..9
    #expect(summary.histogram == [1, 0, 3, 2, 0, 1, 1])
    #expect(summary.topLevels.isEmpty)
}

@Test func codedSummaryRanksLevelsWithTiesByText() {
    // Setup
    let column = Column.coded("dx", ["flu", "asthma", "flu", nil, "copd", "asthma", "zoster", "bronchitis", "angina", "flu"])
    // Run
    let summary = TableSummary.summarize(column)
    // Assert
    #expect(summary.missing == 1)
    #expect(summary.distinct == 6)
    #expect(summary.topLevels.map(\.level) == ["flu", "asthma", "angina", "bronchitis", "copd"])
    #expect(summary.topLevels.map(\.count) == [3, 2, 1, 1, 1])
    #expect(summary.histogram == [3, 2, 1, 1, 1, 1])
    #expect(summary.mean == nil)
}

@Test func booleanSummaryHasMomentsAndLevels() throws {
    // Setup
    let table = try Fixture.read("smoker\nYes\nNo\nYes\nYes\n")
    // Run
    let summary = TableSummary.summarize(table)[0]
    // Assert
    #expect(summary.kind == .boolean)
    #expect(summary.mean == 0.75)
    #expect(summary.topLevels.map(\.level) == ["Yes", "No"])
    #expect(summary.topLevels.map(\.count) == [3, 1])
}

@Test func dateSummaryUsesDayNumbers() throws {
    // Setup
    let table = try Fixture.read("d\n1970-01-01\n1970-01-11\n")
    // Run
    let summary = TableSummary.summarize(table)[0]
    // Assert
    #expect(summary.min == 0)
    #expect(summary.max == 10)
    #expect(summary.mean == 5)
}

@Test func edgeCaseSummaries() {
    // Setup
    let empty = Column.numeric("e", [nil, nil])
    let constant = Column.numeric("c", [3, 3, 3])
    let single = Column.numeric("s", [1])
    // Run
    let summaries = [empty, constant, single].map { TableSummary.summarize($0, bins: 4) }
    // Assert
    #expect(summaries[0].mean == nil && summaries[0].histogram.isEmpty && summaries[0].distinct == 0)
    #expect(summaries[1].sd == 0 && summaries[1].histogram == [3, 0, 0, 0])
    #expect(summaries[2].sd == nil && summaries[2].mean == 1)
}

@Test func summariesAreInColumnOrderAndRepeatable() throws {
    // Setup
    let table = try Fixture.read(LabelledFixture.csv())
    // Run
    let first = TableSummary.summarize(table)
    let second = TableSummary.summarize(table)
    // Assert
    #expect(first.map(\.name) == table.columnNames)
    #expect(first == second)
    #expect(first.first { $0.name == "mrn" }?.role == .identifier)
}

@Test func smallIntegerRangesGetOneBinPerValue() {
    // Setup: a 0..3 score (like the number of vessels `ca`).
    let column = Column.numeric("ca", [0, 0, 1, 3, 3, 3, nil], kind: .integer)
    // Run
    let summary = TableSummary.summarize(column)
    // Assert: bins for 0, 1, 2, 3
    #expect(summary.histogram == [2, 1, 0, 3])
}

@Test func appendingMatchesLevelsByTextAndPrefixTakesFirstRows() {
    // Setup: the same categories, first seen in a different order.
    let a = Table(name: "a", columns: [.coded("sex", ["F", "M"]), .numeric("age", [30, 40])])
    let b = Table(name: "b", columns: [.coded("sex", ["M", "X", nil]), .numeric("age", [50, nil, 70])])
    // Run
    let joined = a.appending(b)
    // Assert
    #expect(joined.rowCount == 5)
    #expect(joined.columns[0].levels == ["F", "M", "X"])
    #expect(joined.columns[0].codes == [0, 1, 1, 2, -1])
    #expect(joined.columns[1].valid == [true, true, true, false, true])
    #expect(joined.prefix(3).columns[0].codes == [0, 1, 1])
    #expect(joined.prefix(9).rowCount == 5)
}

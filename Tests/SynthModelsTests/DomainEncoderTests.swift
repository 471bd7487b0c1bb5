// DomainEncoderTests: values to cells of a declared domain and back — bins of whole numbers,
// clipping, other= and missing, and refusals when a value has nowhere to go.

import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct DomainEncoderTests {
    @Test func wholeNumberBinsPartitionTheRange() {
        // Setup: ages 0...120 in 24 bins of about five years.
        let binning = Binning(lower: 0, upper: 120, count: 24, wholeNumbers: true)
        var rng = SeededRNG(seed: 1)
        // Run / Assert: every whole number lands in one bin, bins cover the range in order, and a
        // draw from a bin lands back in it.
        var previous = 0
        for age in 0...120 {
            let bin = binning.bin(of: Double(age))
            #expect(bin == previous || bin == previous + 1)
            previous = bin
        }
        #expect(binning.bin(of: 0) == 0 && binning.bin(of: 120) == 23)
        for k in 0..<24 {
            for _ in 0..<20 {
                let value = binning.draw(in: k, rng: &rng)
                #expect(value == value.rounded() && binning.bin(of: value) == k)
            }
        }
    }

    @Test func aWholeNumberRangeTooWideForItsBinsIsRefusedBeforeTheFitReadsARow() {
        // Setup: -2^53...2^53 in 10,000 bins: binning an age multiplied span by count, past
        // Int.max, and trapped inside the fit.
        var column = Column.numeric("age", [30, 40, 50], kind: .integer)
        column.domain = ColumnDomain(values: .bins(lower: -ColumnKind.wholeMagnitude, upper: ColumnKind.wholeMagnitude, count: 10_000))
        let table = Table(name: "t", columns: [column])
        let options = MSTFitOptions(epsilon: 1, delta: 1e-6, rho: ZCDP.rho(epsilon: 1, delta: 1e-6))
        // Run, Assert: the same refusal a model file with that domain gets.
        #expect(throws: ModelError.invalid("the domain of 'age' has a range too wide for its bins")) {
            _ = try MSTSynthesizer.fit(table, options: options)
        }
    }

    @Test func aBooleanIsTrueWhenNonZeroAsEverywhereElse() throws {
        // Setup: a boolean built by hand with values no reader makes (-1 and 2).
        let column = Column(name: "b", kind: .boolean, numbers: [0, 1, -1, 2], levels: ["no", "yes"], valid: [true, true, true, true])
        // Run: -1 used to index the two levels at -1.
        let codes = try DomainEncoder.encode(column, .boolean(labels: ["no", "yes"]))
        // Assert
        #expect(codes == [0, 1, 1, 1])
    }

    @Test func breaksCutARangeWhereDeclared() {
        // 0 alone, 1...4999, 5000...100000.
        let binning = Binning(lower: 0, upper: 100_000, count: 3, wholeNumbers: true, breaks: [1, 5000])
        #expect([0, 1, 4999, 5000, 100_000, -3, 200_000].map { binning.bin(of: $0) } == [0, 1, 1, 2, 2, 0, 2])
        var rng = SeededRNG(seed: 5)
        for k in 0..<3 {
            for _ in 0..<50 {
                let value = binning.draw(in: k, rng: &rng)
                #expect(binning.bin(of: value) == k && value == value.rounded())
            }
        }
        #expect((0..<20).allSatisfy { _ in binning.draw(in: 0, rng: &rng) == 0 })
        let continuous = Binning(lower: 0, upper: 10, count: 3, wholeNumbers: false, breaks: [0.5, 2])
        #expect([0, 0.49, 0.5, 1.99, 2, 10].map { continuous.bin(of: $0) } == [0, 0, 1, 1, 2, 2])
    }

    @Test func numbersOutsideTheBoundsAreClipped() throws {
        let column = Column.numeric("chol", [50, 100, 350, 600, 900, nil])
        let domain = ColumnDomain(values: .bins(lower: 100, upper: 600, count: 5), allowsMissing: true)
        let codes = try DomainEncoder.encode(column, domain)
        #expect(codes == [0, 0, 2, 4, 4, 5])
    }

    @Test func undeclaredLevelsGoToOtherThenToMissingElseTheirRowIsLeftOut() throws {
        let column = Column.coded("race", ["White", "Black", "Martian", nil])
        let withOther = ColumnDomain(values: .levels(["White", "Black", "Other"]), other: "Other", allowsMissing: true)
        #expect(try DomainEncoder.encode(column, withOther) == [0, 1, 2, 3])
        let toMissing = ColumnDomain(values: .levels(["White", "Black"]), allowsMissing: true)
        #expect(try DomainEncoder.encode(column, toMissing) == [0, 1, 2, 2])
        let nowhere = ColumnDomain(values: .levels(["White", "Black", "Other"]))
        #expect(try DomainEncoder.encode(column, nowhere) == [0, 1, -1, -1])
    }

    @Test func missingValuesNeedMissingAllowed() throws {
        let column = Column.numeric("bmi", [20, nil])
        let domain = ColumnDomain(values: .bins(lower: 10, upper: 70, count: 12))
        #expect(try DomainEncoder.encode(column, domain) == [2, -1])
    }

    @Test func numericLevelsMatchByValue() throws {
        let column = Column.numeric("cp", [1, 4, 2, 9], kind: .integer)
        let domain = ColumnDomain(values: .levels(["1", "2", "3", "4"]), other: "3")
        #expect(try DomainEncoder.encode(column, domain) == [0, 3, 1, 2])
        var rng = SeededRNG(seed: 2)
        let decoded = DomainEncoder.decode([0, 3, 1, 2], domain: domain,
                                           schema: ColumnSchema(name: "cp", kind: .integer, role: .attribute), rng: &rng)
        #expect(decoded.numbers == [1, 4, 2, 3])
    }

    @Test func datesDecodeAsDatesInsideTheirBin() {
        // 2010-01-01 ... 2010-12-31 as days, in 12 bins.
        let first = Double(DateCodec.days(year: 2010, month: 1, day: 1))
        let last = Double(DateCodec.days(year: 2010, month: 12, day: 31))
        let domain = ColumnDomain(values: .bins(lower: first, upper: last, count: 12))
        let schema = ColumnSchema(name: "admit", kind: .date, role: .attribute, format: "dd/MM/yyyy")
        var rng = SeededRNG(seed: 3)
        let codes = (0..<1200).map { Int32($0 % 12) }
        let column = DomainEncoder.decode(codes, domain: domain, schema: schema, rng: &rng)
        #expect(column.kind == .date && column.format == "dd/MM/yyyy")
        #expect(column.numbers.allSatisfy { $0 == $0.rounded() && $0 >= first && $0 <= last })
        let binning = Binning(lower: first, upper: last, count: 12, wholeNumbers: true)
        #expect(zip(codes, column.numbers).allSatisfy { binning.bin(of: $1) == Int($0) })
    }

    @Test func continuousValuesAreUniformWithinTheirBinAndRounded() {
        let domain = ColumnDomain(values: .bins(lower: 0, upper: 7, count: 14), decimals: 1)
        let schema = ColumnSchema(name: "oldpeak", kind: .numeric, role: .attribute)
        var rng = SeededRNG(seed: 4)
        let column = DomainEncoder.decode([Int32](repeating: 3, count: 2000), domain: domain, schema: schema, rng: &rng)
        #expect(column.numbers.allSatisfy { $0 >= 1.5 && $0 <= 2.0 && ($0 * 10).rounded() == $0 * 10 })
        let mean = column.numbers.reduce(0, +) / 2000
        #expect(abs(mean - 1.75) < 0.02)
    }

    @Test func booleansNeedNoDeclaration() throws {
        var flag = Column.numeric("flag", [0, 1, 1], kind: .boolean)
        flag.levels = ["No", "Yes"]
        let domain = try #require(MSTSynthesizer.domain(of: flag))
        #expect(domain.values == .levels(["No", "Yes"]) && !domain.allowsMissing)
        #expect(try DomainEncoder.encode(flag, domain) == [0, 1, 1])
    }
}

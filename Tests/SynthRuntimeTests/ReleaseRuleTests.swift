// Release rules: generalize (code prefixes, dates to the year or month), topcode and suppress,
// run through the interpreter on small CSV fixtures with results worked out by hand.

import Foundation
import SynthData
import Testing
@testable import SynthRuntime

/// Six patients: zip codes with their leading zeros and without (as a spreadsheet writes them),
/// dates of birth, ages around the Safe Harbor cap, visit times; one missing value in most columns.
private let patients = """
zip,zip_plain,dob,age,seen
02139,2139,1950-03-14,45,2020-01-05 10:00:00
02140,2140,1961-07-01,91,2020-02-05 10:00:00
94110,94110,1990-12-31,,2021-12-31 23:59:59
10001,10001,,95,
,,1933-01-01,89,2022-05-05 08:00:00
60614,60614,1933-06-30,90,2022-05-06 08:00:00

"""

/// 465 rows of categories with many rare levels: dx has levels d1..d30 holding 1..30 rows;
/// unit's two rare levels (5 rows) and lang's four (10 rows) stay under 11 even merged; region
/// has an existing "Other" level. dob spreads dates of birth over 47 years.
private func rareLevels() -> String {
    let dx = (1...30).flatMap { k in Array(repeating: "d\(k)", count: k) }
    let unit = repeated([("u1", 200), ("u2", 100), ("u3", 100), ("u4", 60), ("u5", 3), ("u6", 2)])
    let lang = repeated([("en", 455), ("fr", 4), ("es", 3), ("de", 2), ("it", 1)])
    let region = repeated([("north", 440), ("Other", 20), ("a", 2), ("b", 3)])
    let start = DateCodec.days(year: 1940, month: 1, day: 1)
    let dob = (0..<465).map { DateCodec.formatDate(days: Double(start + $0 * 37), pattern: nil) }
    var lines = ["dx,unit,lang,region,dob"]
    for i in 0..<465 { lines.append([dx[i], unit[i], lang[i], region[i], dob[i]].joined(separator: ",")) }
    return lines.joined(separator: "\n") + "\n"
}

private func repeated(_ counts: [(String, Int)]) -> [String] {
    counts.flatMap { Array(repeating: $0.0, count: $0.1) }
}

/// Writes `text` to a fresh temporary file and returns its path.
private func fixture(_ text: String, name: String) throws -> String {
    let path = TestSupport.temporaryDirectory() + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// Runs `source` and returns the output, the errors and the table bound to `variable`.
private func runTable(_ source: String, _ variable: String = "t") -> (output: String, errors: String, table: Table?) {
    let result = TestSupport.runSession(source)
    return (result.output, result.errors, TestSupport.table(variable, in: result.session))
}

/// The rows of each level in `column`, by level.
private func levelCounts(_ column: Column) -> [String: Int] {
    var counts: [String: Int] = [:]
    for (code, ok) in zip(column.codes, column.valid) where ok { counts[column.levels[Int(code)], default: 0] += 1 }
    return counts
}

private func cells(_ table: Table, _ name: String) -> [String?] {
    let index = table.index(of: name)!
    return (0..<table.rowCount).map { table.cellText(row: $0, column: index) }
}

@Suite(.serialized) struct ReleaseRuleTests {
    // MARK: generalize

    @Test func prefixKeepsTheFirstDigitsOfZipCodesWithTheirLeadingZeros() throws {
        // Setup
        let path = try fixture(patients, name: "patients.csv")

        // Run
        let result = runTable("t = load \"\(path)\"\ngeneralize t.zip prefix=3\n")

        // Assert
        let table = try #require(result.table, "\(result.errors)")
        let zip = try #require(table.column("zip"))
        #expect(zip.kind == .categorical)
        #expect(cells(table, "zip") == ["021", "021", "941", "100", nil, "606"])
        #expect(zip.levels == ["021", "941", "100", "606"])
        #expect(result.output.contains("t.zip: first 3 characters kept: 5 distinct values became 4 levels\n"))
    }

    @Test func prefixPadsZipCodesThatLostTheirLeadingZeros() throws {
        // Setup: zip_plain holds 2139 and 2140, loaded as whole numbers.
        let path = try fixture(patients, name: "patients.csv")
        let loaded = runTable("t = load \"\(path)\"\n").table
        #expect(loaded?.column("zip_plain")?.kind == .integer)

        // Run
        let result = runTable("t = load \"\(path)\"\ngeneralize t.zip_plain prefix=3\n")

        // Assert
        let table = try #require(result.table, "\(result.errors)")
        #expect(table.column("zip_plain")?.kind == .categorical)
        #expect(cells(table, "zip_plain") == ["021", "021", "941", "100", nil, "606"])
        #expect(result.output.contains("t.zip_plain: first 3 characters kept (digits padded with zeros to 5): 5 distinct values became 4 levels\n"))
    }

    @Test func widthPadsWhenEveryValueLostAZero() throws {
        // Setup: every zip is in New England, so the longest value has four digits.
        let path = try fixture("zip\n2139\n2140\n1742\n\n", name: "boston.csv")

        // Run
        let result = runTable("t = load \"\(path)\" types=[\"zip:integer\"]\ngeneralize t.zip prefix=3 width=5\n")

        // Assert
        let table = try #require(result.table, "\(result.errors)")
        #expect(cells(table, "zip") == ["021", "021", "017", nil])
    }

    @Test func toYearKeepsDatesOnTheFirstOfJanuaryWrittenAsTheYear() throws {
        // Setup
        let path = try fixture(patients, name: "patients.csv")

        // Run
        let result = runTable("t = load \"\(path)\"\ngeneralize t.dob to=year\n")

        // Assert
        let table = try #require(result.table, "\(result.errors)")
        let dob = try #require(table.column("dob"))
        #expect(dob.kind == .date && dob.format == "yyyy")
        let expected: [Double?] = [1950, 1961, 1990, nil, 1933, 1933].map { year in
            year.map { Double(DateCodec.days(year: Int($0), month: 1, day: 1)) }
        }
        #expect(zip(dob.numbers, dob.valid).map { $1 ? $0 : nil } == expected)
        #expect(cells(table, "dob") == ["1950", "1961", "1990", nil, "1933", "1933"])
        #expect(result.output.contains("t.dob: dates kept to the year (written yyyy): 5 distinct values became 4 years\n"))
    }

    @Test func toMonthTurnsDatetimesIntoDatesOnTheFirstOfTheMonth() throws {
        // Setup
        let path = try fixture(patients, name: "patients.csv")

        // Run
        let result = runTable("t = load \"\(path)\"\ngeneralize t.seen to=month\n")

        // Assert
        let table = try #require(result.table, "\(result.errors)")
        let seen = try #require(table.column("seen"))
        #expect(seen.kind == .date && seen.format == "yyyy-MM")
        #expect(seen.numbers[2] == Double(DateCodec.days(year: 2021, month: 12, day: 1)))
        #expect(cells(table, "seen") == ["2020-01", "2020-02", "2021-12", nil, "2022-05", "2022-05"])
    }

    @Test func generalizedDatesAreSampledAndWrittenAsYears() throws {
        // Setup
        let path = try fixture(rareLevels(), name: "rare.csv")
        let out = TestSupport.temporaryDirectory() + "/fake.csv"

        // Run
        let result = TestSupport.run("""
        t = load "\(path)"
        generalize t.dob to=year
        role t.dob quasi
        m = fit t method=copula
        fake = sample m rows=50 seed=1
        export fake to "\(out)"
        """)

        // Assert
        #expect(result.status == .ok, "\(result.errors)")
        let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        let column = try #require(written.first?.split(separator: ",").firstIndex(of: "dob"))
        for line in written.dropFirst() {
            let year = line.split(separator: ",", omittingEmptySubsequences: false)[column]
            #expect(year.count == 4 && Int(year).map { (1940...1987).contains($0) } == true, "\(line)")
        }
    }

    @Test func generalizeRefusesTheWrongOptionForTheColumn() throws {
        let path = try fixture(patients, name: "patients.csv")
        let onDate = TestSupport.run("t = load \"\(path)\"\ngeneralize t.dob prefix=4\n")
        #expect(onDate.errors.contains("prefix= keeps the first characters of codes; 'dob' is date"))
        #expect(onDate.errors.contains("hint: for dates use to=year or to=month"))
        let onZip = TestSupport.run("t = load \"\(path)\"\ngeneralize t.zip to=year\n")
        #expect(onZip.errors.contains("to= applies to date and datetime columns; 'zip' is categorical"))
        let both = TestSupport.run("t = load \"\(path)\"\ngeneralize t.dob prefix=4 to=year\n")
        #expect(both.errors.contains("test.synth:2:27: error: generalize needs exactly one of prefix= (codes) and to= (dates)"))
    }

    // MARK: topcode

    @Test func topcodeCapsValuesAboveAndLeavesTheRest() throws {
        // Setup
        let path = try fixture(patients, name: "patients.csv")

        // Run
        let result = runTable("t = load \"\(path)\"\ntopcode t.age at=90\n")

        // Assert: 91 and 95 become 90; 45, 89 and 90 stay; the missing age stays missing.
        let table = try #require(result.table, "\(result.errors)")
        let age = try #require(table.column("age"))
        #expect(zip(age.numbers, age.valid).map { $1 ? $0 : nil } == [45, 90, nil, 90, 89, 90])
        #expect(age.kind == .integer)
        #expect(result.output.hasSuffix("t.age: 2 values above 90 set to 90\n"))
    }

    @Test func topcodeWithBottomRaisesSmallValues() throws {
        let path = try fixture(patients, name: "patients.csv")
        let result = runTable("t = load \"\(path)\"\ntopcode t.age at=90 bottom=50\n")
        let age = try #require(result.table?.column("age"))
        #expect(zip(age.numbers, age.valid).map { $1 ? $0 : nil } == [50, 90, nil, 90, 89, 90])
        #expect(result.output.hasSuffix("t.age: 2 values above 90 set to 90, 1 value below 50 set to 50\n"))
    }

    @Test func topcodeRefusesCategoriesAndAFloorAboveTheCap() throws {
        let path = try fixture(patients, name: "patients.csv")
        #expect(TestSupport.run("t = load \"\(path)\"\ntopcode t.zip at=90\n").errors
            .contains("topcode caps numbers; 'zip' is categorical"))
        #expect(TestSupport.run("t = load \"\(path)\"\ntopcode t.age at=90 bottom=90\n").errors
            .contains("bottom= must be below at= (90)"))
    }

    // MARK: suppress

    @Test func suppressLeavesNoLevelUnderTheMinimum() throws {
        // Setup
        let path = try fixture(rareLevels(), name: "rare.csv")

        // Run
        let result = runTable("t = load \"\(path)\"\nsuppress t min_count=11\n")

        // Assert: the invariant, column by column.
        let table = try #require(result.table, "\(result.errors)")
        for column in table.columns where column.kind == .categorical {
            let counts = levelCounts(column)
            #expect(Set(counts.keys) == Set(column.levels), "\(column.name) keeps a level no row uses")
            #expect(counts.values.allSatisfy { $0 >= 11 }, "\(column.name): \(counts)")
        }
        // The merges, worked out by hand: d1..d10 hold 1 + 2 + ... + 10 = 55 rows.
        let dx = try #require(table.column("dx"))
        #expect(levelCounts(dx)["other"] == 55)
        #expect(dx.levels.count == 21 && dx.missingCount == 0)
        #expect(table.column("unit")?.missingCount == 5)
        #expect(table.column("lang")?.missingCount == 10)
        #expect(levelCounts(try #require(table.column("region"))) == ["north": 440, "Other": 20])
        #expect(result.output.hasSuffix("""
            t.dx: 10 levels under 11 merged into "other" (55 rows)
            t.unit: 2 levels under 11 set to missing (5 rows, together still under 11)
            t.lang: 4 levels under 11 set to missing (10 rows, together still under 11)
            t.region: 2 levels under 11 set to missing (5 rows, together still under 11)

            """))
    }

    @Test func suppressMergesIntoAnExistingLevelOfOneColumn() throws {
        // Setup
        let path = try fixture(rareLevels(), name: "rare.csv")

        // Run
        let result = runTable("t = load \"\(path)\"\nsuppress t.region min_count=11 other=\"Other\"\n")

        // Assert: a and b (5 rows) join Other (20 rows); no second "Other"; other columns untouched.
        let table = try #require(result.table, "\(result.errors)")
        let region = try #require(table.column("region"))
        #expect(region.levels == ["north", "Other"])
        #expect(levelCounts(region) == ["north": 440, "Other": 25])
        #expect(table.column("dx")?.levels.count == 30)
        #expect(result.output.hasSuffix("t.region: 2 levels under 11 merged into \"Other\" (5 rows)\n"))
    }

    @Test(arguments: [2, 11, 100, 1000, 5000])
    func suppressInvariantHoldsOnNHANES(_ minCount: Int) throws {
        let result = runTable("t = load \"examples/data/nhanes_adults.csv\"\nsuppress t min_count=\(minCount)\n")
        let table = try #require(result.table, "\(result.errors)")
        #expect(table.rowCount == 11778)
        for column in table.columns where column.kind == .categorical {
            #expect(levelCounts(column).values.allSatisfy { $0 >= minCount }, "\(column.name) at \(minCount)")
            #expect(Set(levelCounts(column).keys) == Set(column.levels))
        }
    }

    @Test func suppressReportsWhenNothingIsRare() {
        let result = TestSupport.run("s = load \"examples/data/heart_sites.csv\"\nsuppress s min_count=11\nsuppress s.site min_count=11\n")
        #expect(result.output.hasSuffix("s: no categorical level under 11\ns.site: no level under 11\n"))
    }

    @Test func suppressRefusesANumberColumn() {
        let result = TestSupport.run("s = load \"examples/data/heart_sites.csv\"\nsuppress s.age min_count=11\n")
        #expect(result.errors.contains("suppress merges the levels of categorical columns; 'age' is integer"))
    }

    @Test func aSuppressedTableFits() throws {
        let path = try fixture(rareLevels(), name: "rare.csv")
        let result = runTable("t = load \"\(path)\"\nsuppress t min_count=11\nrole t.dob quasi\nm = fit t method=cart\nfake = sample m rows=100 seed=2\n",
                              "fake")
        let fake = try #require(result.table, "\(result.errors)")
        let dx = try #require(fake.column("dx"))
        #expect(Set(levelCounts(dx).keys).isSubset(of: Set((11...30).map { "d\($0)" } + ["other"])))
    }
}

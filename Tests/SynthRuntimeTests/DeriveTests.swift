// DeriveTests: computed columns — intervals between dates, dates moved by days, arithmetic and
// comparisons, missing values, and the interval round trip through a model.

import Foundation
import Testing
@testable import SynthData
@testable import SynthRuntime

@Suite(.serialized) struct DeriveTests {
    /// Runs `source` after writing a small stays table (dd/MM/yyyy dates, one missing discharge).
    private func run(_ source: String) throws -> (session: Session, output: String, errors: String) {
        let directory = TestSupport.temporaryDirectory()
        try """
            admit,discharge,age,ward
            01/03/2015,05/03/2015,70,A
            28/02/2016,02/03/2016,45,B
            30/12/2015,,61,A
            """.write(toFile: directory + "/stays.csv", atomically: true, encoding: .utf8)
        let prelude = "stays = load \"\(directory)/stays.csv\" types=[\"admit:date:dd/MM/yyyy\", \"discharge:date:dd/MM/yyyy\"]\n"
        let result = TestSupport.runSession(prelude + source, origin: "d.synth")
        #expect(result.status == .ok || !result.errors.isEmpty)
        return (result.session, result.output, result.errors)
    }

    private func table(_ session: Session, _ name: String) throws -> Table {
        try #require(TestSupport.table(name, in: session))
    }

    @Test func anIntervalBetweenDatesIsWholeDaysAcrossMonthsAndLeapYears() throws {
        let (session, output, errors) = try run("derive stays.los = stays.discharge - stays.admit\n")
        #expect(errors.isEmpty, "\(errors)")
        let los = try table(session, "stays").column("los")!
        #expect(los.kind == .integer)
        #expect(Array(los.numbers.prefix(2)) == [4, 3])   // 2016 is a leap year: 28 Feb -> 2 Mar is 3 days
        #expect(los.valid == [true, true, false])
        #expect(output.contains("stays.los = stays.discharge - stays.admit: integer, 1 missing value"))
    }

    @Test func aDatePlusDaysIsADateInTheSameFormat() throws {
        let (session, _, errors) = try run("""
            derive stays.los = stays.discharge - stays.admit
            derive stays.back = stays.admit + stays.los
            derive stays.week_later = stays.admit + 7
            """)
        #expect(errors.isEmpty, "\(errors)")
        let t = try table(session, "stays")
        let back = t.column("back")!, discharge = t.column("discharge")!
        #expect(back.kind == .date && back.format == "dd/MM/yyyy")
        #expect(back.numbers[0] == discharge.numbers[0] && back.numbers[1] == discharge.numbers[1])
        #expect(t.cellText(row: 0, column: t.index(of: "week_later")!) == "08/03/2015")
    }

    @Test func arithmeticComparisonsAndReplacing() throws {
        let (session, output, errors) = try run("""
            derive stays.decades = stays.age / 10
            derive stays.old = stays.age >= 65
            derive stays.age = stays.age + 1
            """)
        #expect(errors.isEmpty, "\(errors)")
        let t = try table(session, "stays")
        #expect(t.column("decades")!.kind == .numeric && t.column("decades")!.numbers == [7, 4.5, 6.1])
        #expect(t.column("old")!.kind == .boolean && t.column("old")!.numbers == [1, 0, 0])
        #expect(t.column("age")!.numbers == [71, 46, 62] && t.column("age")!.kind == .integer)
        #expect(output.contains("replacing the column"))
    }

    @Test func aDerivedColumnIsKnownToTheChecker() {
        // `los` exists only after derive: the checker must accept it, and still catch typos.
        let ok = TestSupport.run("""
            heart = load "examples/data/heart.csv"
            derive heart.reserve = 220 - heart.age
            m = fit heart visit=["age", "reserve"]
            """)
        #expect(ok.status == .ok, "\(ok.errors)")
        let typo = TestSupport.run("""
            heart = load "examples/data/heart.csv"
            derive heart.reserve = 220 - heart.age
            m = fit heart visit=["age", "reserv"]
            """)
        #expect(typo.errors.contains("did you mean 'reserve'?"), "\(typo.errors)")
    }

    @Test func datesCannotBeAdded() throws {
        let (_, _, errors) = try run("derive stays.x = stays.admit + stays.discharge\n")
        #expect(errors.contains("a date takes a number of days") || errors.contains("dates can only be subtracted"), "\(errors)")
    }
}

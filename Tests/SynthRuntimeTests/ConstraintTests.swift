// ConstraintTests: `constrain` rules hold in every sampled row for every method, `where` keeps
// only the rows asked for, and an impossible condition is an error, not a hang.

import Foundation
import Testing
@testable import SynthData
@testable import SynthRuntime

@Suite(.serialized) struct ConstraintTests {
    /// Heart data with domains, so the same script fits every method.
    private static let heart = "seed 4\n" + TestSupport.heartWithDomains + "privacy epsilon=1\n\n"

    private func sample(_ source: String) throws -> Table {
        let result = TestSupport.runSession(source, origin: "c.synth", noise: .seeded(9))
        #expect(result.status == .ok, "\(result.errors)")
        return try #require(TestSupport.table("fake", in: result.session))
    }

    @Test(arguments: ["copula", "cart", "mst epsilon=1"])
    func rulesHoldInEveryOneOf100000Rows(_ method: String) throws {
        // Run
        let fake = try sample(Self.heart + """
            m = fit heart method=\(method)
            constrain m heart.age between 40 and 65
            constrain m heart.chol <= 300 when heart.sex == 1
            constrain m heart.thalach > heart.trestbps
            fake = sample m rows=100000 replicates=keep
            """)
        // Assert, reading the columns directly rather than through the rule evaluator.
        let age = fake.column("age")!, chol = fake.column("chol")!, sex = fake.column("sex")!
        let thalach = fake.column("thalach")!, trestbps = fake.column("trestbps")!
        #expect(fake.rowCount == 100_000)
        for i in 0..<fake.rowCount {
            #expect(age.valid[i] && age.numbers[i] >= 40 && age.numbers[i] <= 65)
            if sex.valid[i] && sex.numbers[i] == 1 { #expect(chol.valid[i] && chol.numbers[i] <= 300) }
            #expect(thalach.valid[i] && trestbps.valid[i] && thalach.numbers[i] > trestbps.numbers[i])
            if !age.valid[i] || age.numbers[i] < 40 || age.numbers[i] > 65 { break }
        }
    }

    @Test func whereKeepsOnlyTheRowsAskedFor() throws {
        let fake = try sample(Self.heart + """
            m = fit heart method=copula
            fake = sample m rows=2000 where heart.age >= 60 and heart.sex == 1 and heart.cp in [3, 4]
            """)
        #expect(fake.rowCount == 2000)
        let age = fake.column("age")!, sex = fake.column("sex")!, cp = fake.column("cp")!
        #expect((0..<2000).allSatisfy { age.numbers[$0] >= 60 && sex.numbers[$0] == 1 && [3, 4].contains(cp.numbers[$0]) })
    }

    @Test func anImpossibleConditionIsAnErrorNotAHang() {
        let start = Date()
        let result = TestSupport.run(Self.heart + """
            m = fit heart method=copula
            fake = sample m rows=10 where heart.age > 500
            """)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("no row can meet the rules: the model gives the values they allow for 'age' probability zero"), "\(result.errors)")
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func datesCompareWithDatesAndWithEachOther() throws {
        // Setup: admissions with discharge 0-20 days later, written as dd/MM/yyyy.
        let directory = TestSupport.temporaryDirectory()
        var csv = "admit,discharge,ward\n"
        for i in 0..<400 {
            let admit = DateCodec.days(year: 2015, month: 1, day: 1) + (i * 7) % 700
            let stay = (i * 13) % 21
            csv += DateCodec.formatDate(days: Double(admit), pattern: "dd/MM/yyyy") + ","
                + DateCodec.formatDate(days: Double(admit + stay), pattern: "dd/MM/yyyy") + "," + ["A", "B", "C"][i % 3] + "\n"
        }
        try csv.write(toFile: directory + "/stays.csv", atomically: true, encoding: .utf8)
        // Run
        let fake = try sample("""
            seed 3
            stays = load "\(directory)/stays.csv" types=["admit:date:dd/MM/yyyy", "discharge:date:dd/MM/yyyy"]
            m = fit stays method=copula
            constrain m stays.admit <= stays.discharge
            constrain m stays.discharge - stays.admit <= 14
            fake = sample m rows=5000 where stays.admit >= "2015-06-01"
            """)
        // Assert
        let admit = fake.column("admit")!, discharge = fake.column("discharge")!
        let june = Double(DateCodec.days(year: 2015, month: 6, day: 1))
        #expect(admit.kind == .date && admit.format == "dd/MM/yyyy")
        #expect((0..<fake.rowCount).allSatisfy {
            admit.numbers[$0] >= june && admit.numbers[$0] <= discharge.numbers[$0] && discharge.numbers[$0] - admit.numbers[$0] <= 14
        })
    }

    @Test func anImpossibleConditionOfTwoColumnsIsAnErrorNotAHang() {
        let result = TestSupport.run(Self.heart + """
            m = fit heart method=copula
            fake = sample m rows=10 where heart.thalach > heart.trestbps + 500
            """)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("no row of 200000 drawn meets the rules: 200000 did not meet where heart.thalach > heart.trestbps + 500"), "\(result.errors)")
    }

    @Test func sampleSaysWhatWasRedrawnAndWhy() {
        // A copula would draw these rows given the age range directly; CART rejects them.
        let result = TestSupport.run(Self.heart + """
            m = fit heart method=cart
            constrain m heart.age between 40 and 65
            fake = sample m rows=300
            """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("broke heart.age between 40 and 65"), "\(result.output)")
        #expect(result.output.contains("m: every sampled row will satisfy heart.age between 40 and 65 (1 rule)"))
    }

    @Test func fixedKeepsOnlyCombinationsSeenInTheRealData() throws {
        // Setup: each state has its own zip prefixes; a copula mixes them freely unless told.
        let directory = TestSupport.temporaryDirectory()
        var csv = "zip3,state,age\n"
        let places = [("021", "MA"), ("024", "MA"), ("100", "NY"), ("112", "NY"), ("606", "IL"), ("604", "IL")]
        for i in 0..<600 { csv += "\(places[i % 6].0),\(places[i % 6].1),\(20 + (i * 7) % 60)\n" }
        try csv.write(toFile: directory + "/places.csv", atomically: true, encoding: .utf8)
        // Run
        let fake = try sample("""
            seed 8
            p = load "\(directory)/places.csv" types=["zip3:categorical"]
            m = fit p method=copula
            constrain m fixed(p.zip3, p.state)
            fake = sample m rows=3000
            """)
        // Assert
        let zip = fake.column("zip3")!, state = fake.column("state")!
        let allowed = Set(places.map { "\($0.0)/\($0.1)" })
        #expect((0..<fake.rowCount).allSatisfy { allowed.contains("\(zip.levels[Int(zip.codes[$0])])/\(state.levels[Int(state.codes[$0])])") })
    }
}

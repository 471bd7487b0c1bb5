// RuleSemanticsTests: missing values in rules and filters (SQL's CHECK and WHERE), texts that
// cannot match, boolean columns as conditions, and rules checked when they are written.

import Foundation
import SynthCore
import Testing
@testable import SynthData
@testable import SynthRuntime

@Suite(.serialized) struct RuleSemanticsTests {
    /// 300 rows: lab missing in every third row, flag a boolean, grp a/b.
    private func fixture() throws -> String {
        let directory = TestSupport.temporaryDirectory()
        var csv = "lab,flag,grp,seen\n"
        for i in 0..<300 {
            let lab = i % 3 == 0 ? "" : String(20 + (i * 37) % 160)
            csv += "\(lab),\(i % 4 == 0 ? "yes" : "no"),\(i % 2 == 0 ? "a" : "b"),03/\(String(format: "%02d", 1 + i % 28))/2018 \(String(format: "%02d", i % 24)):15\n"
        }
        try csv.write(toFile: directory + "/labs.csv", atomically: true, encoding: .utf8)
        return directory + "/labs.csv"
    }

    private func table(_ source: String, _ name: String) throws -> (Table?, String) {
        let result = TestSupport.runSession(source, origin: "r.synth")
        return (TestSupport.table(name, in: result.session), result.errors)
    }

    @Test func aRuleIsBrokenOnlyWhenFalseAndAFilterKeepsOnlyTrue() throws {
        let path = try fixture()
        let (ruled, errors) = try table("""
            seed 1
            t = load "\(path)"
            m = fit t method=copula
            constrain m t.lab between 50 and 150
            s = sample m rows=3000
            """, "s")
        let lab = try #require(ruled, "\(errors)").column("lab")!
        // Missing lab values survive the rule (about a third, as in the data) ...
        #expect(lab.missingCount > 600, "missing: \(lab.missingCount)")
        #expect(zip(lab.numbers, lab.valid).allSatisfy { !$1 || ($0 >= 50 && $0 <= 150) })
        // ... but a filter keeps only rows where the condition is true.
        let (filtered, _) = try table("""
            seed 1
            t = load "\(path)"
            m = fit t method=copula
            s = sample m rows=500 where t.lab between 50 and 150
            """, "s")
        #expect(try #require(filtered).column("lab")!.missingCount == 0)
    }

    @Test func textsThatCannotMatchAreErrors() throws {
        let path = try fixture()
        let empty = TestSupport.run("t = load \"\(path)\"\nm = fit t method=copula\nconstrain m t.grp == \"\"\n")
        #expect(empty.errors.contains("missing values are tested with missing(t.x)"), "\(empty.errors)")
        let typo = TestSupport.run("t = load \"\(path)\"\nm = fit t method=cart\ns = sample m rows=5 where t.grp == \"A\"\n")
        #expect(typo.errors.contains("no level \"A\" in this column"), "\(typo.errors)")
        #expect(typo.errors.contains("did you mean 'a'?") || typo.errors.contains("levels: a, b"), "\(typo.errors)")
        // Found when the rule is written, not at the next sample.
        let early = TestSupport.run("t = load \"\(path)\"\nm = fit t method=copula\nconstrain m t.lab == \"abc\"\nprint 1\n")
        #expect(early.errors.contains("r.synth:3") || early.errors.contains("test.synth:3"), "\(early.errors)")
    }

    @Test func aBooleanColumnIsACondition() throws {
        let path = try fixture()
        let (sample, errors) = try table("""
            seed 2
            t = load "\(path)"
            m = fit t method=copula
            s = sample m rows=200 where t.flag
            """, "s")
        let flag = try #require(sample, "\(errors)").column("flag")!
        #expect(flag.numbers.allSatisfy { $0 == 1 })
    }

    @Test func aComparisonWithAMissingValueDerivesAMissingValue() throws {
        let path = try fixture()
        let (t, errors) = try table("t = load \"\(path)\"\nderive t.high = t.lab > 100\n", "t")
        let high = try #require(t, "\(errors)").column("high")!
        #expect(high.missingCount == 100)
    }

    @Test func usDatetimesAndYearsAreRead() throws {
        let path = try fixture()
        let (t, errors) = try table("t = load \"\(path)\"\n", "t")
        let seen = try #require(t, "\(errors)").column("seen")!
        #expect(seen.kind == .datetime && seen.format == "MM/dd/yyyy HH:mm")
    }

    @Test func helpOfARuleCommandDoesNotOfferWhere() {
        let help = TestSupport.run("help constrain\nhelp derive\n")
        #expect(!help.output.contains("where <condition> keeps only"), "\(help.output)")
    }

    @Test func aModelLoadedFromItsFileTakesRulesOnItsOwnColumns() throws {
        let directory = TestSupport.temporaryDirectory()
        let fit = TestSupport.run("heart = load \"examples/data/heart.csv\"\nm = fit heart method=copula\nexport m to \"\(directory)/m.json\"\n")
        #expect(fit.status == .ok, "\(fit.errors)")
        let (sample, errors) = try table("""
            m = load model "\(directory)/m.json"
            constrain m m.age >= 60
            s = sample m rows=300 seed=4
            """, "s")
        #expect(try #require(sample, "\(errors)").column("age")!.numbers.allSatisfy { $0 >= 60 })
        let typo = TestSupport.run("m = load model \"\(directory)/m.json\"\nconstrain m m.agee >= 60\n")
        #expect(typo.errors.contains("the model has no column 'agee'"), "\(typo.errors)")
    }

    @Test func copiesOfSharedRowsKeepTheirMissingValues() throws {
        // Setup: x missing in a quarter of 200 rows; with one other column of three levels,
        // every row with x missing equals dozens of real rows, so copying it reveals no one.
        let directory = TestSupport.temporaryDirectory()
        var rng = SeededRNG(seed: 4)
        var csv = "x,y\n"
        for i in 0..<200 {
            let x = rng.nextDouble() < 0.25 ? "" : String(Double(Int(rng.nextDouble() * 490) + 10) / 10)
            csv += "\(x),\(["a", "b", "c"][i % 3])\n"
        }
        try csv.write(toFile: directory + "/u.csv", atomically: true, encoding: .utf8)
        // Run
        let (sample, errors) = try table("t = load \"\(directory)/u.csv\"\nm = fit t\ns = sample m rows=1000 seed=1\n", "s")
        // Assert: the missing share survives (removing every copy used to take it to nothing).
        let x = try #require(sample, "\(errors)").column("x")!
        #expect(!errors.contains("took the missing share"), "\(errors)")
        #expect((150...350).contains(x.missingCount), "\(x.missingCount) of 1000 missing")
    }

    @Test func removingCopiesSaysWhenItTakesAwayMissingValues() throws {
        // Setup: 50 levels of y, four rows each: three share one x, one has x missing. Every
        // row with x missing is unique, so each synthetic copy of one is replaced.
        let directory = TestSupport.temporaryDirectory()
        var csv = "x,y\n"
        for level in 0..<50 {
            for k in 0..<4 { csv += (k == 0 ? "" : "\(10 + level % 7).5") + ",L\(level)\n" }
        }
        try csv.write(toFile: directory + "/u.csv", atomically: true, encoding: .utf8)
        // Run
        let result = TestSupport.run("t = load \"\(directory)/u.csv\"\nm = fit t\ns = sample m rows=1000 seed=1\n")
        // Assert
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.errors.contains("removing copies of real rows took the missing share of 'x'"), "\(result.errors)")
    }
}

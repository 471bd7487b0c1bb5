// What a careful user relies on: copies of real rows replaced, swapped arguments refused,
// real tables never exported, and runaway input stopped with an error instead of a crash.

import Foundation
import Testing
@testable import SynthRuntime

@Suite(.serialized) struct SafetyTests {
    /// A table whose few categorical columns make many synthetic rows copy a real one.
    private let coarse = """
    seed 5
    heart = load "examples/data/heart.csv" types=["sex:categorical", "cp:categorical", "fbs:categorical",
        "exang:categorical", "slope:categorical"]
    coarse = drop heart.trestbps heart.chol heart.restecg heart.thalach heart.oldpeak heart.ca heart.thal heart.num
    m = fit coarse method=copula

    """

    @Test func copiesOfUniqueRealRowsAreReplacedUntilRowsIsMet() {
        // Run: age and five coarse categories leave some real rows unique, many shared.
        let result = TestSupport.run(coarse + "r = sample m rows=200\nprint rows(r)\ndescribe r\ncompare coarse r\n")
        // Assert: exactly the rows asked for; only copies of unique real rows were replaced, so
        // the sample still holds rows equal to real rows that several patients share.
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("r: 200 synthetic rows x 6 columns from copula ("))
        #expect(result.output.contains("copying a unique real row replaced"))
        #expect(result.output.contains("\n200\n"))
        #expect(result.output.contains("  replaced: "))
        #expect(result.output.contains("none of them a unique real row"))
        #expect(!result.output.contains("real rows copied    0 of 200"))
    }

    @Test func aTableOfSharedRowsIsSampledInFull() {
        // Setup: sex and fbs alone, four combinations, each held by dozens of patients: copying
        // one reveals no one (this used to return a handful of rows).
        let result = TestSupport.run("""
        seed 2
        heart = load "examples/data/heart.csv" types=["sex:categorical", "fbs:categorical"]
        tiny = drop heart.age heart.cp heart.trestbps heart.chol heart.restecg heart.thalach heart.exang heart.oldpeak heart.slope heart.ca heart.thal heart.num
        m = fit tiny
        r = sample m rows=500
        print rows(r)
        """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("r: 500 synthetic rows x 2 columns from cart (no copies of unique real rows)"))
        #expect(result.output.hasSuffix("\n500\n"))
        #expect(result.errors.isEmpty)
    }

    @Test func mimicDiagnosesAreSampledAtTheSizeAskedFor() {
        // The MIMIC-IV demo's diagnoses: (seq_num, icd_code, icd_version) rows are mostly shared
        // by many stays. Removing every copy of a real row used to leave 354 of 4,506 rows.
        let result = TestSupport.run("""
        seed 1
        d = load "examples/data/mimic_diagnoses_icd.csv.gz"
        m = fit d
        f = sample m rows=4506
        print rows(f)
        compare d f
        """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("f: 4506 synthetic rows x 5 columns from cart ("))
        #expect(result.output.contains("\n4506\n"))
        #expect(result.output.contains("none of them a unique real row"))
    }

    /// 40 rows of two columns in which every value is held twice but every row is unique: a
    /// deep tree can only give back real rows, each of them the only one of its kind.
    private func uniqueRows() throws -> String {
        let directory = TestSupport.temporaryDirectory()
        var csv = "a,b\n"
        for i in 1...20 { csv += "L\(i),L\(i)\nL\(i),L\(i % 20 + 1)\n" }
        try csv.write(toFile: directory + "/unique.csv", atomically: true, encoding: .utf8)
        return "seed 3\nt = load \"\(directory)/unique.csv\"\nm = fit t minbucket=1 cp=0\n"
    }

    @Test func aModelThatCanOnlyCopyUniqueRowsIsRefusedWithWhy() throws {
        let result = TestSupport.run(try uniqueRows() + "f = sample m rows=100\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("test.synth:4:5: error: only 0 of 100 rows could be drawn without copying a unique real row"), "\(result.errors)")
        #expect(result.errors.contains("draws copied one, so the model reproduces its training data"))
        #expect(result.errors.contains("replicates=keep"))
    }

    @Test func keptCopiesAreCountedWhenAskedFor() throws {
        let result = TestSupport.run(try uniqueRows() + "f = sample m rows=100 replicates=keep\ncompare t f\ndescribe f\n")
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("f: 100 synthetic rows x 2 columns from cart (100 copies of unique real rows kept, replicates=keep)"))
        #expect(result.output.contains("real rows copied    100 of 100 (100.0%), 100 of them unique real rows: remove those before release"))
        #expect(result.output.contains("  replaced: none looked for"))
    }

    @Test func compareRefusesSwappedArguments() {
        let result = TestSupport.run("""
        heart = load "examples/data/heart.csv"
        m = fit heart
        fake = sample m rows=100
        compare fake heart
        """)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("compare takes the real table first"))
        #expect(result.errors.contains("hint: compare heart fake"))
    }

    @Test func exportOfARealTableIsFoundBeforeAnythingRuns() {
        let result = TestSupport.run("""
        heart = load "examples/data/heart.csv"
        print "ran"
        copy = heart
        export copy to "out/never.csv"
        """)
        #expect(result.status == .scriptError)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("test.synth:4:8: error: refusing to export 'copy'"))
    }

    @Test func outOfRangeLiteralsAreFoundBeforeAnythingRuns() {
        let result = TestSupport.run("heart = load \"examples/data/heart.csv\"\nm = fit heart\nf = sample m rows=0\n")
        #expect(result.status == .scriptError)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("test.synth:3:19: error: rows= must be between 1 and 100000000, got 0"))
    }

    @Test func recursionStopsWithAnError() {
        let result = TestSupport.run("def f(x)\n  return f(x + 1)\nend\nprint f(1)\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("calls nested too deeply"))
    }

    @Test func cyclicUseIsAnError() throws {
        let directory = TestSupport.temporaryDirectory()
        try "use \"\(directory)/b.synth\"\n".write(toFile: directory + "/a.synth", atomically: true, encoding: .utf8)
        try "use \"\(directory)/a.synth\"\n".write(toFile: directory + "/b.synth", atomically: true, encoding: .utf8)
        let result = TestSupport.run("use \"\(directory)/a.synth\"\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("cyclic use"))
    }

    @Test func deeplyNestedExpressionsAreAnError() {
        let source = "x = " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + "\n"
        let result = TestSupport.run(source)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("expression nested too deeply"))
    }

    @Test func controlCharactersInDataNeverReachTheTerminal() throws {
        let directory = TestSupport.temporaryDirectory()
        try "note,n\n\"\u{1B}[31mred\",1\n\"two\nlines\",2\nplain,3\n".write(toFile: directory + "/c.csv", atomically: true, encoding: .utf8)
        let result = TestSupport.run("t = load \"\(directory)/c.csv\"\ndescribe t\n")
        #expect(result.status == .ok, "\(result.errors)")
        #expect(!result.output.contains("\u{1B}"))
        #expect(result.output.contains("\\e[31mred"))
        #expect(result.output.contains("two\\nlines"))
    }

    @Test func silentSurprisesOfLoadingAreWarnedAbout() throws {
        // Setup: a numeric column with one stray word, undecidable day/month order, a ';' file.
        let directory = TestSupport.temporaryDirectory()
        var text = "score,d\n"
        for i in 0..<200 { text += (i == 50 ? "abc" : "\(i % 37).5") + ",0\(1 + i % 9)/0\(1 + i % 7)/2020\n" }
        try text.write(toFile: directory + "/m.csv", atomically: true, encoding: .utf8)
        try "a;b\n1;2\n".write(toFile: directory + "/s.csv", atomically: true, encoding: .utf8)
        // Run
        let result = TestSupport.run("m = load \"\(directory)/m.csv\"\ns = load \"\(directory)/s.csv\"\n")
        // Assert
        #expect(result.status == .ok)
        #expect(result.errors.contains("column 'score' is numbers except 'abc', so it was read as categories"))
        #expect(result.errors.contains("column 'd': dates read as month/day/year"))
        #expect(result.errors.contains("add delimiter=\";\""))
    }

    @Test func columnsThatCannotBeReleasedAreNamed() throws {
        let directory = TestSupport.temporaryDirectory()
        try "age,sex,glu\n50,M,5.5\n".write(toFile: directory + "/one.csv", atomically: true, encoding: .utf8)
        let result = TestSupport.run("""
        a = load "\(directory)/one.csv"
        m = fit a
        s = sample m rows=5
        t = load "examples/data/pbc.csv" types=["sex:text"]
        m2 = fit t
        """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.errors.contains("warning: column 'sex' is empty in the sample"))
        #expect(result.output.contains("  not modelled: id (identifier), sex (free text)"))
    }
}

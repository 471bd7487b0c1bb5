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

    @Test func copiesOfRealRowsAreReplacedUntilRowsIsMet() {
        let result = TestSupport.run(coarse + "r = sample m rows=200\nprint rows(r)\n")
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("r: 200 synthetic rows x 6 columns from copula ("))
        #expect(result.output.contains("copying a real row removed and redrawn"))
        #expect(result.output.hasSuffix("200\n"))
    }

    @Test func tooFewSafeRowsGiveAWarning() {
        let result = TestSupport.run("""
        seed 5
        heart = load "examples/data/heart.csv" types=["sex:categorical", "cp:categorical", "fbs:categorical", "exang:categorical"]
        coarse = drop heart.age heart.trestbps heart.chol heart.restecg heart.thalach heart.oldpeak heart.slope heart.ca heart.thal heart.num
        m = fit coarse method=copula
        r = sample m rows=200
        """)
        #expect(result.status == .ok)
        #expect(result.errors.contains("warning: only "))
        #expect(result.errors.contains(" of 200 rows could be drawn without copying a real row"))
    }

    @Test func keptCopiesAreCountedWhenAskedFor() {
        let result = TestSupport.run(coarse + "r = sample m rows=200 replicates=keep\ncompare coarse r\n")
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("of real rows kept (replicates=keep)"))
        #expect(result.output.contains("real rows copied    "))
        #expect(!result.output.contains("real rows copied    0 of 200"))
    }

    @Test func aModelThatCanOnlyCopyIsRefused() {
        let result = TestSupport.run("""
        heart = load "examples/data/heart.csv" types=["sex:categorical", "fbs:categorical"]
        tiny = drop heart.age heart.cp heart.trestbps heart.chol heart.restecg heart.thalach heart.exang heart.oldpeak heart.slope heart.ca heart.thal heart.num
        m = fit tiny
        r = sample m rows=50
        """)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("every drawn row copies a real row"))
        #expect(result.errors.contains("replicates=keep"))
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

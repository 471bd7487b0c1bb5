// Interpreter behaviour: bindings, procedures, errors found before running, sessions that
// survive errors, and `save`.

import Foundation
import Testing
@testable import SynthRuntime

@Suite(.serialized) struct InterpreterTests {
    @Test func expressionsEvaluate() {
        let result = TestSupport.run("""
        x = 2 + 3 * 4
        print x ((x - 4) / 2) (x > 10 and not false) ("a" + "b") (3 in [1, 2, 3])
        """)
        #expect(result.status == .ok)
        #expect(result.output == "14 5 true ab true\n")
    }

    @Test func proceduresBindParametersAndReturn() {
        let result = TestSupport.run("""
        def twice(n)
          m = n * 2
          return m
        end
        print twice(21)
        """)
        #expect(result.output == "42\n")
    }

    @Test func unknownColumnIsFoundBeforeAnythingRuns() {
        // Setup: a script whose first statements would print if they ran.
        let source = """
        heart = load "examples/data/heart.csv"
        print "ran"
        role heart.agee quasi
        """

        // Run
        let result = TestSupport.run(source)

        // Assert
        #expect(result.status == .scriptError)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("test.synth:3:12: error: unknown column 'agee' in heart"))
        #expect(result.errors.contains("hint: did you mean 'age'?"))
        #expect(result.errors.contains("role heart.agee quasi"))
        #expect(result.errors.contains("           ^~~~"))
    }

    @Test func unknownVariableOptionAndMethodAreReportedTogether() {
        let result = TestSupport.run("""
        heart = load "examples/data/heart.csv"
        model = fit hart method=copula
        m2 = fit heart method=coupla
        fake = sample model rowz=10
        """)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("test.synth:2:13: error: unknown variable 'hart'"))
        #expect(result.errors.contains("did you mean 'heart'?"))
        #expect(result.errors.contains("did you mean 'copula'?"))
        #expect(result.errors.contains("did you mean 'rows'?"))
    }

    @Test func missingFileIsReportedWithItsLocation() {
        let result = TestSupport.run("t = load \"examples/data/hart.csv\"\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("test.synth:1:10: error: file not found: examples/data/hart.csv"))
        #expect(result.errors.contains("did you mean 'examples/data/heart.csv'?"))
    }

    @Test func malformedCSVGivesALocatedErrorNotACrash() throws {
        let directory = TestSupport.temporaryDirectory()
        let path = directory + "/bad.csv"
        try "a,b\n1,2\n3,\"4\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = TestSupport.run("t = load \"\(path)\"\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("\(path):3"))
    }

    @Test func realTablesAreNeverExported() {
        let directory = TestSupport.temporaryDirectory()
        let result = TestSupport.run("""
        heart = load "examples/data/heart.csv"
        export heart to "\(directory)/leak.csv"
        """)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("refusing to export 'heart'"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/leak.csv"))
    }

    @Test func aFailedStatementLeavesTheSessionIntact() {
        // Setup: one session, as in the REPL.
        let sink = BufferSink()
        let interpreter = Interpreter(session: Session(stdlibDirectory: TestSupport.stdlib), sink: sink)
        _ = TestSupport.packageRoot

        // Run
        let first = interpreter.run(source: "heart = load \"examples/data/heart.csv\"\nn = 5\n", origin: "<repl>")
        let failed = interpreter.run(source: "n = n / 0\n", origin: "<repl>")
        let syntax = interpreter.run(source: "n = (\n", origin: "<repl>")
        let after = interpreter.run(source: "print n rows(heart)\n", origin: "<repl>")

        // Assert
        #expect(first == .ok)
        #expect(failed == .scriptError)
        #expect(syntax == .scriptError)
        #expect(after == .ok)
        #expect(sink.outputText.hasSuffix("5 303\n"))
    }

    @Test func saveWritesOnlyTheStatementsThatSucceeded() throws {
        let directory = TestSupport.temporaryDirectory()
        let sink = BufferSink()
        let interpreter = Interpreter(session: Session(stdlibDirectory: TestSupport.stdlib), sink: sink)
        _ = TestSupport.packageRoot
        interpreter.run(source: "seed 3\n", origin: "<repl>")
        interpreter.run(source: "x = 1 +\n  2\n", origin: "<repl>")
        interpreter.run(source: "y = nope\n", origin: "<repl>")
        interpreter.run(source: "help fit\n", origin: "<repl>")
        interpreter.run(source: "save \"\(directory)/session.synth\"\n", origin: "<repl>")

        let saved = try String(contentsOfFile: directory + "/session.synth", encoding: .utf8)
        #expect(saved == "# saved by synth: the statements that succeeded, in order\nseed 3\nx = 1 +\n  2\n")
        // The saved script runs as it is.
        #expect(TestSupport.run(saved).status == .ok)
    }

    @Test func checkDoesNotRunAnything() {
        let sink = BufferSink()
        let interpreter = Interpreter(session: Session(stdlibDirectory: TestSupport.stdlib), sink: sink)
        _ = TestSupport.packageRoot
        let status = interpreter.check(source: "print \"ran\"\nheart = load \"examples/data/heart.csv\"\n", origin: "c.synth")
        #expect(status == .ok)
        #expect(sink.outputText.isEmpty)
        #expect(interpreter.session.variables.isEmpty)
    }

    @Test func unknownModuleHasAHint() {
        let result = TestSupport.run("use \"synthesise\"\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("module 'synthesise' not found"))
        #expect(result.errors.contains("did you mean 'synthesize'?"))
    }

    @Test func identifierColumnsNeverReachTheModelFile() throws {
        let directory = TestSupport.temporaryDirectory()
        let result = TestSupport.run("""
        pbc = load "examples/data/pbc.csv"
        model = fit pbc
        export model to "\(directory)/m.json"
        fake = sample model rows=20
        export fake to "\(directory)/fake.csv"
        """)
        #expect(result.status == .ok, "\(result.errors)")
        let json = try String(contentsOfFile: directory + "/m.json", encoding: .utf8)
        #expect(json.contains("\"identifier\""))
        let fake = try String(contentsOfFile: directory + "/fake.csv", encoding: .utf8)
        let ids = fake.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] }
        #expect(ids.allSatisfy { $0.hasPrefix("syn-") })
    }
}

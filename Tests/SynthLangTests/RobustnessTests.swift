// RobustnessTests: the parser, checker and completion never trap or hang on odd input.

import Testing
@testable import SynthLang

@Suite struct RobustnessTests {
    static let script = """
        use "safe_harbor"
        def f(t, n)
          x = [1, (2 + n) * -3, t.age]   # list
          return not x in [1] and n >= 2 or false
        end
        fake = sample model rows=5 \\
          seed=1
        export fake to 'out/f.csv'
        """

    @Test func everyPrefixParsesWithoutTrapping() {
        let chars = Array(Self.script)
        for end in 0...chars.count {
            let prefix = String(chars[0..<end])
            let result = Parser.parse(prefix, file: "p")
            _ = SignatureChecker.checkProgram(result.program)
            _ = Completion.candidates(line: prefix, cursor: end, context: FakeSession())
            if result.isIncomplete { #expect(!result.diagnostics.isEmpty) }
        }
    }

    @Test func randomTokenSoupTerminates() {
        let pieces = ["x", "fit", "=", "==", "(", ")", "[", "]", ",", ".", "\n", "\"s\"", "'", "1", "-", "+",
                      "def", "end", "return", "where", "not", "and", "\\", "\\\n", "#c\n", "$", "use", "in", " "]
        var state: UInt64 = 2026
        for _ in 0..<3000 {
            var source = ""
            for _ in 0..<30 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                source += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            let result = Parser.parse(source, file: "soup")
            _ = SignatureChecker.checkProgram(result.program)
            _ = Completion.candidates(line: source, cursor: source.count, context: FakeSession())
        }
    }

    /// Regression: a stray `end` before a joined line made recovery restart at the `end` forever.
    @Test func strayEndBeforeAContinuedLineTerminates() {
        let result = Parser.parse("end\\\n\nuse x\nprint 1", file: "p")
        #expect(result.diagnostics.map(\.message) == ["unexpected 'end'", SyntaxMessage.expectedModuleName])
        #expect(result.program.statements.map(\.text) == ["print 1"])
    }
}

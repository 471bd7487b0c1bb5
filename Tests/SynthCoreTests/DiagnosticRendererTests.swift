// DiagnosticRenderer: the one error format, with the source line and a caret under the token.

import Testing
@testable import SynthCore

struct DiagnosticRendererTests {
    @Test func rendersLocationLineCaretAndHint() {
        let source = "heart = load \"h.csv\"\nrole heart.agee quasi\n"
        let renderer = DiagnosticRenderer(sources: ["s.synth": source])
        let diagnostic = Diagnostic.error("unknown column 'agee'", at: SourceSpan(file: "s.synth", line: 2, column: 12, length: 4),
                                          hint: "did you mean 'age'?")
        #expect(renderer.render(diagnostic) == """
        s.synth:2:12: error: unknown column 'agee'
          role heart.agee quasi
                     ^~~~
          hint: did you mean 'age'?

        """)
    }

    @Test func withoutSourceOnlyTheHeaderLine() {
        let diagnostic = Diagnostic.error("bad", at: SourceSpan(file: "data.csv", line: 1234, column: 5))
        #expect(DiagnosticRenderer().render(diagnostic) == "data.csv:1234:5: error: bad\n")
    }

    @Test func lastLineWithoutNewlineIsShown() {
        let renderer = DiagnosticRenderer(sources: ["r": "x = (1 +"])
        let text = renderer.render(Diagnostic.error("oops", at: SourceSpan(file: "r", line: 1, column: 5)))
        #expect(text.contains("  x = (1 +\n      ^\n"))
    }
}

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

struct TerminalTextTests {
    @Test func controlCharactersAreEscaped() {
        #expect(TerminalText.escaped("a\u{1B}[31mb\n\u{0}\t") == "a\\e[31mb\\n\\x00\\t")
        #expect(TerminalText.escaped("plain ünïcode") == "plain ünïcode")
    }

    @Test func longLinesShowAWindowAroundTheCaret() {
        let line = String(repeating: "a", count: 300) + "BAD" + String(repeating: "b", count: 300)
        let renderer = DiagnosticRenderer(sources: ["f": line])
        let text = renderer.render(Diagnostic.error("bad", at: SourceSpan(file: "f", line: 1, column: 301, length: 3)))
        let lines = text.split(separator: "\n")
        #expect(lines[1].count <= DiagnosticRenderer.maximumWidth + 4)
        let caret = lines[2].firstIndex(of: "^")!
        let bad = lines[1].range(of: "BAD")!.lowerBound
        #expect(lines[2].distance(from: lines[2].startIndex, to: caret) == lines[1].distance(from: lines[1].startIndex, to: bad))
    }
}

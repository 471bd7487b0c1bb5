// Renders diagnostics as `file:line:col: error: message`, the source line, a caret, and a hint.

/// Formats diagnostics in the one format used everywhere (scripts, REPL, data files).
public struct DiagnosticRenderer: Sendable {
    /// Source text by file name, used to print the offending line.
    public var sources: [String: String]

    public init(sources: [String: String] = [:]) { self.sources = sources }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let span = diagnostic.span {
            out += "\(span.file):\(span.line):\(span.column): "
        }
        out += "\(diagnostic.severity.rawValue): \(TerminalText.escaped(diagnostic.message))\n"
        if let span = diagnostic.span, let line = diagnostic.excerpt ?? sourceLine(span) {
            out += excerpt(line, span: span)
        }
        if let hint = diagnostic.hint {
            out += "  hint: \(TerminalText.escaped(hint))\n"
        }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// Widest source excerpt shown; longer lines show a window around the caret.
    static let maximumWidth = 120

    /// The source line (control characters escaped, long lines windowed) and a caret line.
    private func excerpt(_ line: String, span: SourceSpan) -> String {
        let characters = Array(line.replacingTabs())
        let start = min(max(0, span.column - 1), characters.count)
        let end = min(characters.count, start + span.length)
        let before = TerminalText.escaped(String(characters[..<start]))
        let token = TerminalText.escaped(String(characters[start..<end]))
        let after = TerminalText.escaped(String(characters[end...]))
        var shown = before + token + after
        var caretColumn = before.count
        let width = DiagnosticRenderer.maximumWidth
        if shown.count > width {
            let shownCharacters = Array(shown)
            let from = max(0, min(caretColumn - width / 3, shownCharacters.count - width))
            let to = min(shownCharacters.count, from + width)
            shown = (from > 0 ? "…" : "") + String(shownCharacters[from..<to]) + (to < shownCharacters.count ? "…" : "")
            caretColumn = caretColumn - from + (from > 0 ? 1 : 0)
        }
        let underline = max(1, min(token.count, width - caretColumn))
        return "  \(shown)\n  " + String(repeating: " ", count: caretColumn) + "^"
            + String(repeating: "~", count: underline - 1) + "\n"
    }

    private func sourceLine(_ span: SourceSpan) -> String? {
        guard let text = sources[span.file] else { return nil }
        var lineNumber = 1
        var current = Substring("")
        var start = text.startIndex
        for index in text.indices where text[index] == "\n" {
            if lineNumber == span.line {
                current = text[start..<index]
                return String(current).trimmingCR()
            }
            lineNumber += 1
            start = text.index(after: index)
        }
        if lineNumber == span.line { return String(text[start...]).trimmingCR() }
        return nil
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }

    fileprivate func trimmingCR() -> String {
        hasSuffix("\r") ? String(dropLast()) : self
    }
}

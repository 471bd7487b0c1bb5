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
        out += "\(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let span = diagnostic.span, let line = diagnostic.excerpt ?? sourceLine(span) {
            let shown = line.replacingTabs()
            out += "  \(shown)\n"
            let pad = String(repeating: " ", count: max(0, span.column - 1))
            let visibleLength = min(span.length, max(1, shown.count - span.column + 1))
            out += "  \(pad)^" + String(repeating: "~", count: max(0, visibleLength - 1)) + "\n"
        }
        if let hint = diagnostic.hint {
            out += "  hint: \(hint)\n"
        }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
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

// Parser: the entry point that turns source text into a Program plus diagnostics.

import SynthCore

/// The outcome of parsing: the statements that parsed, every syntax error (one per statement at
/// most), and whether the input merely stopped early.
public struct ParseResult: Sendable, Equatable {
    public var program: Program
    public var diagnostics: [Diagnostic]
    /// True exactly when every problem is an unexpected end of input (an open bracket, a `def`
    /// without `end`, a trailing operator or backslash): the REPL should ask for more lines.
    public var isIncomplete: Bool

    public init(program: Program, diagnostics: [Diagnostic], isIncomplete: Bool) {
        self.program = program
        self.diagnostics = diagnostics
        self.isIncomplete = isIncomplete
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Recursive-descent parser for the synth language.
public enum Parser {
    /// Parses a whole script or REPL entry. `file` names the source in diagnostics.
    public static func parse(_ source: String, file: String) -> ParseResult {
        var parser = SyntaxParser(source: source, file: file)
        return parser.parseProgram()
    }
}

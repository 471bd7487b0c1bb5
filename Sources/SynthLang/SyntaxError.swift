// SyntaxError: a parse failure inside one statement, thrown up to the statement loop.

import SynthCore

/// Raised inside a statement; the statement loop records it and skips to the next statement.
struct SyntaxError: Error {
    var diagnostic: Diagnostic
    /// Index of the offending token, where recovery starts.
    var tokenIndex: Int
    /// The input ended where more was expected: the REPL can ask for another line.
    var atEndOfInput: Bool
}

// SyntaxMessage: the text of every lexer and parser error, in one place (Lua style).

/// Error messages of the lexer and parser. Tests compare against these.
public enum SyntaxMessage {
    public static let unterminatedString = "unterminated string"
    public static let expectedClosingBracket = "expected ']' after the column name in t[...]"
    public static let expectedBetweenAnd = "expected 'and' in 'x between low and high'"
    public static let nestedTooDeeply = "expression nested too deeply (more than 200 levels)"
    public static let expressionTooLong = "expression too long (more than 2000 operators); split it over several statements"
    /// A backslash continues the line, but the input ended after it.
    public static let backslashAtEnd = "unexpected end of input after '\\'"
    public static let expectedModuleName = "expected a module name (a string) after 'use'"
    public static let positionalAfterOptions = "positional argument after options"
    public static let returnOutsideProcedure = "'return' outside a procedure"
    public static let parenthesizeHint = "wrap an expression argument in parentheses, e.g. print (a + b)"
    public static let chainedComparison = "comparisons cannot be chained; use 'and'"

    public static func unexpectedCharacter(_ c: Character) -> String { "unexpected character '\(c)'" }
    public static func invalidEscape(_ c: Character) -> String { "invalid escape '\\\(c)' in string" }
    public static func malformedNumber(_ text: String) -> String { "malformed number '\(text)'" }
    public static func numberTooLarge(_ text: String) -> String { "number '\(text)' is too large (beyond ±1.8e308)" }
    /// `what` is already quoted or reads as prose (`')'`, `end of input`).
    public static func unexpected(_ what: String) -> String { "unexpected \(what)" }
    public static func expectedExpression(after what: String) -> String { "expected an expression after '\(what)'" }
    public static func expectedName(after what: String) -> String { "expected a name after '\(what)'" }
    public static func expected(_ what: String) -> String { "\(what) expected" }
    /// `')' expected (to close '(' at line 2)`.
    public static func expectedClosing(_ closer: String, opener: String, line: Int) -> String {
        "'\(closer)' expected (to close '\(opener)' at line \(line))"
    }
    public static func returnOfCommand(_ verb: String) -> String {
        "'return' takes an expression, not the command '\(verb)'; bind its result first"
    }
    public static func unknownCommand(_ name: String) -> String { "unknown command '\(name)'" }
    public static func duplicateName(_ name: String) -> String { "'\(name)' is named twice" }
    public static let expectedAssignAfterNames = "expected '=' after the names to bind"
    public static func commandAsName(_ name: String) -> String { "'\(name)' is a command; choose another name" }
    public static func duplicateParameter(_ name: String) -> String { "duplicate parameter '\(name)'" }
    public static func keywordAsName(_ name: String) -> String { "'\(name)' is a reserved word; choose another name" }
}

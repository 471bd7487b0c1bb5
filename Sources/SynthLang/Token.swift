// Token: the lexical units the lexer hands to the parser.

import SynthCore

/// Reserved words of the language. Words such as `to` or `model` are not keywords: they are
/// contextual words that command signatures ask for.
public enum Keyword: String, Sendable, Equatable, CaseIterable {
    case def, end, use, `return`, and, or, not, `in`, `true`, `false`, `where`
}

/// Operators and punctuation.
public enum Symbol: String, Sendable, Equatable, CaseIterable {
    case assign = "=", equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">",
         greaterEqual = ">=", plus = "+", minus = "-", star = "*", slash = "/", percent = "%",
         leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", comma = ",", dot = ".", range = ".."
}

/// What a token is, with its value where it has one.
public enum TokenKind: Sendable, Equatable {
    case identifier(String)
    case number(Double)
    /// A string literal, escapes already decoded.
    case string(String)
    case keyword(Keyword)
    case symbol(Symbol)
    case newline
    case endOfInput
    /// Something the lexer could not read; the message says what.
    case error(String)
}

/// One token: its kind, the exact source text, its span, and its character offsets in the source.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var lexeme: String
    public var span: SourceSpan
    /// Character offsets `[start, end)` into the source, used to recover a statement's exact text.
    public var start: Int
    public var end: Int

    public init(kind: TokenKind, lexeme: String, span: SourceSpan, start: Int, end: Int) {
        self.kind = kind
        self.lexeme = lexeme
        self.span = span
        self.start = start
        self.end = end
    }

    /// How the token reads in a message: `')'`, `'fit'`, `end of input`, `end of line`.
    public var described: String {
        switch kind {
        case .endOfInput: return "end of input"
        case .newline: return "end of line"
        default: return "'\(lexeme)'"
        }
    }

    public var identifier: String? {
        if case let .identifier(name) = kind { return name }
        return nil
    }

    public func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
    public func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }
}

// LexerTests: tokens, literals, comments, continuation and lexical errors.

import Testing
@testable import SynthLang

@Suite struct LexerTests {
    func kinds(_ source: String) -> [TokenKind] {
        Lexer.tokenize(source, file: "t").map(\.kind)
    }

    @Test func identifiersKeywordsAndContextualWords() {
        #expect(kinds("fit to model_2 größe where") == [
            .identifier("fit"), .identifier("to"), .identifier("model_2"), .identifier("größe"),
            .keyword(.where), .endOfInput,
        ])
    }

    @Test(arguments: Keyword.allCases)
    func everyKeyword(_ keyword: Keyword) {
        #expect(kinds(keyword.rawValue) == [.keyword(keyword), .endOfInput])
    }

    @Test(arguments: [("42", 42.0), ("3.5", 3.5), ("1e-6", 1e-6), ("2E3", 2000), ("1e+2", 100)])
    func numbers(_ text: String, _ value: Double) {
        #expect(kinds(text) == [.number(value), .endOfInput])
    }

    @Test func strings() {
        #expect(kinds(#""a b" 'c' "q\"x" 'it\'s' "t\tn\n\\""#) == [
            .string("a b"), .string("c"), .string("q\"x"), .string("it's"), .string("t\tn\n\\"), .endOfInput,
        ])
    }

    @Test func operators() {
        let symbols = kinds("= == != < <= > >= + - * / % ( ) [ ] , .").dropLast()
        #expect(Array(symbols) == [
            .assign, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .plus, .minus, .star,
            .slash, .percent, .leftParen, .rightParen, .leftBracket, .rightBracket, .comma, .dot,
        ].map(TokenKind.symbol))
    }

    @Test func commentsAndNewlines() {
        #expect(kinds("a # note\n\nb") == [.identifier("a"), .newline, .newline, .identifier("b"), .endOfInput])
    }

    @Test func backslashJoinsLines() {
        let tokens = Lexer.tokenize("a \\\n  b", file: "t")
        #expect(tokens.map(\.kind) == [.identifier("a"), .identifier("b"), .endOfInput])
        #expect(tokens[1].span.line == 2 && tokens[1].span.column == 3)
    }

    @Test func spansAreOneBased() {
        let tokens = Lexer.tokenize("x = 10\n  fit", file: "f.synth")
        #expect(tokens[2].span == .init(file: "f.synth", line: 1, column: 5, length: 2))
        #expect(tokens[4].span == .init(file: "f.synth", line: 2, column: 3, length: 3))
    }

    @Test(arguments: [
        ("\"abc", SyntaxMessage.unterminatedString),
        ("'abc\n'", SyntaxMessage.unterminatedString),
        ("$", SyntaxMessage.unexpectedCharacter("$")),
        ("a \\ b", SyntaxMessage.unexpectedCharacter("\\")),
        ("a \\", SyntaxMessage.backslashAtEnd),
        ("\"\\q\"", SyntaxMessage.invalidEscape("q")),
        ("3abc", SyntaxMessage.malformedNumber("3abc")),
    ])
    func errorTokens(_ source: String, _ message: String) {
        #expect(kinds(source).contains(.error(message)))
    }

    @Test func crlfLineEndsAreNewlines() {
        let tokens = Lexer.tokenize("a\r\nb", file: "t")
        #expect(tokens.map(\.kind) == [.identifier("a"), .newline, .identifier("b"), .endOfInput])
        #expect(tokens[2].span.line == 2)
    }

    @Test func endOfInputAfterBlankLinesSitsAfterTheLastToken() {
        let end = Lexer.tokenize("x = 1 +\n\n", file: "t").last!
        #expect(end.kind == .endOfInput && end.span.line == 1 && end.span.column == 8)
    }
}

// Lexer: turns source text into tokens. It never prints; problems become error tokens.

import SynthCore

/// Splits source text into tokens: identifiers, numbers, strings, keywords, operators and
/// NEWLINE. Comments are dropped and a backslash at the end of a line joins the next line.
public struct Lexer {
    private let chars: [Character]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var tokenStart = 0
    private var tokenLine = 1
    private var tokenColumn = 1
    /// Where the last token other than a newline ended: input that ends in blank lines reports
    /// "end of input" there, not on a line that does not exist.
    private var lastEnd: (line: Int, column: Int, offset: Int)?
    private var newlineSinceLastToken = false

    public init(_ source: String, file: String) {
        self.chars = Array(source)
        self.file = file
    }

    /// Every token of `source`, ending with `.endOfInput`.
    public static func tokenize(_ source: String, file: String) -> [Token] {
        var lexer = Lexer(source, file: file)
        return lexer.tokenize()
    }

    public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    /// The next token.
    public mutating func next() -> Token {
        skipSpaceAndComments()
        tokenStart = index
        tokenLine = line
        tokenColumn = column
        guard let c = peek() else {
            if newlineSinceLastToken, let lastEnd {
                return Token(kind: .endOfInput, lexeme: "",
                             span: SourceSpan(file: file, line: lastEnd.line, column: lastEnd.column),
                             start: lastEnd.offset, end: lastEnd.offset)
            }
            return make(.endOfInput)
        }
        if c.isNewline {
            advance()
            let token = make(.newline)
            line += 1
            column = 1
            newlineSinceLastToken = true
            return token
        }
        newlineSinceLastToken = false
        defer { lastEnd = (line, column, index) }
        if c == "\\" {
            advance()
            if onlyBlanksRemain() {
                while peek() != nil { advance() }
                return make(.error(SyntaxMessage.backslashAtEnd))
            }
            return make(.error(SyntaxMessage.unexpectedCharacter("\\")))
        }
        if c.isLetter || c == "_" {
            while let d = peek(), isIdentifierCharacter(d) { advance() }
            let word = String(chars[tokenStart..<index])
            if let keyword = Keyword(rawValue: word) { return make(.keyword(keyword)) }
            return make(.identifier(word))
        }
        if c.isASCII && c.isNumber { return number() }
        if c == "\"" || c == "'" { return string(quote: c) }
        advance()
        let two: Symbol? = peek().flatMap { Symbol(rawValue: String(c) + String($0)) }
        if let two {
            advance()
            return make(.symbol(two))
        }
        if let one = Symbol(rawValue: String(c)) { return make(.symbol(one)) }
        return make(.error(SyntaxMessage.unexpectedCharacter(c)))
    }

    private func make(_ kind: TokenKind) -> Token {
        Token(kind: kind, lexeme: String(chars[tokenStart..<index]),
              span: SourceSpan(file: file, line: tokenLine, column: tokenColumn, length: index - tokenStart),
              start: tokenStart, end: index)
    }

    private mutating func number() -> Token {
        let start = index
        digits()
        if peek() == ".", let d = peek(1), d.isASCII, d.isNumber {
            advance()
            digits()
        }
        if peek() == "e" || peek() == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let d = peek(signed ? 2 : 1), d.isASCII, d.isNumber {
                advance()
                if signed { advance() }
                digits()
            }
        }
        if let d = peek(), isIdentifierCharacter(d) {
            while let d = peek(), isIdentifierCharacter(d) { advance() }
            return make(.error(SyntaxMessage.malformedNumber(String(chars[start..<index]))))
        }
        let text = String(chars[start..<index])
        guard let value = Double(text) else { return make(.error(SyntaxMessage.malformedNumber(text))) }
        // 1e400 would silently be infinity; the CSV reader refuses such numbers too.
        return make(value.isFinite ? .number(value) : .error(SyntaxMessage.numberTooLarge(text)))
    }

    private mutating func string(quote: Character) -> Token {
        advance()
        var value = ""
        var problem: String?
        while true {
            guard let c = peek(), !c.isNewline else {
                return make(.error(SyntaxMessage.unterminatedString))
            }
            advance()
            if c == quote { break }
            if c == "\\" {
                guard let e = peek(), !e.isNewline else { continue }
                advance()
                switch e {
                case "\"": value.append("\"")
                case "'": value.append("'")
                case "\\": value.append("\\")
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: problem = problem ?? SyntaxMessage.invalidEscape(e)
                }
            } else {
                value.append(c)
            }
        }
        return make(problem.map(TokenKind.error) ?? .string(value))
    }

    /// Skips blanks, comments, and backslash-newline pairs (line continuation).
    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == " " || c == "\t" {
                advance()
            } else if c == "#" {
                while let d = peek(), !d.isNewline { advance() }
            } else if c == "\\", let after = continuationLength() {
                for _ in 0..<after { advance() }
                line += 1
                column = 1
            } else {
                return
            }
        }
    }

    /// If a backslash at `index` ends its line (blanks and a comment may follow), the number of
    /// characters up to and including the newline.
    private func continuationLength() -> Int? {
        var i = index + 1
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        if i < chars.count, chars[i] == "#" {
            while i < chars.count, !chars[i].isNewline { i += 1 }
        }
        guard i < chars.count, chars[i].isNewline else { return nil }
        return i + 1 - index
    }

    /// Whether only blanks and a comment follow `index` up to the end of input.
    private func onlyBlanksRemain() -> Bool {
        var i = index
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        if i < chars.count, chars[i] == "#" {
            while i < chars.count, !chars[i].isNewline { i += 1 }
        }
        return i == chars.count
    }

    private mutating func digits() {
        while let d = peek(), d.isASCII, d.isNumber { advance() }
    }

    private func isIdentifierCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_"
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < chars.count ? chars[index + offset] : nil
    }

    private mutating func advance() {
        index += 1
        column += 1
    }
}

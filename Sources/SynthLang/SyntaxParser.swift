// SyntaxParser: statements, commands, procedures and error recovery.

import SynthCore

/// The parser's working state. Newlines are skipped while a bracket is open (`depth > 0`);
/// after an error the statement loop skips to the next statement so every error is found.
struct SyntaxParser {
    let tokens: [Token]
    let source: [Character]
    let file: String
    var pos = 0
    /// Open brackets around the current token; newlines inside brackets are not statement ends.
    var depth = 0
    var procedureDepth = 0
    /// Expression nesting (brackets, unary minus); bounded so deep input cannot overflow the stack.
    var nesting = 0
    static let maximumNesting = 200
    /// Operators in one expression; bounded for the same reason.
    var operators = 0
    static let maximumOperators = 2000
    var lastEnd = 0
    var diagnostics: [Diagnostic] = []
    var errorsAtEnd: [Bool] = []

    init(source: String, file: String) {
        self.tokens = Lexer.tokenize(source, file: file)
        self.source = Array(source)
        self.file = file
    }

    mutating func parseProgram() -> ParseResult {
        let statements = parseStatements(insideProcedure: false)
        let incomplete = !errorsAtEnd.isEmpty && errorsAtEnd.allSatisfy { $0 }
        return ParseResult(program: Program(statements: statements), diagnostics: diagnostics, isIncomplete: incomplete)
    }

    // MARK: - Tokens

    /// Index of the next token that matters: newlines are skipped inside brackets.
    func significantIndex(from start: Int? = nil) -> Int {
        var i = start ?? pos
        if depth > 0 { while i < tokens.count - 1, tokens[i].kind == .newline { i += 1 } }
        return min(i, tokens.count - 1)
    }

    var current: Token { tokens[significantIndex()] }

    /// The token after `current`.
    var next: Token { tokens[significantIndex(from: min(significantIndex() + 1, tokens.count - 1))] }

    @discardableResult
    mutating func advance() -> Token {
        let i = significantIndex()
        let token = tokens[i]
        if token.kind != .endOfInput {
            pos = i + 1
            lastEnd = token.end
        }
        return token
    }

    /// Continuation after a trailing operator, `=` or `,`: the next line belongs to this statement.
    mutating func skipNewlines() {
        while tokens[pos].kind == .newline { pos += 1 }
    }

    var atStatementEnd: Bool {
        let kind = current.kind
        return kind == .newline || kind == .endOfInput
    }

    func error(_ message: String, at index: Int? = nil, hint: String? = nil) -> SyntaxError {
        let i = index ?? significantIndex()
        let token = tokens[i]
        var atEnd = token.kind == .endOfInput
        var text = message
        if case let .error(lexical) = token.kind {
            // The lexer's own message explains the token better than "expected ...".
            text = lexical
            atEnd = lexical == SyntaxMessage.backslashAtEnd
        }
        return SyntaxError(diagnostic: .error(text, at: token.span, hint: hint), tokenIndex: i, atEndOfInput: atEnd)
    }

    mutating func record(_ error: SyntaxError) {
        diagnostics.append(error.diagnostic)
        errorsAtEnd.append(error.atEndOfInput)
    }

    // MARK: - Statements

    mutating func parseStatements(insideProcedure: Bool) -> [Statement] {
        var statements: [Statement] = []
        while true {
            depth = 0
            skipNewlines()
            let start = tokens[pos]
            if start.kind == .endOfInput { break }
            let startIndex = pos
            if start.isKeyword(.end) {
                if insideProcedure { break }
                record(error(SyntaxMessage.unexpected("'end'")))
                advance()
                recover(from: pos, statementStart: startIndex)
                continue
            }
            do throws(SyntaxError) {
                guard let kind = try statement() else { continue }
                if !atStatementEnd { throw error(SyntaxMessage.unexpected(current.described)) }
                let text = String(source[start.start..<max(start.start, lastEnd)])
                statements.append(Statement(kind: kind, span: start.span, text: text))
            } catch {
                record(error)
                recover(from: error.tokenIndex, statementStart: startIndex)
                if pos <= startIndex { pos = startIndex + 1 }
            }
        }
        return statements
    }

    /// Skips to the next statement boundary: a newline outside the brackets that were open at
    /// the error, or a line that plainly starts a new statement (`y = ...`, a command, `def`,
    /// `end`), so an unclosed bracket does not swallow the rest of the script.
    mutating func recover(from index: Int, statementStart: Int) {
        let token = tokens[index]
        var nest = depth
        depth = 0
        if token.kind != .endOfInput, token.span.line > tokens[statementStart].span.line {
            var lineStart = index
            while lineStart > 0, tokens[lineStart - 1].kind != .newline { lineStart -= 1 }
            if lineStart > statementStart, looksLikeStatementStart(lineStart) {
                pos = lineStart
                return
            }
        }
        pos = max(pos, index)
        while tokens[pos].kind != .endOfInput {
            let kind = tokens[pos].kind
            if kind == .newline && (nest <= 0 || looksLikeStatementStart(pos + 1)) { break }
            if kind == .symbol(.leftParen) || kind == .symbol(.leftBracket) { nest += 1 }
            if kind == .symbol(.rightParen) || kind == .symbol(.rightBracket) { nest -= 1 }
            pos += 1
        }
    }

    /// Whether the token at `index` begins what can only be a statement.
    func looksLikeStatementStart(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .keyword(.def), .keyword(.end), .keyword(.use), .keyword(.return):
            return true
        case let .identifier(name):
            return CommandTable.signature(name) != nil || tokens[index + 1].isSymbol(.assign)
        default:
            return false
        }
    }

    /// One statement, or nil when it was a procedure whose header failed (already reported).
    mutating func statement() throws(SyntaxError) -> StatementKind? {
        let token = current
        switch token.kind {
        case .keyword(.use):
            advance()
            guard case let .string(name) = current.kind else {
                throw error(SyntaxMessage.expectedModuleName)
            }
            let span = advance().span
            return .use(name, span)
        case .keyword(.def):
            return try procedure().map(StatementKind.procedure)
        case .keyword(.return):
            guard procedureDepth > 0 else { throw error(SyntaxMessage.returnOutsideProcedure) }
            advance()
            if atStatementEnd || current.isKeyword(.end) { return .return(nil) }
            if let verb = current.identifier, CommandTable.signature(verb) != nil {
                throw error(SyntaxMessage.returnOfCommand(verb))
            }
            return .return(try expression())
        case .identifier where next.isSymbol(.comma):
            return try destructuring()
        case let .identifier(name):
            if next.isSymbol(.assign) {
                if CommandTable.signature(name) != nil { throw error(SyntaxMessage.commandAsName(name)) }
                let nameToken = advance()
                advance()
                skipNewlines()
                return .binding(name: name, nameSpan: nameToken.span, value: try bindingValue())
            }
            if let command = try commandIfPresent() { return .command(command) }
            return .expression(try expression())
        case .keyword where next.isSymbol(.assign):
            throw error(SyntaxMessage.keywordAsName(token.lexeme))
        default:
            return .expression(try expression())
        }
    }

    /// `a, b = value`.
    private mutating func destructuring() throws(SyntaxError) -> StatementKind {
        var names: [BoundName] = []
        while true {
            guard let name = current.identifier else { throw error(SyntaxMessage.expectedName(after: ",")) }
            if CommandTable.signature(name) != nil { throw error(SyntaxMessage.commandAsName(name)) }
            if names.contains(where: { $0.name == name }) { throw error(SyntaxMessage.duplicateName(name)) }
            names.append(BoundName(name: name, span: advance().span))
            guard current.isSymbol(.comma) else { break }
            advance()
            skipNewlines()
        }
        guard current.isSymbol(.assign) else { throw error(SyntaxMessage.expectedAssignAfterNames) }
        advance()
        skipNewlines()
        return .destructuring(names: names, value: try bindingValue())
    }

    mutating func bindingValue() throws(SyntaxError) -> BindingValue {
        if atStatementEnd { throw error(SyntaxMessage.expectedExpression(after: "=")) }
        if let command = try commandIfPresent() { return .command(command) }
        return .expression(try expression())
    }

    /// A command when `current` is a verb; an "unknown command" error when it is a name directly
    /// followed by a word, string or number (`fti heart`); otherwise nil (an expression follows).
    mutating func commandIfPresent() throws(SyntaxError) -> CommandCall? {
        guard let name = current.identifier else { return nil }
        if CommandTable.signature(name) != nil { return try command() }
        switch next.kind {
        case .identifier, .string, .number, .keyword(.true), .keyword(.false), .keyword(.not), .symbol(.leftBracket):
            throw error(SyntaxMessage.unknownCommand(name), hint: Suggestion.hint(for: name, in: CommandTable.names))
        default:
            return nil
        }
    }

    /// `verb positional... name=value... [where condition]`.
    mutating func command() throws(SyntaxError) -> CommandCall {
        let verb = advance()
        var call = CommandCall(verb: verb.lexeme, verbSpan: verb.span)
        let signature = CommandTable.signature(verb.lexeme)
        let positionalCondition = signature.map { $0.conditionIsPositional ? $0.positionals.count : nil } ?? nil
        let expressionAfter = signature.map { $0.takesExpression ? $0.positionals.count : nil } ?? nil
        while !atStatementEnd {
            if let count = expressionAfter, call.arguments.count == count, call.condition == nil, current.isSymbol(.assign) {
                // `derive t.los = <expression>`.
                let equals = advance()
                skipNewlines()
                if atStatementEnd { throw error(SyntaxMessage.expectedExpression(after: equals.lexeme)) }
                call.condition = try expression()
                continue
            }
            if let count = positionalCondition, call.arguments.count == count, call.condition == nil {
                // `constrain m <condition>`: the rest of the statement is one expression.
                call.condition = try expression()
                if let word = current.identifier, !next.isSymbol(.assign) {
                    // A misspelt operator word (`betwen`) ends the rule early; say so.
                    throw error(SyntaxMessage.unexpected(current.described),
                                hint: Suggestion.hint(for: word, in: ["between", "when"]) ?? "a rule is one condition")
                }
                continue
            }
            if current.isKeyword(.where) {
                advance()
                skipNewlines()
                if atStatementEnd { throw error(SyntaxMessage.expectedExpression(after: "where")) }
                call.condition = try expression()
                break
            }
            if let name = current.identifier, next.isSymbol(.assign) {
                let nameToken = advance()
                advance()
                skipNewlines()
                if atStatementEnd { throw error(SyntaxMessage.expectedExpression(after: "=")) }
                call.options.append(OptionArgument(name: name, nameSpan: nameToken.span, value: try expression()))
                continue
            }
            if !call.options.isEmpty { throw error(SyntaxMessage.positionalAfterOptions) }
            if case let .symbol(symbol) = current.kind, symbol != .minus, symbol != .leftParen,
               symbol != .leftBracket, !call.arguments.isEmpty {
                // `print a == b`: arguments are simple values, so an operator here is a mistake.
                throw error(SyntaxMessage.unexpected(current.described), hint: SyntaxMessage.parenthesizeHint)
            }
            call.arguments.append(try argument())
        }
        return call
    }

    /// `def name(params) NEWLINE statements end`. A header error is reported here and the
    /// body skipped up to its `end`, so the body's lines are not mistaken for statements.
    mutating func procedure() throws(SyntaxError) -> ProcedureDefinition? {
        let defToken = advance()
        let name: Token
        var parameters: [(name: String, span: SourceSpan)] = []
        do throws(SyntaxError) {
            guard current.identifier != nil else {
                if case .keyword = current.kind { throw error(SyntaxMessage.keywordAsName(current.lexeme)) }
                throw error(SyntaxMessage.expectedName(after: "def"))
            }
            name = advance()
            if CommandTable.signature(name.lexeme) != nil {
                throw error(SyntaxMessage.commandAsName(name.lexeme), at: pos - 1)
            }
            guard current.isSymbol(.leftParen) else { throw error(SyntaxMessage.expected("'('")) }
            let open = advance()
            depth += 1
            while !current.isSymbol(.rightParen) {
                guard current.identifier != nil else {
                    if case .keyword = current.kind { throw error(SyntaxMessage.keywordAsName(current.lexeme)) }
                    if current.kind == .endOfInput || !parameters.isEmpty {
                        throw error(SyntaxMessage.expectedClosing(")", opener: "(", line: open.span.line))
                    }
                    throw error(SyntaxMessage.expectedName(after: "("))
                }
                let parameter = advance()
                if CommandTable.signature(parameter.lexeme) != nil {
                    throw error(SyntaxMessage.commandAsName(parameter.lexeme), at: pos - 1)
                }
                if parameters.contains(where: { $0.name == parameter.lexeme }) {
                    throw error(SyntaxMessage.duplicateParameter(parameter.lexeme), at: pos - 1)
                }
                parameters.append((parameter.lexeme, parameter.span))
                if current.isSymbol(.comma) {
                    advance()
                } else if !current.isSymbol(.rightParen) {
                    throw error(SyntaxMessage.expectedClosing(")", opener: "(", line: open.span.line))
                }
            }
            advance()
            depth -= 1
            guard atStatementEnd else { throw error(SyntaxMessage.unexpected(current.described)) }
        } catch {
            record(error)
            depth = 0
            skipToMatchingEnd()
            return nil
        }
        procedureDepth += 1
        let errorsBefore = diagnostics.count
        let body = parseStatements(insideProcedure: true)
        procedureDepth -= 1
        guard current.isKeyword(.end) else {
            throw error(SyntaxMessage.expectedClosing("end", opener: "def", line: defToken.span.line))
        }
        advance()
        // A procedure with a broken body is not a statement that can run.
        if diagnostics.count > errorsBefore { return nil }
        return ProcedureDefinition(name: name.lexeme, nameSpan: name.span, parameters: parameters, body: body)
    }

    /// After a bad `def` header: skips past the `end` that closes it (nested defs counted).
    mutating func skipToMatchingEnd() {
        var nest = 0
        while tokens[pos].kind != .endOfInput {
            let lineStart = pos == 0 || tokens[pos - 1].kind == .newline
            if lineStart && tokens[pos].isKeyword(.def) { nest += 1 }
            if lineStart && tokens[pos].isKeyword(.end) {
                if nest == 0 {
                    advance()
                    return
                }
                nest -= 1
            }
            pos += 1
        }
    }
}

// SyntaxParser+Expressions: the expression grammar, lowest precedence first.

import SynthCore

extension SyntaxParser {
    /// `or` < `and` < `not` < comparisons and `in` < `+ -` < `* / %` < unary `-` < postfix < primary.
    mutating func expression() throws(SyntaxError) -> Expr {
        try nested { p throws(SyntaxError) in try p.implication() }
    }

    /// `consequence when premise` (for constraints): true when the premise is false or the
    /// consequence holds, read as `not premise or consequence`.
    private mutating func implication() throws(SyntaxError) -> Expr {
        let consequence = try orExpression()
        guard current.identifier == "when" else { return consequence }
        let op = operatorToken()
        let premise = try operand(after: op) { p throws(SyntaxError) in try p.orExpression() }
        return .binary(.or, .unary(.not, premise, op.span), consequence, op.span)
    }

    /// Runs `body` one nesting level deeper; past `maximumNesting` levels it is an error, not a
    /// stack overflow.
    private mutating func nested(_ body: (inout SyntaxParser) throws(SyntaxError) -> Expr) throws(SyntaxError) -> Expr {
        if nesting == 0 { operators = 0 }
        nesting += 1
        defer { nesting -= 1 }
        if nesting > SyntaxParser.maximumNesting { throw error(SyntaxMessage.nestedTooDeeply) }
        return try body(&self)
    }

    /// A positional argument of a command: an optional `-` and a postfix expression, so that
    /// `print a -1` reads as two arguments.
    /// `low..high` joins two such arguments into a range (`domain t.age 0..120`).
    mutating func argument() throws(SyntaxError) -> Expr {
        let low = try argumentOperand()
        guard current.isSymbol(.range) else { return low }
        let op = operatorToken()
        let high = try operand(after: op) { p throws(SyntaxError) in try p.argumentOperand() }
        return .range(low, high, op.span)
    }

    private mutating func argumentOperand() throws(SyntaxError) -> Expr {
        if current.isSymbol(.minus) { return try negation() }
        return try postfix()
    }

    private mutating func orExpression() throws(SyntaxError) -> Expr {
        var left = try andExpression()
        while current.isKeyword(.or) {
            let op = operatorToken()
            left = .binary(.or, left, try operand(after: op) { p throws(SyntaxError) in try p.andExpression() }, op.span)
        }
        return left
    }

    private mutating func andExpression() throws(SyntaxError) -> Expr {
        var left = try notExpression()
        while current.isKeyword(.and) {
            let op = operatorToken()
            left = .binary(.and, left, try operand(after: op) { p throws(SyntaxError) in try p.notExpression() }, op.span)
        }
        return left
    }

    private mutating func notExpression() throws(SyntaxError) -> Expr {
        guard current.isKeyword(.not) else { return try comparison() }
        let op = operatorToken()
        return .unary(.not, try operand(after: op) { p throws(SyntaxError) in try p.notExpression() }, op.span)
    }

    private mutating func comparison() throws(SyntaxError) -> Expr {
        let left = try additive()
        if current.identifier == "between" {
            // `x between a and b` is `x >= a and x <= b`.
            let op = operatorToken()
            let low = try operand(after: op) { p throws(SyntaxError) in try p.additive() }
            guard current.isKeyword(.and) else { throw error(SyntaxMessage.expectedBetweenAnd) }
            let and = operatorToken()
            let high = try operand(after: and) { p throws(SyntaxError) in try p.additive() }
            return .binary(.and, .binary(.greaterEqual, left, low, op.span), .binary(.lessEqual, left, high, op.span), and.span)
        }
        guard let op = comparisonOperator(current) else { return left }
        let token = operatorToken()
        let right = try operand(after: token) { p throws(SyntaxError) in try p.additive() }
        if comparisonOperator(current) != nil { throw error(SyntaxMessage.chainedComparison) }
        return .binary(op, left, right, token.span)
    }

    private func comparisonOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .symbol(.equal): return .equal
        case .symbol(.notEqual): return .notEqual
        case .symbol(.less): return .less
        case .symbol(.lessEqual): return .lessEqual
        case .symbol(.greater): return .greater
        case .symbol(.greaterEqual): return .greaterEqual
        case .keyword(.in): return .in
        default: return nil
        }
    }

    private mutating func additive() throws(SyntaxError) -> Expr {
        var left = try multiplicative()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .symbol(.plus): op = .add
            case .symbol(.minus): op = .subtract
            default: return left
            }
            let token = operatorToken()
            left = .binary(op, left, try operand(after: token) { p throws(SyntaxError) in try p.multiplicative() }, token.span)
        }
    }

    private mutating func multiplicative() throws(SyntaxError) -> Expr {
        var left = try unary()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .symbol(.star): op = .multiply
            case .symbol(.slash): op = .divide
            case .symbol(.percent): op = .remainder
            default: return left
            }
            let token = operatorToken()
            left = .binary(op, left, try operand(after: token) { p throws(SyntaxError) in try p.unary() }, token.span)
        }
    }

    private mutating func unary() throws(SyntaxError) -> Expr {
        current.isSymbol(.minus) ? try negation() : try postfix()
    }

    /// `-x`; a negated number literal folds into the literal.
    private mutating func negation() throws(SyntaxError) -> Expr {
        let op = operatorToken()
        let operand = try nested { p throws(SyntaxError) in
            try p.operand(after: op) { q throws(SyntaxError) in try q.unary() }
        }
        if case let .number(value, span) = operand { return .number(-value, op.span.through(span)) }
        return .unary(.negate, operand, op.span)
    }

    /// Consumes an operator; a line break after it continues the statement.
    private mutating func operatorToken() -> Token {
        let token = advance()
        skipNewlines()
        return token
    }

    /// The operand after `op`, with "expected an expression after 'op'" when there is none.
    private mutating func operand(after op: Token,
                                  _ parse: (inout SyntaxParser) throws(SyntaxError) -> Expr) throws(SyntaxError) -> Expr {
        if !startsExpression(current) { throw error(SyntaxMessage.expectedExpression(after: op.lexeme)) }
        // A long flat chain (1 + 1 + ... ) builds a tree as deep as it is long; bound it like nesting.
        operators += 1
        if operators > SyntaxParser.maximumOperators { throw error(SyntaxMessage.expressionTooLong, at: nil) }
        return try parse(&self)
    }

    private func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .number, .string, .keyword(.true), .keyword(.false), .keyword(.not),
             .symbol(.leftParen), .symbol(.leftBracket), .symbol(.minus), .error:
            return true
        default:
            return false
        }
    }

    mutating func postfix() throws(SyntaxError) -> Expr {
        var base = try primary()
        while true {
            if current.isSymbol(.dot) {
                advance()
                // A quoted name reaches columns that are not identifiers: t."glyburide-metformin".
                if case let .string(member) = current.kind {
                    base = .member(base, member, advance().span)
                    continue
                }
                guard let member = current.identifier else { throw error(SyntaxMessage.expectedName(after: ".")) }
                base = .member(base, member, advance().span)
            } else if current.isSymbol(.leftBracket), case .name = base, touches(base) {
                // `t[col]` touches its table's name; with a space, `print t [1]` passes a list.
                let open = advance()
                skipNewlines()
                let name = try expression()
                skipNewlines()
                guard current.isSymbol(.rightBracket) else { throw error(SyntaxMessage.expectedClosingBracket) }
                advance()
                base = .index(base, name, open.span)
            } else if current.isSymbol(.leftParen), case let .name(name, span) = base,
                      current.span.line == span.line, current.span.column == span.column + span.length {
                // A call's `(` touches the name: `f(x)`. With a space, `print x (y)` passes two
                // arguments, as in a command line.
                base = .call(name, try bracketed(closer: .rightParen), span)
            } else {
                return base
            }
        }
    }

    private mutating func primary() throws(SyntaxError) -> Expr {
        let token = current
        switch token.kind {
        case let .number(value):
            advance()
            return .number(value, token.span)
        case let .string(value):
            advance()
            return .string(value, token.span)
        case .keyword(.true), .keyword(.false):
            advance()
            return .bool(token.isKeyword(.true), token.span)
        case let .identifier(name):
            advance()
            return .name(name, token.span)
        case .symbol(.leftBracket):
            return .list(try bracketed(closer: .rightBracket), token.span)
        case .symbol(.leftParen):
            advance()
            depth += 1
            if current.kind == .endOfInput || current.isSymbol(.rightParen) {
                throw error(current.kind == .endOfInput
                    ? SyntaxMessage.expectedClosing(")", opener: "(", line: token.span.line)
                    : SyntaxMessage.expectedExpression(after: "("))
            }
            let inner = try expression()
            guard current.isSymbol(.rightParen) else {
                throw error(SyntaxMessage.expectedClosing(")", opener: "(", line: token.span.line))
            }
            advance()
            depth -= 1
            return inner
        default:
            throw error(SyntaxMessage.unexpected(token.described))
        }
    }

    /// `( a, b )` or `[ a, b ]` starting at the opener; a trailing comma is allowed.
    private mutating func bracketed(closer: Symbol) throws(SyntaxError) -> [Expr] {
        let open = advance()
        depth += 1
        var items: [Expr] = []
        let unclosed = SyntaxMessage.expectedClosing(closer.rawValue, opener: open.lexeme, line: open.span.line)
        while !current.isSymbol(closer) {
            if current.kind == .endOfInput { throw error(unclosed) }
            items.append(try expression())
            if current.isSymbol(.comma) {
                advance()
            } else if !current.isSymbol(closer) {
                throw error(unclosed)
            }
        }
        advance()
        depth -= 1
        return items
    }

    /// Whether the current token starts right where `expr` (a name) ends.
    private func touches(_ expr: Expr) -> Bool {
        guard case let .name(_, span) = expr else { return false }
        return current.span.line == span.line && current.span.column == span.column + span.length
    }
}

// MarkedSource: test support that finds a position marked with ‸ inside source text.

@testable import SynthLang

/// Source text with one position marked by `‸`; the marker is removed from `source`.
struct MarkedSource {
    let source: String
    let line: Int
    let column: Int

    init(_ marked: String) {
        var line = 1, column = 1, found: (Int, Int)?
        var text = ""
        for c in marked {
            if c == "‸" {
                found = (line, column)
                continue
            }
            text.append(c)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        precondition(found != nil, "no ‸ marker in \(marked)")
        self.source = text
        self.line = found!.0
        self.column = found!.1
    }
}

/// Parses `source` as file "t.synth".
func parse(_ source: String) -> ParseResult {
    Parser.parse(source, file: "t.synth")
}

/// The single statement of `source`, or nil when it does not parse cleanly to one statement.
func statement(_ source: String) -> StatementKind? {
    let result = parse(source)
    guard result.diagnostics.isEmpty, result.program.statements.count == 1 else { return nil }
    return result.program.statements[0].kind
}

/// The expression of a one-line expression statement, or nil.
func expression(_ source: String) -> Expr? {
    if case let .expression(e)? = statement(source) { return e }
    return nil
}

/// The command of a bare command statement or a binding to one, or nil.
func command(_ source: String) -> CommandCall? {
    switch statement(source) {
    case let .command(call)?: return call
    case let .binding(_, _, .command(call))?: return call
    default: return nil
    }
}

/// An expression printed with full parentheses, to check precedence without spans.
func shape(_ e: Expr) -> String {
    switch e {
    case let .number(v, _): return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    case let .string(s, _): return "\"\(s)\""
    case let .bool(b, _): return String(b)
    case let .list(items, _): return "[" + items.map(shape).joined(separator: ", ") + "]"
    case let .name(n, _): return n
    case let .member(base, m, _): return "\(shape(base)).\(m)"
    case let .unary(op, x, _): return op == .not ? "(not \(shape(x)))" : "(-\(shape(x)))"
    case let .binary(op, l, r, _): return "(\(shape(l)) \(op.rawValue) \(shape(r)))"
    case let .call(n, args, _): return "\(n)(" + args.map(shape).joined(separator: ", ") + ")"
    case let .range(l, h, _): return "(\(shape(l))..\(shape(h)))"
    case let .index(b, n, _): return "\(shape(b))[\(shape(n))]"
    }
}

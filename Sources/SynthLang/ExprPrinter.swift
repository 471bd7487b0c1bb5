// ExprPrinter: an expression written back as synth text, for messages about conditions.

import SynthCore

/// Renders expressions with the fewest parentheses that keep their meaning. `between` and
/// `when` come back in their expanded form (`x >= a and x <= b`, `not p or q`).
public enum ExprPrinter {
    public static func render(_ expr: Expr) -> String {
        render(expr, parent: 0)
    }

    /// Binding strength, lowest first, as the parser reads them.
    private static func precedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in: return 4
        case .add, .subtract: return 5
        case .multiply, .divide, .remainder: return 6
        }
    }

    private static func render(_ expr: Expr, parent: Int) -> String {
        switch expr {
        case let .number(x, _):
            return NumberFormat.roundTrip(x)
        case let .string(text, _):
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case let .bool(flag, _): return flag ? "true" : "false"
        case let .list(items, _): return "[" + items.map { render($0, parent: 0) }.joined(separator: ", ") + "]"
        case let .name(name, _): return name
        case let .member(base, name, _):
            let plain = name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            return render(base, parent: 9) + "." + (plain ? name : "\"\(name)\"")
        case let .unary(.not, operand, _):
            let text = "not " + render(operand, parent: 3)
            return parent > 3 ? "(\(text))" : text
        case let .unary(.negate, operand, _): return "-" + render(operand, parent: 8)
        case let .binary(.or, .unary(.not, premise, notSpan), consequence, orSpan) where notSpan == orSpan:
            // The parser writes `q when p` as `not p or q`, both operators at the `when`.
            let text = render(consequence, parent: 1) + " when " + render(premise, parent: 1)
            return parent > 0 ? "(\(text))" : text
        case let .binary(.and, .binary(.greaterEqual, x, low, a), .binary(.lessEqual, y, high, b), _) where a == b && x == y:
            // `x between low and high`, as the parser expanded it.
            let text = render(x, parent: 5) + " between " + render(low, parent: 5) + " and " + render(high, parent: 5)
            return parent > 3 ? "(\(text))" : text
        case let .binary(op, lhs, rhs, _):
            let p = precedence(op)
            let text = render(lhs, parent: p) + " \(op.rawValue) " + render(rhs, parent: p + 1)
            return parent > p ? "(\(text))" : text
        case let .call(name, arguments, _): return name + "(" + arguments.map { render($0, parent: 0) }.joined(separator: ", ") + ")"
        case let .index(base, name, _): return render(base, parent: 9) + "[" + render(name, parent: 0) + "]"
        case let .range(low, high, _): return render(low, parent: 8) + ".." + render(high, parent: 8)
        }
    }
}

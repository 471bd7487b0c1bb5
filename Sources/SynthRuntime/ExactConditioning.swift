// ExactConditioning: reads the one-column comparisons out of `where` and `constrain` rules so a
// copula can draw rows that meet the rarest of them directly instead of by rejection.

import SynthCore
import SynthData
import SynthLang
import SynthModels

/// The column conditions implied by rules, and the one a copula conditions on.
enum ExactConditioning {
    /// What a copula is drawn given, and the share of its rows that fall in that region.
    struct Choice {
        var condition: ColumnCondition
        var mass: Double
    }

    /// The condition with the smallest latent mass among those the rules imply, or nil when the
    /// model is not a copula or no rule restricts a modelled column.
    static func choose(_ model: any SynthModel, rules: [Expr], evaluate: (Expr) throws -> Value) -> Choice? {
        guard let copula = model as? CopulaModel else { return nil }
        var best: Choice?
        for condition in conditions(rules, schema: copula.schema, evaluate: evaluate) {
            guard let mass = copula.latentMass(condition) else { continue }
            if mass < (best?.mass ?? 1) { best = Choice(condition: condition, mass: mass) }
        }
        // A region holding (nearly) every row gains nothing over plain draws.
        return best.flatMap { $0.mass < 1 - 1e-9 ? $0 : nil }
    }

    /// One condition per column, gathered from the top-level conjuncts of every rule of the
    /// form `t.col <op> literal` (op in < <= > >= ==) or `t.col in [...]`, in column order.
    /// Each condition contains the rows its conjuncts allow (bounds are widened, never narrowed).
    static func conditions(_ rules: [Expr], schema: [ColumnSchema], evaluate: (Expr) throws -> Value) -> [ColumnCondition] {
        var bounds: [String: (lower: Double?, upper: Double?)] = [:]
        var levels: [String: Set<String>] = [:]
        var order: [String] = []
        func note(_ name: String) { if !order.contains(name) { order.append(name) } }
        for conjunct in rules.flatMap(conjuncts) {
            guard let (name, op, literal) = comparison(conjunct),
                  let field = schema.first(where: { $0.name == name }),
                  let value = try? evaluate(literal) else { continue }
            if field.kind.isNumeric {
                guard let range = numericRange(op, value, field: field) else { continue }
                let old = bounds[name] ?? (nil, nil)
                bounds[name] = (tighter(old.lower, range.lower, max), tighter(old.upper, range.upper, min))
                note(name)
            } else if field.kind == .categorical {
                guard let wanted = labels(op, value) else { continue }
                levels[name] = levels[name].map { $0.intersection(wanted) } ?? wanted
                note(name)
            }
        }
        return order.map { name in
            if let set = levels[name] { return .levels(column: name, set.sorted()) }
            let range = bounds[name] ?? (nil, nil)
            return .range(column: name, lower: range.lower, upper: range.upper)
        }
    }

    private static func conjuncts(_ expr: Expr) -> [Expr] {
        if case let .binary(.and, lhs, rhs, _) = expr { return conjuncts(lhs) + conjuncts(rhs) }
        return [expr]
    }

    /// `t.col op e` or `e op t.col` (op turned round) where `e` names no column.
    private static func comparison(_ expr: Expr) -> (String, BinaryOperator, Expr)? {
        guard case let .binary(op, lhs, rhs, _) = expr,
              [.equal, .less, .lessEqual, .greater, .greaterEqual, .in].contains(op) else { return nil }
        if case let .member(_, name, _) = lhs, RowCondition.columns(in: rhs).isEmpty { return (name, op, rhs) }
        let flipped: [BinaryOperator: BinaryOperator] = [.equal: .equal, .less: .greater, .lessEqual: .greaterEqual,
                                                         .greater: .less, .greaterEqual: .lessEqual]
        if case let .member(_, name, _) = rhs, let turned = flipped[op], RowCondition.columns(in: lhs).isEmpty {
            return (name, turned, lhs)
        }
        return nil
    }

    /// The bounds a comparison puts on a numeric column (dates in days, booleans 0/1). Strict
    /// bounds on whole-valued columns step to the next whole value; otherwise they stay inclusive.
    private static func numericRange(_ op: BinaryOperator, _ value: Value, field: ColumnSchema) -> (lower: Double?, upper: Double?)? {
        let levels = field.booleanLabels ?? ["false", "true"]
        func number(_ v: Value) -> Double? {
            switch v {
            case let .number(x): return x
            case let .bool(flag): return flag ? 1 : 0
            case let .string(text): return RowCondition.number(text, kind: field.kind, format: field.format, levels: levels)
            default: return nil
            }
        }
        let whole = [.integer, .date, .datetime, .boolean].contains(field.kind)
        if op == .in {
            guard case let .list(items) = value, !items.isEmpty else { return nil }
            let numbers = items.compactMap(number)
            guard numbers.count == items.count, let low = numbers.min(), let high = numbers.max() else { return nil }
            return (low, high)
        }
        guard let x = number(value), !x.isNaN else { return nil }
        switch op {
        case .equal: return (x, x)
        case .greater: return (whole ? x.rounded(.down) + 1 : x, nil)
        case .greaterEqual: return (x, nil)
        case .less: return (nil, whole ? x.rounded(.up) - 1 : x)
        default: return (nil, x)
        }
    }

    /// The categories `== text` or `in [texts]` allows.
    private static func labels(_ op: BinaryOperator, _ value: Value) -> Set<String>? {
        func text(_ v: Value) -> String? {
            switch v {
            case let .string(s): return s
            case let .number(x): return NumberFormat.roundTrip(x)
            default: return nil
            }
        }
        switch (op, value) {
        case (.equal, _): return text(value).map { [$0] }
        case let (.in, .list(items)):
            let texts = items.compactMap(text)
            return texts.count == items.count ? Set(texts) : nil
        default: return nil
        }
    }

    private static func tighter(_ a: Double?, _ b: Double?, _ pick: (Double, Double) -> Double) -> Double? {
        guard let a else { return b }
        guard let b else { return a }
        return pick(a, b)
    }
}

// RowCondition: a condition of the expression language evaluated on every row of a table at
// once, for `sample ... where` and `constrain`.

import SynthCore
import SynthData
import SynthLang

/// A condition over a table's columns (`t.age >= 65 and t.sex == "F"`). Columns are named as
/// `table.column`; only the column name matters, so a condition written against the training
/// table applies to samples of its model. A missing value makes a comparison false.
struct RowCondition {
    let expr: Expr
    /// The condition as written, for messages.
    let text: String
    /// Evaluates a sub-expression that names no column (a variable, a literal).
    let evaluateScalar: (Expr) throws -> Value
    /// The real table, for `fixed(...)`: the combinations of values seen in it.
    var reference: Table? = nil

    /// One value per row of the table being filtered, or a single value for all rows.
    private enum RowValues {
        case scalar(Value)
        /// Numbers (dates as days, datetimes as seconds, booleans as 0/1) with their column's kind.
        case numbers([Double], valid: [Bool], kind: ColumnKind, format: String?, levels: [String])
        case labels([Int32], levels: [String])
        /// A condition per row, in three-valued logic: `known[i]` is false where a missing
        /// value leaves it undecided (SQL's unknown).
        case truth([Bool], known: [Bool])
    }

    /// Functions of a column that conditions may call.
    static let functions: Set<String> = ["missing", "present", "fixed"]

    /// The names of the columns the condition reads, with the spans that name them.
    static func columns(in expr: Expr) -> [(name: String, span: SourceSpan)] {
        if case let .member(_, name, span) = expr { return [(name, span)] }
        return expr.children.flatMap(columns)
    }

    /// The expression's value on every row, as a column named `name` (for `derive`).
    func column(named name: String, in table: Table) throws -> Column {
        let rows = table.rowCount
        switch try values(expr, table) {
        case let .numbers(x, valid, kind, format, levels):
            var column = Column(name: name, kind: kind, numbers: zip(x, valid).map { $1 ? $0 : .nan }, valid: valid, format: format)
            if kind == .boolean { column.levels = levels }
            return column
        case let .labels(codes, levels):
            return Column(name: name, kind: .categorical, codes: codes, levels: levels, valid: codes.map { $0 >= 0 })
        case let .truth(mask, known):
            // An undecided comparison (a missing operand) gives a missing value.
            return Column(name: name, kind: .boolean, numbers: zip(mask, known).map { $1 ? ($0 ? 1 : 0) : .nan },
                          levels: ["false", "true"], valid: known)
        case let .scalar(value):
            switch value {
            case let .number(x): return Column.numeric(name, [Double?](repeating: x, count: rows))
            case let .string(text): return Column.coded(name, [String?](repeating: text, count: rows))
            case let .bool(flag):
                return Column(name: name, kind: .boolean, numbers: [Double](repeating: flag ? 1 : 0, count: rows),
                              levels: ["false", "true"], valid: [Bool](repeating: true, count: rows))
            default:
                throw Diagnostic.error("a column holds numbers, text or true/false, not \(value.typeName)", at: expr.span)
            }
        }
    }

    /// Which rows of `table` meet the condition. A row left undecided by a missing value meets
    /// it when `undecidedMeets` (a rule, as SQL's CHECK: only a false rule is broken) and not
    /// otherwise (a `where` filter, as SQL's WHERE).
    func evaluate(_ table: Table, undecidedMeets: Bool = false) throws -> [Bool] {
        guard let (mask, known) = truth(try values(expr, table), table.rowCount) else {
            throw Diagnostic.error("'\(text)' is not a condition (true or false for each row)", at: expr.span)
        }
        return zip(mask, known).map { $1 ? $0 : undecidedMeets }
    }

    private func values(_ expr: Expr, _ table: Table) throws -> RowValues {
        switch expr {
        case let .member(_, name, span):
            guard let column = table.column(name) else {
                throw Diagnostic.error("unknown column '\(name)' in the sample", at: span,
                                       hint: Suggestion.hint(for: name, in: table.columnNames))
            }
            if column.kind.isNumeric {
                return .numbers(column.numbers, valid: column.valid, kind: column.kind, format: column.format, levels: column.levels)
            }
            return .labels(column.codes, levels: column.levels)
        case let .unary(.not, operand, span):
            guard let (mask, known) = truth(try values(operand, table), table.rowCount) else {
                throw Diagnostic.error("'not' needs a condition", at: span)
            }
            return .truth(mask.map { !$0 }, known: known)
        case let .unary(.negate, operand, span):
            switch try values(operand, table) {
            case .numbers(_, _, .boolean, _, _):
                // A boolean holds 0 or 1; -1 would be neither (and indexed past its two levels).
                throw Diagnostic.error("'-' needs a number; a boolean is negated with 'not'", at: span)
            case let .numbers(x, valid, kind, format, levels): return .numbers(x.map { -$0 }, valid: valid, kind: kind, format: format, levels: levels)
            case let .scalar(.number(x)): return .scalar(.number(-x))
            default: throw Diagnostic.error("'-' needs a number", at: span)
            }
        case let .binary(op, lhs, rhs, span):
            return try binary(op, try values(lhs, table), try values(rhs, table), rows: table.rowCount, at: span)
        case let .call(name, arguments, span) where (name == "missing" || name == "present") && arguments.count == 1:
            // missing(t.x) / present(t.x): whether the value is there (comparisons with a
            // missing value are false, so these are the way to speak of missingness).
            let mask: [Bool]
            switch try values(arguments[0], table) {
            case let .numbers(_, valid, _, _, _): mask = valid
            case let .labels(codes, _): mask = codes.map { $0 >= 0 }
            default: throw Diagnostic.error("\(name)() takes a column, such as \(name)(t.deathtime)", at: span)
            }
            let all = [Bool](repeating: true, count: table.rowCount)
            return .truth(name == "present" ? mask : mask.map { !$0 }, known: all)
        case let .call("fixed", arguments, span):
            return .truth(try fixed(arguments, table, at: span), known: [Bool](repeating: true, count: table.rowCount))
        case .list, .number, .string, .bool, .name, .call, .range, .index:
            if RowCondition.columns(in: expr).isEmpty { return .scalar(try evaluateScalar(expr)) }
            throw Diagnostic.error("columns can be compared and combined here, not passed to calls or lists", at: expr.span)
        }
    }

    /// `fixed(t.zip3, t.state)`: rows whose combination of these columns occurs in the real
    /// table (a missing value is a value of its own).
    private func fixed(_ arguments: [Expr], _ table: Table, at span: SourceSpan) throws -> [Bool] {
        guard let reference else {
            throw Diagnostic.error("fixed() needs the real table the model was fitted on in this session", at: span,
                                   hint: "a model loaded from a file, or a private one, does not carry it")
        }
        var names: [String] = []
        for argument in arguments {
            guard case let .member(_, name, columnSpan) = argument else {
                throw Diagnostic.error("fixed() takes columns, such as fixed(t.zip3, t.state)", at: argument.span)
            }
            guard table.index(of: name) != nil, reference.index(of: name) != nil else {
                throw Diagnostic.error("unknown column '\(name)'", at: columnSpan, hint: Suggestion.hint(for: name, in: table.columnNames))
            }
            names.append(name)
        }
        guard names.count >= 2 else { throw Diagnostic.error("fixed() takes at least two columns", at: span) }
        // Column positions are looked up once, not per row; both tables hold every name
        // (checked in the loop above).
        func keys(_ t: Table) -> [String] {
            let positions = names.map { t.index(of: $0)! }
            return (0..<t.rowCount).map { row in
                positions.map { t.cellText(row: row, column: $0) ?? "\u{0}" }.joined(separator: "\u{1F}")
            }
        }
        let seen = Set(keys(reference))
        return keys(table).map(seen.contains)
    }

    private func binary(_ op: BinaryOperator, _ a: RowValues, _ b: RowValues, rows: Int, at span: SourceSpan) throws -> RowValues {
        switch op {
        case .and, .or:
            guard let (x, kx) = truth(a, rows), let (y, ky) = truth(b, rows) else {
                throw Diagnostic.error("'\(op.rawValue)' needs conditions on both sides", at: span)
            }
            // Kleene's logic: false and unknown is false, true or unknown is true.
            var value = [Bool](repeating: false, count: rows), known = value
            for i in 0..<rows {
                let p = kx[i] && x[i], q = ky[i] && y[i]
                if op == .and {
                    value[i] = p && q
                    known[i] = (kx[i] && ky[i]) || (kx[i] && !x[i]) || (ky[i] && !y[i])
                } else {
                    value[i] = p || q
                    known[i] = (kx[i] && ky[i]) || p || q
                }
            }
            return .truth(value, known: known)
        case .add, .subtract, .multiply, .divide, .remainder:
            return try arithmetic(op, a, b, rows: rows, at: span)
        case .in:
            guard case let .scalar(.list(items)) = b else {
                throw Diagnostic.error("'in' needs a list on its right", at: span)
            }
            var mask = [Bool](repeating: false, count: rows)
            var known = [Bool](repeating: true, count: rows)
            for item in items {
                let (equal, decided) = try compare(.equal, a, .scalar(item), rows: rows, at: span)
                for i in 0..<rows {
                    if equal[i] { mask[i] = true }
                    if !decided[i] { known[i] = false }
                }
            }
            return .truth(mask, known: known)
        default:
            let (mask, known) = try compare(op, a, b, rows: rows, at: span)
            return .truth(mask, known: known)
        }
    }

    /// A condition's value and decidedness per row; a boolean column is a condition too.
    private func truth(_ value: RowValues, _ rows: Int) -> ([Bool], [Bool])? {
        switch value {
        case let .truth(mask, known): return (mask, known)
        case let .scalar(.bool(flag)): return ([Bool](repeating: flag, count: rows), [Bool](repeating: true, count: rows))
        case let .numbers(x, valid, .boolean, _, _): return (x.map { $0 == 1 }, valid)
        default: return nil
        }
    }

    /// Numbers per row from a column or a scalar, in the column's units (dates as days).
    private func numbers(_ value: RowValues, like other: RowValues, rows: Int, at span: SourceSpan) throws -> ([Double], [Bool])? {
        switch value {
        case let .numbers(x, valid, _, _, _): return (x, valid)
        case let .scalar(.number(x)): return ([Double](repeating: x, count: rows), [Bool](repeating: true, count: rows))
        case let .scalar(.bool(flag)):
            return ([Double](repeating: flag ? 1 : 0, count: rows), [Bool](repeating: true, count: rows))
        case let .scalar(.string(text)):
            guard case let .numbers(_, _, kind, format, levels) = other else { return nil }
            guard let number = Self.number(text, kind: kind, format: format, levels: levels) else {
                throw Diagnostic.error("\"\(text)\" cannot be compared with the \(kind.rawValue) column", at: span,
                                       hint: kind == .date ? "write dates as \"2012-01-31\"" : nil)
            }
            return ([Double](repeating: number, count: rows), [Bool](repeating: true, count: rows))
        default: return nil
        }
    }

    /// A text compared with a numeric column, in the column's units: a date in days (its own
    /// format first, then the usual ones), a datetime in seconds, a boolean label as 0/1.
    static func number(_ text: String, kind: ColumnKind, format: String?, levels: [String]) -> Double? {
        switch kind {
        case .date, .datetime:
            return DateCodec.value(of: text, kind: kind, format: format)
        case .boolean:
            return levels.firstIndex(of: text).map(Double.init)
        default:
            return Double(text)
        }
    }

    /// The comparison per row and whether it is decided (both sides present).
    private func compare(_ op: BinaryOperator, _ a: RowValues, _ b: RowValues, rows: Int, at span: SourceSpan) throws -> ([Bool], [Bool]) {
        if let (x, xv) = try numbers(a, like: b, rows: rows, at: span), let (y, yv) = try numbers(b, like: a, rows: rows, at: span) {
            let test: (Double, Double) -> Bool
            switch op {
            case .equal: test = { $0 == $1 }
            case .notEqual: test = { $0 != $1 }
            case .less: test = { $0 < $1 }
            case .lessEqual: test = { $0 <= $1 }
            case .greater: test = { $0 > $1 }
            default: test = { $0 >= $1 }
            }
            let known = (0..<rows).map { xv[$0] && yv[$0] }
            return ((0..<rows).map { known[$0] && test(x[$0], y[$0]) }, known)
        }
        guard op == .equal || op == .notEqual else {
            throw Diagnostic.error("'\(op.rawValue)' compares numbers and dates; categories compare with == and !=", at: span)
        }
        try checkLevel(a, against: b, at: span)
        try checkLevel(b, against: a, at: span)
        guard let x = texts(a, rows), let y = texts(b, rows) else {
            throw Diagnostic.error("these two sides cannot be compared", at: span)
        }
        var value = [Bool](repeating: false, count: rows), known = value
        for i in 0..<rows {
            guard let p = x(i), let q = y(i) else { continue }
            known[i] = true
            value[i] = (p == q) == (op == .equal)
        }
        return (value, known)
    }

    /// A text compared with categories must be one of their levels: "" is never a level (a
    /// missing value is written missing(t.x)), and a typo would silently match nothing.
    private func checkLevel(_ text: RowValues, against other: RowValues, at span: SourceSpan) throws {
        guard case let .scalar(.string(level)) = text, case let .labels(_, levels) = other else { return }
        if level.isEmpty {
            throw Diagnostic.error("\"\" is not a value: missing values are tested with missing(t.x) or present(t.x)", at: span)
        }
        if !levels.contains(level) {
            throw Diagnostic.error("no level \"\(level)\" in this column", at: span,
                                   hint: Suggestion.hint(for: level, in: levels) ?? "levels: " + levels.prefix(8).joined(separator: ", "))
        }
    }

    /// Text per row (nil when missing) from categories or a string.
    private func texts(_ value: RowValues, _ rows: Int) -> ((Int) -> String?)? {
        switch value {
        case let .labels(codes, levels): return { codes[$0] >= 0 ? levels[Int(codes[$0])] : nil }
        case let .scalar(.string(text)): return { _ in text }
        case let .scalar(.number(x)): return { _ in NumberFormat.roundTrip(x) }
        default: return nil
        }
    }

    /// Arithmetic per row. Dates count in days: a date minus a date is a whole number of days,
    /// a date plus or minus days is a date (datetimes likewise, their days as fractions).
    private func arithmetic(_ op: BinaryOperator, _ a: RowValues, _ b: RowValues, rows: Int, at span: SourceSpan) throws -> RowValues {
        guard var (x, xv) = try numbers(a, like: b, rows: rows, at: span), var (y, yv) = try numbers(b, like: a, rows: rows, at: span) else {
            throw Diagnostic.error("'\(op.rawValue)' needs numbers or dates on both sides", at: span)
        }
        func info(_ v: RowValues) -> (kind: ColumnKind, format: String?)? {
            if case let .numbers(_, _, kind, format, _) = v { return (kind, format) }
            return nil
        }
        let left = info(a), right = info(b)
        let isTime: (ColumnKind?) -> Bool = { $0 == .date || $0 == .datetime }
        var kind: ColumnKind = .numeric
        var format: String?
        var scale = 1.0
        switch (isTime(left?.kind), isTime(right?.kind)) {
        case (true, true):
            guard op == .subtract else { throw Diagnostic.error("dates can only be subtracted from each other", at: span) }
            // Days between: whole for dates, fractional for datetimes.
            kind = left?.kind == .date && right?.kind == .date ? .integer : .numeric
            scale = left?.kind == .datetime ? 1 / 86400 : 1
            if left?.kind != right?.kind {
                throw Diagnostic.error("subtract a date from a date, or a datetime from a datetime", at: span)
            }
        case (true, false), (false, true):
            guard op == .add || (op == .subtract && isTime(left?.kind)) else {
                throw Diagnostic.error("a date takes a number of days added or subtracted", at: span)
            }
            // isTime(nil) is false, so the side it holds for is a column's.
            let time = isTime(left?.kind) ? left! : right!
            kind = time.kind
            format = time.format
            // Days added to a datetime are seconds in its units.
            if time.kind == .datetime {
                if isTime(left?.kind) { y = y.map { $0 * 86400 } } else { x = x.map { $0 * 86400 } }
            }
        default:
            let whole = left?.kind == .integer || left == nil && x.allSatisfy { $0 == $0.rounded() }
            let wholeRight = right?.kind == .integer || right == nil && y.allSatisfy { $0 == $0.rounded() }
            if whole && wholeRight && [.add, .subtract, .multiply, .remainder].contains(op), left != nil || right != nil {
                kind = .integer
            }
        }
        let result: [Double] = (0..<rows).map { i in
            switch op {
            case .add: return x[i] + y[i]
            case .subtract: return (x[i] - y[i]) * scale
            case .multiply: return x[i] * y[i]
            case .divide: return y[i] == 0 ? .nan : x[i] / y[i]
            default: return y[i] == 0 ? .nan : x[i].truncatingRemainder(dividingBy: y[i])
            }
        }
        // A result no column can hold is missing: an infinite one, or a date or datetime beyond
        // ±2^53 (days or seconds) from 1970. A whole number that wide is a number, not an integer.
        let limit = kind == .date || kind == .datetime ? ColumnKind.wholeMagnitude : .greatestFiniteMagnitude
        xv = (0..<rows).map { xv[$0] && yv[$0] && abs(result[$0]) <= limit }
        yv = []
        if kind == .integer, result.indices.contains(where: { xv[$0] && abs(result[$0]) > ColumnKind.wholeMagnitude }) {
            kind = .numeric
        }
        return .numbers(xv.indices.map { xv[$0] ? result[$0] : .nan }, valid: xv, kind: kind, format: format, levels: [])
    }
}

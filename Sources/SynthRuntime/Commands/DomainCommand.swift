// domain: declare the values a column may take, so a private fit never reads them from the data.

import SynthCore
import SynthData
import SynthLang
import SynthModels

enum DomainCommand: CommandRunner {
    static let name = "domain"
    /// Bins of a range when bins= is not given.
    static let defaultBins = 32
    /// The same limits a model file is held to, so what `domain` accepts a saved model can hold.
    static let maximumBins = ModelLimits.maximumBins
    static let maximumLevels = ModelLimits.maximumLevels

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let columnExpr = arguments.expression("column") else {
            throw Diagnostic.error("missing argument <table.column>", at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        var target = try TableLookup.column(columnExpr, arguments: arguments, context: context, scope: scope)
        let column = target.column
        if !column.isModellable {
            throw Diagnostic.error("'\(column.name)' is \(column.kind == .text ? "free text" : "an identifier") and never reaches a model; it needs no domain",
                                   at: target.span)
        }
        let allowsMissing = try arguments.boolOption("missing") ?? false
        // Every option is checked before a private estimate runs: after it, nothing may fail.
        var decimals: Int? = column.kind == .numeric ? 2 : nil
        if let places = try arguments.integerOption("decimals", range: 0...12) {
            guard column.kind == .numeric else {
                throw Diagnostic.error("decimals= applies to numeric columns; '\(column.name)' is \(column.kind.rawValue)",
                                       at: arguments.optionSpan("decimals"))
            }
            decimals = places
        }
        var domain: ColumnDomain
        if let valuesExpr = arguments.expression("values") {
            if arguments.optionExpr("epsilon") != nil {
                throw Diagnostic.error("epsilon= estimates bounds that are not declared; declare them or estimate them, not both",
                                       at: arguments.optionSpan("epsilon"))
            }
            domain = try declared(valuesExpr, column: column, arguments: arguments, missing: allowsMissing)
            // What a fit and a model file accept, such as a range of whole numbers too wide for its bins.
            if let problem = domain.problem(kind: column.kind) {
                throw Diagnostic.error("the domain of '\(column.name)' \(problem)", at: valuesExpr.span,
                                       hint: "declare fewer bins or a narrower range")
            }
        } else if arguments.optionExpr("epsilon") != nil {
            domain = try estimated(column, arguments: arguments, context: context, missing: allowsMissing)
        } else if column.kind == .boolean {
            domain = ColumnDomain.boolean(labels: column.levels)
            domain.allowsMissing = allowsMissing
        } else {
            throw Diagnostic.error("domain needs the column's values: a range (0..120) or a list of levels", at: context.call.verbSpan,
                                   hint: "or epsilon= to estimate numeric bounds under DP; see help domain")
        }
        domain.decimals = decimals
        target.column.domain = domain
        context.interpreter.assign(target.variable, .table(target.table), in: &scope)
        context.sink.output("\(target.label): domain \(domain.summary(kind: column.kind, format: column.format))\n")
        return .nothing
    }

    /// A domain from a written range or list of levels.
    private static func declared(_ expr: Expr, column: Column, arguments: CommandArguments, missing: Bool) throws -> ColumnDomain {
        if case let .range(lowExpr, highExpr, span) = expr {
            guard column.kind.isNumeric, column.kind != .boolean else {
                throw Diagnostic.error("'\(column.name)' is \(column.kind.rawValue): declare its levels as a list, such as [\"a\", \"b\"]",
                                       at: span)
            }
            if arguments.optionExpr("other") != nil {
                throw Diagnostic.error("other= applies to a list of levels", at: arguments.optionSpan("other"))
            }
            let low = try bound(lowExpr, column: column, arguments: arguments)
            let high = try bound(highExpr, column: column, arguments: arguments)
            guard low < high else {
                throw Diagnostic.error("the range must go from low to high", at: span)
            }
            if let breaksExpr = arguments.optionExpr("breaks") {
                let breaks = try cutPoints(breaksExpr, low: low, high: high, column: column, arguments: arguments)
                return ColumnDomain(values: .bins(lower: low, upper: high, count: breaks.count + 1), breaks: breaks,
                                    allowsMissing: missing)
            }
            let bins = try binCount(low: low, high: high, column: column, arguments: arguments)
            return ColumnDomain(values: .bins(lower: low, upper: high, count: bins), allowsMissing: missing)
        }
        guard case let .list(items, span) = expr else {
            throw Diagnostic.error("domain needs a range (0..120) or a list of levels ([\"F\", \"M\"])", at: expr.span)
        }
        let numericLevels = column.kind == .integer || column.kind == .numeric
        guard column.kind.isCoded || column.kind == .boolean || numericLevels else {
            throw Diagnostic.error("'\(column.name)' is \(column.kind.rawValue): declare a range such as 0..120", at: span)
        }
        for option in ["bins", "breaks"] where arguments.optionExpr(option) != nil {
            throw Diagnostic.error("\(option)= applies to a range", at: arguments.optionSpan(option))
        }
        var levels: [String] = []
        var seen: Set<String> = []
        for item in items {
            let value = try arguments.interpreter.evaluate(item, in: arguments.scope)
            let level: String
            switch value {
            case let .string(text): level = text
            case let .number(x): level = NumberFormat.roundTrip(x)
            case let .bool(b) where column.kind == .boolean: level = b ? "true" : "false"
            default: throw Diagnostic.error("levels are strings, got \(value.typeName)", at: item.span)
            }
            if numericLevels, !(Double(level).map { ModelLimits.holds($0, kind: column.kind) } ?? false) {
                throw Diagnostic.error("'\(column.name)' is \(column.kind.rawValue): its levels are numbers, got \"\(level)\"", at: item.span)
            }
            guard seen.insert(level).inserted else {
                throw Diagnostic.error("level \"\(level)\" is declared twice", at: item.span)
            }
            levels.append(level)
        }
        guard !levels.isEmpty else { throw Diagnostic.error("a domain needs at least one level", at: span) }
        guard levels.count <= maximumLevels else {
            throw Diagnostic.error("at most \(maximumLevels) levels", at: span)
        }
        if column.kind == .boolean {
            guard levels.count == 2 else {
                throw Diagnostic.error("a boolean's domain is its two values, false then true", at: span)
            }
        }
        let other = try arguments.stringOption("other")
        if let other, !levels.contains(other) {
            throw Diagnostic.error("other= must be one of the declared levels, got \"\(other)\"", at: arguments.optionSpan("other"),
                                   hint: Suggestion.hint(for: other, in: levels))
        }
        return ColumnDomain(values: .levels(levels), other: other, allowsMissing: missing)
    }

    /// Bounds estimated under DP, spending epsilon= from the budget. The spend is recorded as
    /// soon as the mechanism has run, and nothing after it can fail: the bounds are on
    /// PrivateBounds' grid (within ±5e9), so the domain is one `problem(kind:)` accepts.
    private static func estimated(_ column: Column, arguments: CommandArguments, context: CommandContext,
                                  missing: Bool) throws -> ColumnDomain {
        // run() comes here only when epsilon= is written.
        let epsilonExpr = arguments.optionExpr("epsilon")!
        guard column.kind.isNumeric, column.kind != .boolean else {
            throw Diagnostic.error("only numeric bounds can be estimated; '\(column.name)' is \(column.kind.rawValue): declare its levels",
                                   at: epsilonExpr.span)
        }
        if let breaks = arguments.optionExpr("breaks") {
            throw Diagnostic.error("breaks= needs declared bounds; with estimated bounds use bins=", at: breaks.span)
        }
        let requestedBins = try arguments.integerOption("bins", range: 1...maximumBins)
        // Written (above), so the option is a positive number or has thrown.
        let epsilon = try arguments.positiveNumberOption("epsilon")!
        let rho = try context.session.price(epsilon: epsilon, for: "epsilon=", at: epsilonExpr.span)
        let values = zip(column.numbers, column.valid).compactMap { $1 ? $0 : nil }
        var rng = SeededRNG(seed: context.session.privateMechanismSeed())
        let whole = DomainEncoder.isWhole(column.kind)
        var (low, high) = PrivateBounds.estimate(values, rho: rho, integer: whole, rng: &rng)
        context.session.recordSpend("domain \(arguments.call.arguments.first.map(ExprPrinter.render) ?? column.name) (bounds)",
                                    epsilon: epsilon, rho: rho, writtenAt: context.call.verbSpan)
        if column.kind == .date || column.kind == .datetime || whole { (low, high) = (low.rounded(.down), high.rounded(.up)) }
        if high <= low { high = low + 1 }
        // The bins fit the estimated range (a whole-number range may hold fewer numbers than asked).
        let span = whole ? Int(min(high - low + 1, 1e9)) : Int.max
        let bins = max(1, min(requestedBins ?? defaultBins, span))
        return ColumnDomain(values: .bins(lower: low, upper: high, count: bins), allowsMissing: missing,
                            source: .estimated(epsilon: epsilon))
    }

    /// A range bound: a number, or for date and datetime columns a date written as text.
    private static func bound(_ expr: Expr, column: Column, arguments: CommandArguments) throws -> Double {
        let value = try arguments.interpreter.evaluate(expr, in: arguments.scope)
        switch value {
        case let .number(x) where x.isFinite:
            guard ModelLimits.holds(x, kind: column.kind) else {
                throw Diagnostic.error("a bound of '\(column.name)' must be at most \(NumberFormat.compact(ModelLimits.magnitude(column.kind))) "
                                       + "in size for a \(column.kind.rawValue) column, got \(NumberFormat.compact(x))", at: expr.span)
            }
            return x
        case let .string(text) where column.kind == .date || column.kind == .datetime:
            if let value = DateCodec.value(of: text, kind: column.kind, format: column.format) { return value }
            throw Diagnostic.error("\"\(text)\" is not a date in \(column.format ?? "yyyy-MM-dd")", at: expr.span)
        default:
            let wanted = column.kind == .date || column.kind == .datetime ? "a date such as \"2001-01-31\"" : "a number"
            throw Diagnostic.error("a bound of '\(column.name)' must be \(wanted), got \(value.typeName)", at: expr.span)
        }
    }

    /// The breaks= cut points: numbers (or dates) strictly inside the range, ascending.
    private static func cutPoints(_ expr: Expr, low: Double, high: Double, column: Column, arguments: CommandArguments) throws -> [Double] {
        if arguments.optionExpr("bins") != nil {
            throw Diagnostic.error("bins= and breaks= both set the bins; keep one", at: arguments.optionSpan("bins"))
        }
        guard case let .list(items, span) = expr, !items.isEmpty else {
            throw Diagnostic.error("breaks= needs a list of cut points, such as [1, 5000]", at: expr.span)
        }
        var cuts: [Double] = []
        for item in items {
            let value = try bound(item, column: column, arguments: arguments)
            guard value > low, value < high else {
                throw Diagnostic.error("a break must lie inside the range", at: item.span)
            }
            guard value > (cuts.last ?? low) else {
                throw Diagnostic.error("breaks must be in increasing order", at: item.span)
            }
            cuts.append(value)
        }
        guard cuts.count < maximumBins else { throw Diagnostic.error("at most \(maximumBins) bins", at: span) }
        return cuts
    }

    private static func binCount(low: Double, high: Double, column: Column, arguments: CommandArguments) throws -> Int {
        let whole = DomainEncoder.isWhole(column.kind)
        let span = whole ? Int(min(high.rounded(.down) - low.rounded(.up) + 1, 1e9)) : Int.max
        if span < 1 {
            throw Diagnostic.error("the range holds no whole number, and '\(column.name)' is \(column.kind.rawValue)",
                                   at: arguments.expression("values")?.span ?? arguments.call.verbSpan)
        }
        if let bins = try arguments.integerOption("bins", range: 1...maximumBins) {
            if whole, bins > span {
                throw Diagnostic.error("bins= is more than the \(span) whole numbers in the range", at: arguments.optionSpan("bins"))
            }
            return bins
        }
        return whole ? max(1, min(span, defaultBins)) : defaultBins
    }
}

// generalize: coarsen a column in place, a code to its first characters or a date to its year or month.

import SynthCore
import SynthData
import SynthLang

enum GeneralizeCommand: CommandRunner {
    static let name = "generalize"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let columnExpr = arguments.expression("column") else {
            throw Diagnostic.error("missing argument <table.column>", at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        if case let .name(variable, span) = columnExpr {
            return try generalizeDates(variable, at: span, context: context, scope: &scope)
        }
        var target = try TableLookup.column(columnExpr, arguments: arguments, context: context, scope: scope)
        let column = target.column
        let label = target.label
        let before = column.distinctCount

        let generalized: Column
        let summary: String
        switch (arguments.optionExpr("prefix"), arguments.optionExpr("to")) {
        case (nil, nil):
            throw Diagnostic.error(CheckMessage.generalizeNeedsOne, at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        case let (_?, to?):
            throw Diagnostic.error(CheckMessage.generalizeNeedsOne, at: context.call.option("to")?.nameSpan ?? to.span)
        case let (prefixExpr?, nil):
            guard column.acceptsPrefix else {
                let dates = column.kind == .date || column.kind == .datetime
                throw Diagnostic.error("prefix= keeps the first characters of codes; '\(column.name)' is \(column.kind.rawValue)",
                                       at: prefixExpr.span,
                                       hint: dates ? "for dates use to=year or to=month" : "topcode caps numbers")
            }
            // prefix= is written (this case), so it is a whole number in range or has thrown.
            let length = try arguments.integerOption("prefix", range: 1...1000)!
            let width = try arguments.integerOption("width", range: 1...100)
            var (result, padded) = column.prefixed(length, width: width)
            if let restricted = try arguments.stringListOption("restricted") {
                result = result.replacingLevels(Set(restricted), with: String(repeating: "0", count: length))
            }
            generalized = result
            let padding = padded.map { " (digits padded with zeros to \($0))" } ?? ""
            summary = "first \(Plural.count(length, "character")) kept\(padding): "
                + "\(Plural.count(before, "distinct value")) became \(Plural.count(result.levels.count, "level"))"
        case let (nil, toExpr?):
            guard column.kind == .date || column.kind == .datetime else {
                throw Diagnostic.error("to= applies to date and datetime columns; '\(column.name)' is \(column.kind.rawValue)",
                                       at: toExpr.span, hint: column.acceptsPrefix ? "for codes use prefix=" : nil)
            }
            for option in ["width", "restricted"] {
                if let expr = arguments.optionExpr(option) {
                    throw Diagnostic.error("\(option)= applies with prefix=", at: expr.span)
                }
            }
            guard let unit = DateUnit(rawValue: try arguments.wordOption("to") ?? "") else {
                throw Diagnostic.error("to= must be year or month", at: toExpr.span)
            }
            generalized = column.truncatedDates(to: unit)
            summary = "dates kept to the \(unit.rawValue) (written \(unit.format)): "
                + "\(Plural.count(before, "distinct value")) became \(Plural.count(generalized.distinctCount, unit.rawValue))"
        }

        let clearsDomain = column.domain != nil
        var updated = generalized
        updated.domain = nil
        // A full date of birth cut to its year or month is no longer a direct identifier.
        let requalified = column.role == .identifier && (column.kind == .date || column.kind == .datetime)
            && target.table.identifierFindings.contains { $0.column == column.name }
        if requalified { updated.role = .quasi }
        target.column = updated
        // The values are no longer what load found (a 5-digit zip, a full date of birth).
        target.table.identifierFindings.removeAll { $0.column == column.name }
        context.interpreter.assign(target.variable, .table(target.table), in: &scope)
        context.sink.output("\(label): \(summary)\(clearsDomain ? "; its declared domain is cleared" : "")\n")
        if requalified {
            context.sink.output("\(label) is no longer a full date of birth: role quasi, modelled\n")
        } else if column.role == .identifier {
            context.sink.output("\(label) still has the role identifier and never reaches a model; `role \(label) quasi` models it\n")
        }
        return .nothing
    }

    /// `generalize t to=year|month`: every date and datetime column of the table.
    private static func generalizeDates(_ variable: String, at span: SourceSpan, context: CommandContext,
                                        scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let toExpr = arguments.optionExpr("to") else {
            throw Diagnostic.error("with a whole table, generalize takes to=year or to=month (dates); prefix= needs a column",
                                   at: arguments.optionExpr("prefix")?.span ?? span)
        }
        guard let unit = DateUnit(rawValue: try arguments.wordOption("to") ?? "") else {
            throw Diagnostic.error("to= must be year or month", at: toExpr.span)
        }
        var table = try TableLookup.table(variable, at: span, context: context, scope: scope)
        var changed: [String] = []
        var requalified: [String] = []
        for (index, column) in table.table.columns.enumerated() where column.kind == .date || column.kind == .datetime {
            var updated = column.truncatedDates(to: unit)
            updated.domain = nil
            // A date flagged as a full date of birth is no longer one: model it as a quasi-identifier.
            if column.role == .identifier, table.identifierFindings.contains(where: { $0.column == column.name }) {
                updated.role = .quasi
                requalified.append(column.name)
            }
            table.table.columns[index] = updated
            table.identifierFindings.removeAll { $0.column == column.name }
            changed.append(column.name)
        }
        context.interpreter.assign(variable, .table(table), in: &scope)
        context.sink.output(changed.isEmpty ? "\(variable): no date or datetime column\n"
            : "\(variable): dates kept to the \(unit.rawValue) in " + changed.joined(separator: ", ") + "\n")
        if !requalified.isEmpty {
            context.sink.output("\(variable): " + requalified.joined(separator: ", ")
                + " no longer a full date of birth: role quasi, modelled\n")
        }
        return .nothing
    }
}

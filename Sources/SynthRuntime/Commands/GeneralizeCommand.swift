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
        let reference = try arguments.columnReference(columnExpr)
        var table = try TableLookup.table(reference.variable, at: columnExpr.span, context: context, scope: scope)
        let index = try TableLookup.columnIndex(reference.column, in: table.table, at: reference.span)
        let column = table.table.columns[index]
        let label = "\(reference.variable).\(reference.column)"
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
            let length = try arguments.integerOption("prefix", range: 1...1000)!
            let width = try arguments.integerOption("width", range: 1...100)
            let (result, padded) = column.prefixed(length, width: width)
            generalized = result
            let padding = padded.map { " (digits padded with zeros to \($0))" } ?? ""
            summary = "first \(Plural.count(length, "character")) kept\(padding): "
                + "\(Plural.count(before, "distinct value")) became \(Plural.count(result.levels.count, "level"))"
        case let (nil, toExpr?):
            guard column.kind == .date || column.kind == .datetime else {
                throw Diagnostic.error("to= applies to date and datetime columns; '\(column.name)' is \(column.kind.rawValue)",
                                       at: toExpr.span, hint: column.acceptsPrefix ? "for codes use prefix=" : nil)
            }
            if let width = arguments.optionExpr("width") {
                throw Diagnostic.error("width= applies with prefix=", at: width.span)
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
        table.table.columns[index] = updated
        // The values are no longer what load found (a 5-digit zip, a full date of birth).
        table.identifierFindings.removeAll { $0.column == column.name }
        context.interpreter.assign(reference.variable, .table(table), in: &scope)
        context.sink.output("\(label): \(summary)\(clearsDomain ? "; its declared domain is cleared" : "")\n")
        if column.role == .identifier {
            context.sink.output("\(label) still has the role identifier and never reaches a model; `role \(label) quasi` models it\n")
        }
        return .nothing
    }
}

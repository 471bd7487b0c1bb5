// topcode: cap a numeric column in place, as Safe Harbor aggregates ages over 89.

import SynthCore
import SynthData
import SynthLang

enum TopcodeCommand: CommandRunner {
    static let name = "topcode"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let columnExpr = arguments.expression("column") else {
            throw Diagnostic.error("missing argument <table.column>", at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        var target = try TableLookup.column(columnExpr, arguments: arguments, context: context, scope: scope)
        let column = target.column
        guard column.kind == .numeric || column.kind == .integer else {
            throw Diagnostic.error("topcode caps numbers; '\(column.name)' is \(column.kind.rawValue)", at: target.span,
                                   hint: column.kind.isCoded ? "suppress merges rare categories" : nil)
        }
        guard let cap = try arguments.numberOption("at") else {
            throw Diagnostic.error(CheckMessage.missingOption(name, "at=<number>"), at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        let floor = try arguments.numberOption("bottom")
        if column.kind == .integer {
            for (option, value) in [("at", cap), ("bottom", floor)] {
                if let value, value != value.rounded() {
                    throw Diagnostic.error("'\(column.name)' holds whole numbers, so \(option)= must be one, got \(NumberFormat.compact(value))",
                                           at: arguments.optionSpan(option))
                }
                // An integer column holds whole numbers exactly, so within ±2^53.
                if let value, abs(value) > ColumnKind.wholeMagnitude {
                    throw Diagnostic.error("'\(column.name)' holds whole numbers up to 2^53 = 9007199254740992 in size, "
                                           + "so \(option)= must be one, got \(NumberFormat.compact(value))",
                                           at: arguments.optionSpan(option))
                }
            }
        }
        if let floor, floor >= cap {
            throw Diagnostic.error("bottom= must be below at= (\(NumberFormat.compact(cap)))", at: arguments.optionSpan("bottom"))
        }

        let (result, capped, raised) = column.topcoded(at: cap, bottom: floor)
        target.column = result
        context.interpreter.assign(target.variable, .table(target.table), in: &scope)
        let top = NumberFormat.compact(cap)
        var line = capped == 0 ? "no value above \(top)" : "\(Plural.count(capped, "value")) above \(top) set to \(top)"
        if let floor {
            let low = NumberFormat.compact(floor)
            line += raised == 0 ? ", none below \(low)" : ", \(Plural.count(raised, "value")) below \(low) set to \(low)"
        }
        context.sink.output("\(target.label): \(line)\n")
        return .nothing
    }
}

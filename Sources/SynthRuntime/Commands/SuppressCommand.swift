// suppress: small-cell suppression in place, rare categories merged so no level is under a count.

import SynthCore
import SynthData
import SynthLang

enum SuppressCommand: CommandRunner {
    static let name = "suppress"
    static let defaultOther = "other"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        guard let targetExpr = arguments.expression("table") else {
            throw Diagnostic.error("missing argument <table>", at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        // A variable or one of its columns: the table is changed in place, so it must be named.
        let variable: String
        var columnName: String?
        var columnSpan = targetExpr.span
        switch targetExpr {
        case let .name(name, _):
            variable = name
        case .member:
            let reference = try arguments.columnReference(targetExpr)
            (variable, columnName, columnSpan) = (reference.variable, reference.column, reference.span)
        default:
            throw Diagnostic.error("suppress changes a table variable in place: name the table or one of its columns",
                                   at: targetExpr.span)
        }
        var table = try TableLookup.table(variable, at: targetExpr.span, context: context, scope: scope)
        guard let minCount = try arguments.integerOption("min_count", range: 1...1_000_000_000) else {
            throw Diagnostic.error(CheckMessage.missingOption(name, "min_count=<integer>"), at: context.call.verbSpan,
                                   hint: "usage: \(arguments.signature.usage)")
        }
        let other = try arguments.stringOption("other") ?? defaultOther
        if other.isEmpty {
            throw Diagnostic.error("other= needs a level name", at: arguments.optionSpan("other"))
        }

        let indices: [Int]
        if let columnName {
            let index = try TableLookup.columnIndex(columnName, in: table.table, at: columnSpan)
            var column = table.table.columns[index]
            if column.kind == .integer, Set(zip(column.numbers, column.valid).compactMap { $1 ? $0 : nil }).count <= 20 {
                // Codes stored as whole numbers (stage 1-4, at most 20 values) named on their own:
                // treat them as the categories they are, so their small cells can be merged.
                let original = column
                column = Column.coded(column.name, zip(column.numbers, column.valid).map { $1 ? NumberFormat.roundTrip($0) : nil })
                    .withRole(original.role)
                // A declared list of codes still describes the categories; a range no longer does.
                var cleared = false
                if case .levels? = original.domain?.values { column.domain = original.domain } else { cleared = original.domain != nil }
                table.table.columns[index] = column
                context.sink.output("\(variable).\(column.name): whole-number codes read as categories"
                    + (cleared ? "; its declared domain is cleared" : "") + "\n")
            }
            guard column.kind == .categorical else {
                throw Diagnostic.error("suppress merges the levels of categorical columns; '\(column.name)' is \(column.kind.rawValue)",
                                       at: columnSpan, hint: column.kind == .integer ? "topcode caps numbers" : nil)
            }
            indices = [index]
        } else {
            indices = table.table.columns.indices.filter {
                table.table.columns[$0].kind == .categorical && table.table.columns[$0].role != .identifier
            }
        }

        var lines: [String] = []
        for index in indices {
            let column = table.table.columns[index]
            var result = column.suppressingRareLevels(minCount: minCount, other: other)
            guard !result.levels.isEmpty else {
                table.table.columns[index] = result.column
                continue
            }
            let domainNote = column.domain == nil ? "" : "; its declared domain is cleared"
            result.column.domain = nil
            table.table.columns[index] = result.column
            let rare = "\(Plural.count(result.levels.count, "level")) under \(minCount)"
            let rows = Plural.count(result.rows, "row")
            let what = result.toMissing
                ? "\(rare) set to missing (\(rows), together still under \(minCount))"
                : "\(rare) merged into \"\(other)\" (\(rows))"
            lines.append("\(variable).\(column.name): \(what)\(domainNote)\n")
        }
        context.interpreter.assign(variable, .table(table), in: &scope)
        if lines.isEmpty {
            let target = columnName.map { "\(variable).\($0): no level" } ?? "\(variable): no categorical level"
            lines.append("\(target) under \(minCount)\n")
        }
        for line in lines { context.sink.output(line) }
        return .nothing
    }
}

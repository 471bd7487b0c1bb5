// export: write a synthetic table (CSV), a model (JSON) or a report (JSON); never a real table.

import Foundation
import SynthCore
import SynthData
import SynthEval
import SynthModels

enum ExportCommand: CommandRunner {
    static let name = "export"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let value = try arguments.value("value")
        let path = try arguments.string("file")
        let pathSpan = arguments.argumentSpan("file")
        let valueSpan = arguments.argumentSpan("value")
        let session = context.session
        switch value {
        case let .table(table):
            guard table.isSynthetic else {
                throw Diagnostic.error("refusing to export '\(table.table.name)': it holds real rows, and only synthetic data leaves synth",
                                       at: valueSpan, hint: "fit a model and export a sample of it")
            }
            guard !path.hasSuffix(".json") else {
                throw Diagnostic.error("tables are exported as CSV; use a .csv file name", at: pathSpan)
            }
            let notes = try OutputFile.write(table.table, to: path, at: pathSpan, session: session)
            let size = "\(Plural.count(table.table.rowCount, "row")) x \(Plural.count(table.table.columns.count, "column"))"
            context.sink.output(OutputFile.wrote(path, size, notes: notes))
        case let .model(model):
            try OutputFile.refuseInput(path, at: pathSpan, session: session)
            if model.model.containsRealValues {
                context.sink.diagnostic("warning: \(path) will contain values observed in the real data: \(model.model.disclosureNote)\n")
            }
            let bytes: [UInt8]
            do { bytes = try ModelFile.encode(model.model) } catch let error as ModelError {
                throw Diagnostic.error(error.description, at: valueSpan)
            }
            let notes = try OutputFile.write(bytes, to: path, at: pathSpan, session: session)
            context.sink.output(OutputFile.wrote(path, "\(model.model.method) model, format version \(ModelFile.formatVersion)", notes: notes))
        case let .comparison(report):
            let notes = try OutputFile.write(try ReportJSON.encode(report), to: path, at: pathSpan, session: session)
            context.sink.output(OutputFile.wrote(path, "comparison report", notes: notes))
        default:
            throw Diagnostic.error("export takes a table, a model or a report, got \(value.typeName)", at: valueSpan)
        }
        return .nothing
    }
}

/// Stable JSON for comparison reports (sorted keys, pretty printed).
enum ReportJSON {
    static func encode(_ report: ComparisonReport) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        // A score over nothing (e.g. pair trends of a one-column table) is NaN.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "NaN")
        return Array(try encoder.encode(report)) + [UInt8(ascii: "\n")]
    }
}

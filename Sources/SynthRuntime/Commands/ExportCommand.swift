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
        let pathSpan = arguments.expression("file")!.span
        let valueSpan = arguments.expression("value")!.span
        do {
            switch value {
            case let .table(table):
                guard table.isSynthetic else {
                    throw Diagnostic.error("refusing to export '\(table.table.name)': it holds real rows, and only synthetic data leaves synth",
                                           at: valueSpan, hint: "fit a model and export a sample of it")
                }
                guard !path.hasSuffix(".json") else {
                    throw Diagnostic.error("tables are exported as CSV; use a .csv file name", at: pathSpan)
                }
                try CSVWriter.write(table.table, to: path)
                context.sink.output("wrote \(path) (\(Plural.count(table.table.rowCount, "row")) x \(Plural.count(table.table.columns.count, "column")))\n")
            case let .model(model):
                if model.model.containsRealValues {
                    context.sink.diagnostic("warning: \(path) will contain values observed in the real data: \(model.model.disclosureNote)\n")
                }
                try AtomicFile.write(try ModelFile.encode(model.model), to: path)
                context.sink.output("wrote \(path) (\(model.model.method) model, format version \(ModelFile.formatVersion))\n")
            case let .comparison(report):
                try AtomicFile.write(try ReportJSON.encode(report), to: path)
                context.sink.output("wrote \(path) (comparison report)\n")
            default:
                throw Diagnostic.error("export takes a table, a model or a report, got \(value.typeName)", at: valueSpan)
            }
        } catch let error as DataError {
            throw Diagnostic.error(error.description, at: pathSpan)
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

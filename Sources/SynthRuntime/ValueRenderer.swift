// ValueRenderer: the text of a value shown as a REPL cell or by `print`.

import SynthCore
import SynthReport

enum ValueRenderer {
    static func render(_ value: Value) -> String {
        switch value {
        case let .number(x): return NumberFormat.compact(x, significant: 6)
        case let .string(text): return text
        case let .bool(flag): return flag ? "true" : "false"
        case let .list(items): return "[" + items.map(renderNested).joined(separator: ", ") + "]"
        case let .table(table):
            let kind = table.isSynthetic ? "synthetic" : "real"
            return TableRenderer.headline(table.table) + " (\(kind))\n  columns: " + table.table.columnNames.joined(separator: ", ")
        case let .model(model): return ModelRenderer.headline(model.model, name: "model")
        case let .comparison(report):
            return "report: \(report.syntheticName) vs \(report.realName), overall quality "
                + NumberFormat.fixed(report.quality.overall, digits: 3)
        case .nothing: return "nothing"
        }
    }

    private static func renderNested(_ value: Value) -> String {
        if case let .string(text) = value { return "\"\(text)\"" }
        return render(value)
    }
}

extension Interpreter {
    /// Shows the value of a bare expression as a cell.
    func show(_ value: Value) {
        if case .nothing = value { return }
        if case let .comparison(report) = value {
            sink.output(CompareRenderer.render(report, details: false))
            return
        }
        sink.output(ValueRenderer.render(value) + "\n")
    }
}

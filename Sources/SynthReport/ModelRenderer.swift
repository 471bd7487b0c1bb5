// ModelRenderer: what a fitted model is and what real information it holds.

import SynthCore
import SynthData
import SynthModels

public enum ModelRenderer {
    /// "model: copula fitted on 303 rows, 14 columns modelled (not differentially private)"
    public static func headline(_ model: any SynthModel, name: String) -> String {
        let modelled = model.modelledColumns.count
        if let mst = model as? MSTModel {
            let guarantee = "epsilon \(PrivacyLedger.formatted(mst.epsilon)), delta \(PrivacyLedger.formatted(mst.delta))"
            return "\(name): \(model.method) model of about \(Plural.count(model.trainingRows, "row")) (a noisy count), \(modelled) of \(Plural.count(model.schema.count, "column")) modelled (differentially private: \(guarantee))"
        }
        let privacy = model.isDifferentiallyPrivate ? "differentially private" : "not differentially private"
        return "\(name): \(model.method) model of \(Plural.count(model.trainingRows, "row")), \(modelled) of \(Plural.count(model.schema.count, "column")) modelled (\(privacy))"
    }

    /// The rows a fit left out, as `describe model` shows them in the session that fitted it.
    public static func leftOutNote(_ leftOut: RowsLeftOut) -> String {
        guard let summary = leftOut.summary else { return "  rows left out of the fit: none\n" }
        return "  \(summary) (an exact count from the real data: shown here, not in the model file)\n"
    }

    /// The `describe model` cell.
    public static func render(_ model: any SynthModel, name: String) -> String {
        var out = headline(model, name: name) + "\n"
        var grid = TextTable(headers: ["column", "kind", "role", "in model"])
        let order = model.modelledColumns
        for column in model.schema {
            let isIdentifier = column.isIdentifier
            let note: String
            if let mst = model as? MSTModel, let position = order.firstIndex(of: column.name) {
                note = "yes (domain \(mst.domains[position].summary(kind: column.kind, format: column.format)))"
            } else if let position = order.firstIndex(of: column.name) {
                note = "yes (drawn \(position + 1) of \(order.count))"
            } else if isIdentifier {
                note = "no (identifier: regenerated or dropped)"
            } else if column.kind == .text {
                note = "no (free text)"
            } else {
                note = "no (left out of visit=)"
            }
            grid.add([column.name, column.kind.rawValue, column.role == .attribute ? "-" : column.role.rawValue, note])
        }
        out += grid.render()
        out += "  holds: \(model.disclosureNote)\n"
        out += "  contains real values: \(model.containsRealValues ? "yes" : "no")\n"
        if let mst = model as? MSTModel {
            let names = mst.result.edges.map { "\(mst.columns[$0[0]])-\(mst.columns[$0[1]])" }
            if !names.isEmpty { out += "  tree: " + names.joined(separator: ", ") + "\n" }
        }
        return out
    }
}

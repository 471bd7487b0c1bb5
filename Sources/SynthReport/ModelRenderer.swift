// ModelRenderer: what a fitted model is and what real information it holds.

import SynthCore
import SynthData
import SynthModels

public enum ModelRenderer {
    /// "model: copula fitted on 303 rows, 14 columns modelled (not differentially private)"
    public static func headline(_ model: any SynthModel, name: String) -> String {
        let modelled = model.schema.filter { $0.role != .identifier && $0.kind != .identifier && $0.kind != .text }.count
        let privacy = model.isDifferentiallyPrivate ? "differentially private" : "not differentially private"
        return "\(name): \(model.method) model of \(Plural.count(model.trainingRows, "row")), \(modelled) of \(Plural.count(model.schema.count, "column")) modelled (\(privacy))"
    }

    /// The `describe model` cell.
    public static func render(_ model: any SynthModel, name: String) -> String {
        var out = headline(model, name: name) + "\n"
        var grid = TextTable(headers: ["column", "kind", "role", "in model"])
        for column in model.schema {
            let modelled = column.role != .identifier && column.kind != .identifier && column.kind != .text
            let note = modelled ? "yes" : (column.role == .identifier || column.kind == .identifier ? "no (identifier: regenerated or dropped)" : "no (free text)")
            grid.add([column.name, column.kind.rawValue, column.role == .attribute ? "-" : column.role.rawValue, note])
        }
        out += grid.render()
        out += "  holds: \(model.disclosureNote)\n"
        out += "  contains real values: \(model.containsRealValues ? "yes" : "no")\n"
        return out
    }
}

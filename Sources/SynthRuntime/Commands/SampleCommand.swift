// sample: draw synthetic rows from a model; copies of training rows are removed and counted.

import SynthCore
import SynthData
import SynthEval
import SynthModels
import SynthReport

enum SampleCommand: CommandRunner {
    static let name = "sample"
    /// Refuse absurd requests before allocating (100 million rows).
    static let maximumRows = 100_000_000

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let model = try arguments.model("model")
        let rows = try arguments.integerOption("rows", range: 1...maximumRows) ?? model.model.trainingRows
        let rng: SeededRNG
        if let seed = try arguments.integerOption("seed", range: 0...Int.max) {
            rng = SeededRNG(seed: UInt64(seed))
        } else {
            rng = context.session.nextStream()
        }
        let removeReplicates = (try arguments.wordOption("replicates") ?? "remove") == "remove"
        context.sink.progress("sampling \(rows) rows...\n")
        var table: Table
        do {
            table = try model.model.sample(rows: rows, rng: rng)
        } catch let error as ModelError {
            throw Diagnostic.error(error.description, at: context.call.verbSpan)
        }
        table.name = context.boundName ?? "synthetic"
        var note: String
        if let training = model.training {
            if removeReplicates {
                let result = ExactMatch.removeReplicates(synthetic: table, training: training)
                table = result.table
                note = "\(result.removed) copies of real rows removed"
            } else {
                let copies = ExactMatch.replicateMask(synthetic: table, training: training).filter { $0 }.count
                note = "\(copies) copies of real rows kept (replicates=keep)"
            }
        } else {
            note = "training data not in this session: copies of real rows not checked"
        }
        context.sink.output("\(table.name): \(table.rowCount) synthetic rows x \(table.columns.count) columns from \(model.model.method) (\(note))\n")
        let privacy = model.model.isDifferentiallyPrivate ? "differentially private" : "not differentially private"
        return .table(TableValue(table: table, isSynthetic: true, provenance: "\(model.model.method), \(privacy)"))
    }
}

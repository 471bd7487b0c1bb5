// split: training and holdout rows of a table, drawn at random with a seed.

import SynthCore
import SynthData

enum SplitCommand: CommandRunner {
    static let name = "split"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let input = try arguments.table("table")
        var share = 0.7
        if let expr = arguments.optionExpr("train"), let value = try arguments.optionValue("train") {
            guard case let .number(x) = value, x > 0, x < 1 else {
                throw Diagnostic.error("train= must be a share between 0 and 1, such as 0.7", at: expr.span)
            }
            share = x
        }
        var rng: SeededRNG
        if let seed = try arguments.integerOption("seed", range: 0...Int.max) {
            rng = SeededRNG(seed: UInt64(seed))
        } else {
            rng = context.session.nextStream()
        }
        let rows = input.table.rowCount
        let trainRows = Int((Double(rows) * share).rounded())
        guard trainRows > 0, trainRows < rows else {
            throw Diagnostic.error("a \(Plural.count(rows, "row")) table cannot be split at train=\(NumberFormat.compact(share))",
                                   at: arguments.argumentSpan("table"))
        }
        // Fisher-Yates with the seeded stream, then both parts back in the table's row order.
        var order = Array(0..<rows)
        for i in stride(from: rows - 1, to: 0, by: -1) { order.swapAt(i, rng.nextInt(below: i + 1)) }
        let train = order[..<trainRows].sorted()
        let holdout = order[trainRows...].sorted()
        var first = input, second = input
        first.table = input.table.gather(train)
        second.table = input.table.gather(holdout)
        context.sink.output("split \(input.table.name): \(Plural.count(train.count, "training row")), \(Plural.count(holdout.count, "holdout row"))\n")
        return .list([.table(first), .table(second)])
    }
}

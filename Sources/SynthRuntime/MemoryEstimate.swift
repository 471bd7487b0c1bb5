// MemoryEstimate: about how much memory fit and sample will need, so a request too big for the
// machine is refused before it allocates instead of ending the process in the allocator.

import SynthCore
import SynthData
import SynthModels

/// Rough upper estimates from sizes alone, calibrated on Diabetes 130-US (101,766 rows x 50
/// columns, release build): a 1M-row sample peaked at 0.8 GB (copula) and 1.1 GB (CART) in all.
enum MemoryEstimate {
    /// Bytes per synthetic cell while sampling: the drawn column (8 bytes and a validity byte),
    /// the chunk it was drawn in, the assembled copy, and the row keys that look for copies of
    /// real rows (8 bytes per cell).
    static let bytesPerSampledCell = 24
    /// Bytes per row of a regenerated identifier column (a surrogate string and its code).
    static let bytesPerSurrogate = 48

    /// Bytes `sample model rows=N` needs.
    static func sample(_ model: any SynthModel, rows: Int) -> Int {
        let modelled = model.schema.filter { !$0.isIdentifier }.count
        let identifiers = model.schema.count - modelled
        let perRow = modelled * bytesPerSampledCell + identifiers * bytesPerSurrogate
        return rows.multipliedReportingOverflow(by: max(1, perRow)).overflow ? Int.max : rows * max(1, perRow)
    }

    /// Bytes a fit of `table` needs on top of the table itself.
    static func fit(_ table: Table, method: String) -> Int {
        let rows = table.rowCount
        let columns = table.columns.filter(\.isModellable)
        switch method {
        case "copula":
            // Normal scores of every value and missing indicator, and their correlation.
            let dimensions = columns.reduce(0) { $0 + ($1.missingCount > 0 ? 2 : 1) }
            return rows * dimensions * 8 * 2 + dimensions * dimensions * 16
        case "mst":
            // Only declared sizes, never the data: whether a private fit runs must not depend on
            // it. The two-way tables of every candidate pair dominate.
            let sizes = columns.map { MSTSynthesizer.domain(of: $0)?.cellCount ?? 1 }
            var cells = 0
            for i in sizes.indices {
                for j in sizes.indices where j > i {
                    let (product, overflow) = sizes[i].multipliedReportingOverflow(by: sizes[j])
                    let (sum, past) = cells.addingReportingOverflow(product)
                    if overflow || past { return Int.max }
                    cells = sum
                }
            }
            return cells.multipliedReportingOverflow(by: 24).overflow ? Int.max : cells * 24
        default:
            // CART: a rank or level code per cell, and each tree's working copy of its rows.
            return rows * columns.count * 8 + rows * 64 * max(1, Parallel.workerCount)
        }
    }

    /// Throws a located error when `bytes` will not fit: "sampling 100000000 rows needs about
    /// 37 GB; this machine has 24 GB".
    static func check(_ bytes: Int, for work: String, at span: SourceSpan) throws {
        do {
            try MemoryBudget.check(bytes)
        } catch let shortage as MemoryShortage {
            throw Diagnostic.error("\(work) \(shortage.description)", at: span,
                                   hint: "ask for less, or run it on a machine with more memory")
        }
    }
}

// MSTBenchmark: fit + sample timing of MST on Adult and Diabetes 130-US (run with SYNTH_BENCH=1, release).

import Foundation
import SynthCore
import SynthData
import Testing
import SynthModels

@Suite struct MSTBenchmark {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data").standardized.path

    /// A rough discretisation for timing only: coded columns keep their codes (missing is one
    /// more level, levels past `cap` share the last), numeric columns with few distinct values
    /// keep their ranks, others get `cap` equal-count bins; mostly-unique columns are dropped.
    static func discretise(_ table: Table, cap: Int) -> DiscreteTable {
        var sizes: [Int] = [], columns: [[Int32]] = []
        for column in table.columns {
            let n = column.count
            if column.kind.isCoded {
                if column.levels.count > n / 2 { continue }
                let missing = Int32(column.levels.count)
                let codes = (0..<n).map { column.valid[$0] ? column.codes[$0] : missing }
                let size = min(cap, column.levels.count + 1)
                sizes.append(size)
                columns.append(codes.map { min($0, Int32(size - 1)) })
            } else {
                let values = (0..<n).map { column.valid[$0] ? column.numbers[$0] : -Double.infinity }
                let distinct = Array(Set(values)).sorted()
                if distinct.count > n / 2 { continue }
                if distinct.count <= cap {
                    let rank = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Int32($0)) })
                    sizes.append(distinct.count)
                    columns.append(values.map { rank[$0]! })
                } else {
                    let order = values.indices.sorted { values[$0] < values[$1] }
                    var codes = [Int32](repeating: 0, count: n)
                    for (position, row) in order.enumerated() { codes[row] = Int32(position * cap / n) }
                    sizes.append(cap)
                    columns.append(codes)
                }
            }
        }
        return DiscreteTable(sizes: sizes, columns: columns)
    }

    static func time(_ name: String, _ table: DiscreteTable, rho: Double) throws {
        let t0 = Date()
        let result = try MST.fit(table, rho: rho, rng: SeededRNG(seed: 1))
        let t1 = Date()
        let sample = try result.sample(rows: table.rowCount, rng: SeededRNG(seed: 2))
        let t2 = Date()
        let cells = result.marginals.reduce(0) { $0 + $1.count }
        // A hash of the model and the rows, to compare runs with SYNTH_THREADS=1 and without.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for marginal in result.marginals { for p in marginal { hash = (hash ^ p.bitPattern) &* 0x100_0000_01b3 } }
        for column in sample { for c in column { hash = (hash ^ UInt64(UInt32(bitPattern: c))) &* 0x100_0000_01b3 } }
        print("BENCH mst \(name) rho \(rho) hash \(String(hash, radix: 16))")
        print("BENCH mst \(name) \(table.rowCount)x\(table.sizes.count) (sizes up to \(table.sizes.max()!), model cells \(cells)) rho \(rho): fit \(t1.timeIntervalSince(t0)) s, sample \(t2.timeIntervalSince(t1)) s, threads \(Parallel.threadCount)")
        #expect(sample.count == table.sizes.count)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNTH_BENCH"] != nil))
    func adult() throws {
        let table = try CSVReader.read(path: Self.data + "/adult/adult_train.csv", options: CSVOptions(missing: ["?", ""]))
        let discrete = Self.discretise(table, cap: 50)
        for rho in [0.01, 1, 100] { try Self.time("adult", discrete, rho: rho) }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNTH_BENCH"] != nil))
    func diabetes() throws {
        let table = try CSVReader.read(path: Self.data + "/diabetes_130_us/diabetic_data.csv.gz", options: CSVOptions(missing: ["?"]))
        let discrete = Self.discretise(table, cap: 80)
        for rho in [0.01, 1, 100] { try Self.time("diabetes", discrete, rho: rho) }
    }
}

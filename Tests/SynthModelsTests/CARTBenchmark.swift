// CARTBenchmark: fit + sample timing of sequential CART on Diabetes 130-US (run with SYNTH_BENCH=1, release).

import Foundation
import SynthCore
import SynthData
import SynthEval
import Testing
import SynthModels

@Suite struct CARTBenchmark {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/diabetes_130_us/diabetic_data.csv.gz").standardized.path

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNTH_BENCH"] != nil))
    func adultFitAndSample() throws {
        // Setup
        let path = URL(fileURLWithPath: Self.path).deletingLastPathComponent()
            .appendingPathComponent("../adult/adult_train.csv").standardized.path
        let table = try CSVReader.read(path: path, options: CSVOptions(missing: ["?", ""]))
        // Run
        let t0 = Date()
        let model = try SequentialCART.fit(table)
        let sample = try model.sample(rows: table.rowCount, rng: SeededRNG(seed: 1))
        let t1 = Date()
        // Report: column shapes and replicated rows.
        let shapes = table.columns.compactMap { real -> Double? in
            guard let fake = sample.column(real.name), real.role != .identifier else { return nil }
            if real.kind.isNumeric { return Stats.ksComplement(Stats.values(real), Stats.values(fake)) }
            let a = Stats.shares(real), b = Stats.shares(fake)
            return 1 - Set(a.keys).union(b.keys).reduce(0.0) { $0 + abs((a[$1] ?? 0) - (b[$1] ?? 0)) } / 2
        }
        for (column, shape) in zip(table.columns, shapes) where shape < 0.97 { print("BENCH cart adult shape of \(column.name): \(shape)") }
        let (_, replicated) = try ExactMatch.removeReplicates(synthetic: sample, training: table)
        print("BENCH cart adult \(table.rowCount)x\(table.columns.count): fit + sample \(t1.timeIntervalSince(t0)) s, column shapes mean \(shapes.reduce(0, +) / Double(shapes.count)), rows identical to a training row \(replicated)")
        #expect(sample.rowCount == table.rowCount)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SYNTH_BENCH"] != nil))
    func diabetesFitAndSample() throws {
        // Setup
        let table = try CSVReader.read(path: Self.path, options: CSVOptions(missing: ["?"]))
        // Run
        let t0 = Date()
        let model = try SequentialCART.fit(table)
        let t1 = Date()
        let sample = try model.sample(rows: table.rowCount, rng: SeededRNG(seed: 1))
        let t2 = Date()
        let bytes = try ModelFile.encode(model)
        let t3 = Date()
        // Assert / report
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for column in sample.columns {
            for v in column.numbers { hash = (hash ^ v.bitPattern) &* 0x100_0000_01b3 }
            for c in column.codes { hash = (hash ^ UInt64(UInt32(bitPattern: c))) &* 0x100_0000_01b3 }
        }
        let leaves = model.columns.reduce(0) { $0 + ($1.valueTree?.leafCount ?? 0) + ($1.missingTree?.leafCount ?? 0) }
        print("BENCH cart sample hash \(String(hash, radix: 16)) threads \(Parallel.threadCount)")
        print("BENCH cart \(table.rowCount)x\(table.columns.count): fit \(t1.timeIntervalSince(t0)) s, sample \(sample.rowCount) rows \(t2.timeIntervalSince(t1)) s, encode \(t3.timeIntervalSince(t2)) s (\(bytes.count) bytes), leaves \(leaves)")
        // Column shapes (KS / TV complement) and a few numeric correlations, real vs synthetic.
        var shapes: [Double] = []
        for real in table.columns where real.role != .identifier {
            guard let fake = sample.column(real.name) else { continue }
            if real.kind.isNumeric {
                shapes.append(Stats.ksComplement(Stats.values(real), Stats.values(fake)))
            } else {
                let a = Stats.shares(real), b = Stats.shares(fake)
                let tv = Set(a.keys).union(b.keys).reduce(0.0) { $0 + abs((a[$1] ?? 0) - (b[$1] ?? 0)) } / 2
                shapes.append(1 - tv)
            }
            if shapes.last! < 0.98 { print("BENCH cart shape of \(real.name): \(shapes.last!)") }
        }
        print("BENCH cart column shapes mean \(shapes.reduce(0, +) / Double(shapes.count)) min \(shapes.min()!)")
        for (p, q) in [("time_in_hospital", "num_medications"), ("num_lab_procedures", "time_in_hospital"), ("num_medications", "num_procedures")] {
            let r = Stats.pearson(table.column(p)!.numbers, table.column(q)!.numbers)
            let f = Stats.pearson(sample.column(p)!.numbers, sample.column(q)!.numbers)
            print("BENCH cart r(\(p), \(q)) real \(r) synthetic \(f)")
        }
        let trees = model.columns.flatMap { [$0.valueTree, $0.missingTree].compactMap { $0 } }
        print("BENCH cart nodes \(trees.reduce(0) { $0 + $1.nodeCount }) split levels \(trees.reduce(0) { $0 + $1.splitLevels.count }) leaf values \(trees.reduce(0) { $0 + $1.values.count }) leaf classes \(trees.reduce(0) { $0 + $1.classes.count }) singletons \(model.columns.reduce(0) { $0 + $1.singletons.count })")
        let (_, replicated) = try ExactMatch.removeReplicates(synthetic: sample, training: table)
        print("BENCH cart synthetic rows identical to a training row: \(replicated)")
        #expect(sample.rowCount == table.rowCount)
    }
}

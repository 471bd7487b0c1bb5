// MSTFixtures: named discrete tables with a fixed seed for the MST tests.

import SynthCore
@testable import SynthModels

enum MSTFixtures {
    /// Column 0 uniform over 4 levels, column 1 a relabelling of it ((a + 1) mod 4, perfectly
    /// dependent), column 2 independent with shares 0.5 / 0.3 / 0.2.
    static func dependentPair(rows: Int, seed: UInt64 = 11) -> DiscreteTable {
        var rng = SeededRNG(seed: seed)
        var a: [Int32] = [], b: [Int32] = [], c: [Int32] = []
        for _ in 0..<rows {
            let x = Int32(rng.nextInt(below: 4))
            a.append(x)
            b.append((x + 1) % 4)
            let u = rng.nextDouble()
            c.append(u < 0.5 ? 0 : (u < 0.8 ? 1 : 2))
        }
        return DiscreteTable(sizes: [4, 4, 3], columns: [a, b, c])
    }

    /// A chain A -> B -> C (3, 4, 3 levels) where each child follows its parent noisily, and
    /// an independent D (2 levels); every level of every column occurs.
    static func chain(rows: Int, seed: UInt64 = 12) -> DiscreteTable {
        var rng = SeededRNG(seed: seed)
        var a: [Int32] = [], b: [Int32] = [], c: [Int32] = [], d: [Int32] = []
        for _ in 0..<rows {
            let x = rng.nextInt(below: 3)
            let y = rng.nextDouble() < 0.7 ? x : rng.nextInt(below: 4)
            let z = rng.nextDouble() < 0.6 ? y % 3 : rng.nextInt(below: 3)
            a.append(Int32(x))
            b.append(Int32(y))
            c.append(Int32(z))
            d.append(rng.nextDouble() < 0.35 ? 1 : 0)
        }
        return DiscreteTable(sizes: [3, 4, 3, 2], columns: [a, b, c, d])
    }

    /// One column of `levels` codes where the first 5 levels hold nearly all rows and the
    /// rest share a handful of rows among them.
    static func manyLevels(rows: Int, levels: Int = 500, seed: UInt64 = 13) -> DiscreteTable {
        var rng = SeededRNG(seed: seed)
        let a: [Int32] = (0..<rows).map { _ in
            Int32(rng.nextDouble() < 0.99 ? rng.nextInt(below: 5) : 5 + rng.nextInt(below: levels - 5))
        }
        let b: [Int32] = a.map { $0 < 5 ? Int32($0 % 2) : 1 }
        return DiscreteTable(sizes: [levels, 2], columns: [a, b])
    }

    /// The empirical distribution of the given columns, row-major, as probabilities.
    static func distribution(_ columns: [[Int32]], sizes: [Int]) -> [Double] {
        let table = DiscreteTable(sizes: sizes, columns: columns)
        let counts = NoisyMarginal.histogram(table, clique: Array(columns.indices))
        let n = Double(max(1, table.rowCount))
        return counts.map { $0 / n }
    }

    /// Total variation distance between two distributions over the same cells.
    static func totalVariation(_ p: [Double], _ q: [Double]) -> Double {
        0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) }
    }
}

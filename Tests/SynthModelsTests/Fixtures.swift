// Fixtures: named tables built in code with a fixed seed for the model tests.

import SynthCore
import SynthData

enum Fixtures {
    /// A mixed clinical-looking table of `rows` rows:
    /// x, y bivariate normal with r = 0.8 (y = 50 + 10·(0.8·g1 + 0.6·g2));
    /// group A/B/C with shares 0.5/0.3/0.2 and score ~ N(0, 5, 10 by group, sd 1);
    /// visits integer, admitted date (dd/MM/yyyy), bmi with 10% missing, flag No/Yes (30% Yes),
    /// mrn (kind identifier), name (role identifier), note (text).
    static func clinical(rows: Int, seed: UInt64 = 2026) -> Table {
        var rng = SeededRNG(seed: seed)
        var x: [Double?] = [], y: [Double?] = [], group: [String?] = [], score: [Double?] = []
        var visits: [Double?] = [], admitted: [Double?] = [], bmi: [Double?] = [], flag: [Double?] = []
        var mrn: [String?] = [], name: [String?] = [], note: [String?] = []
        for i in 0..<rows {
            let g1 = rng.nextGaussian(), g2 = rng.nextGaussian()
            x.append(g1)
            y.append(50 + 10 * (0.8 * g1 + 0.6 * g2))
            let u = rng.nextDouble()
            let g = u < 0.5 ? "A" : (u < 0.8 ? "B" : "C")
            group.append(g)
            score.append((g == "A" ? 0 : g == "B" ? 5 : 10) + rng.nextGaussian())
            visits.append((abs(rng.nextGaussian()) * 3).rounded())
            admitted.append(Double(18_000 + rng.nextInt(below: 3650)))
            bmi.append(rng.nextDouble() < 0.1 ? nil : 25 + 4 * rng.nextGaussian())
            flag.append(rng.nextDouble() < 0.3 ? 1 : 0)
            mrn.append("MRN-\(900_000 + i)")
            name.append("Patient Zq\(i)x")
            note.append("free text \(i)")
        }
        var flagColumn = Column.numeric("flag", flag, kind: .boolean)
        flagColumn.levels = ["No", "Yes"]
        var dateColumn = Column.numeric("admitted", admitted, kind: .date)
        dateColumn.format = "dd/MM/yyyy"
        var nameColumn = Column.coded("name", name)
        nameColumn.role = .identifier
        return Table(name: "clinical", columns: [
            Column.coded("mrn", mrn, kind: .identifier),
            nameColumn,
            Column.numeric("x", x),
            Column.numeric("y", y),
            Column.coded("group", group),
            Column.numeric("score", score),
            Column.numeric("visits", visits, kind: .integer),
            dateColumn,
            Column.numeric("bmi", bmi),
            flagColumn,
            Column.coded("note", note, kind: .text),
        ])
    }
}

/// Small statistics the tests check samples with.
enum Stats {
    static func values(_ column: Column) -> [Double] {
        (0..<column.count).filter { column.valid[$0] }.map { column.numbers[$0] }
    }

    static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices {
            sab += (a[i] - ma) * (b[i] - mb)
            saa += (a[i] - ma) * (a[i] - ma)
            sbb += (b[i] - mb) * (b[i] - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }

    /// 1 − the two-sample Kolmogorov–Smirnov statistic.
    static func ksComplement(_ a: [Double], _ b: [Double]) -> Double {
        let x = a.sorted(), y = b.sorted()
        var i = 0, j = 0, d = 0.0
        while i < x.count && j < y.count {
            let v = min(x[i], y[j])
            while i < x.count && x[i] == v { i += 1 }
            while j < y.count && y[j] == v { j += 1 }
            d = max(d, abs(Double(i) / Double(x.count) - Double(j) / Double(y.count)))
        }
        return 1 - d
    }

    /// Share of each level text among present values.
    static func shares(_ column: Column) -> [String: Double] {
        var counts: [String: Double] = [:]
        var total = 0.0
        for i in 0..<column.count where column.valid[i] {
            counts[column.levels[Int(column.codes[i])], default: 0] += 1
            total += 1
        }
        return counts.mapValues { $0 / total }
    }

    static func missingRate(_ column: Column) -> Double {
        Double(column.missingCount) / Double(column.count)
    }
}

/// Byte-level table equality (NaN at missing slots compares equal to NaN).
func identical(_ a: Table, _ b: Table) -> Bool {
    guard a.columns.count == b.columns.count else { return false }
    for (x, y) in zip(a.columns, b.columns) {
        guard x.name == y.name, x.kind == y.kind, x.role == y.role, x.levels == y.levels,
              x.codes == y.codes, x.valid == y.valid, x.format == y.format,
              x.numbers.map(\.bitPattern) == y.numbers.map(\.bitPattern) else { return false }
    }
    return true
}

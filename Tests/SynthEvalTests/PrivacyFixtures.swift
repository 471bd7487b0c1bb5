// PrivacyFixtures: seeded tables for the distance and attack tests.

import SynthCore
import SynthData

enum PrivacyFixtures {
    /// `rows` rows: three continuous numeric columns, a categorical with five levels, a boolean,
    /// an identifier (always ignored) and a categorical `secret` independent of everything else.
    /// Every draw comes from `seed`.
    static func people(rows: Int, seed: UInt64, missing: Double = 0.05) -> Table {
        var rng = SeededRNG(seed: seed)
        var a: [Double?] = [], b: [Double?] = [], c: [Double?] = []
        var group: [String?] = [], flag: [Double?] = [], id: [String?] = [], secret: [String?] = []
        for i in 0..<rows {
            a.append(50 + 10 * rng.nextGaussian())
            b.append(rng.nextDouble() < missing ? nil : rng.nextGaussian())
            c.append(1000 * rng.nextDouble())
            group.append(["A", "B", "C", "D", "E"][rng.nextInt(below: 5)])
            flag.append(Double(rng.nextInt(below: 2)))
            id.append("p\(seed)-\(i)")
            secret.append(["s0", "s1", "s2", "s3"][rng.nextInt(below: 4)])
        }
        return Table(name: "people", columns: [
            Column.coded("id", id, kind: .identifier),
            Column.numeric("a", a), Column.numeric("b", b), Column.numeric("c", c),
            Column.coded("group", group), Column.numeric("flag", flag, kind: .boolean),
            Column.coded("secret", secret),
        ])
    }
}

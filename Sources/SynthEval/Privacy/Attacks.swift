// Attacks: anonymeter's linkability and attribute-inference attacks, main vs control.

import SynthCore
import SynthData

/// Privacy attacks as anonymeter defines them (Giomi et al., PoPETs 2023): the main attack
/// targets training rows using only the synthetic table, the control attack makes the same
/// attempt on holdout (control) rows the generator never saw; risk = (main − control) /
/// (1 − control) on Wilson-centred rates, with a 95% interval, clipped to [0, 1]
/// (`mainSuccess` and `controlSuccess` are those Wilson-centred rates).
///
/// Distances are Gower distances over the named columns, numeric ranges from training and
/// control; nearest neighbours are exact, one neighbour, the lowest row index on ties.
public enum Attacks {
    /// Linkability: an attacker holds two sets of columns about the same people (`auxiliary.0`
    /// and `auxiliary.1`) and links them through the synthetic table. An attack on a target row
    /// succeeds when the nearest synthetic row on the first set is also the nearest on the
    /// second set. Up to `attacks` targets are drawn from training and as many from control.
    public static func linkability(training: Table, control: Table, synthetic: Table,
                                   auxiliary: ([String], [String]), attacks: Int = 500, seed: UInt64) throws -> AttackRisk {
        let name = "linkability"
        let tables = [training, control, synthetic]
        let usable = Set(GowerEncoding.sharedColumns(tables))
        let left = auxiliary.0.filter(usable.contains), right = auxiliary.1.filter(usable.contains)
        let n = Swift.min(attacks, training.rowCount, control.rowCount)
        guard !left.isEmpty, !right.isEmpty, n > 0, synthetic.rowCount > 0 else {
            return AttackRate.risk(name: name, attacks: 0, mainSuccesses: 0, controlSuccesses: 0)
        }
        let rng = SeededRNG(seed: seed)
        let targets = [training.gather(Sampling.withoutReplacement(training.rowCount, n, rng: rng.stream(0))),
                       control.gather(Sampling.withoutReplacement(control.rowCount, n, rng: rng.stream(1)))]
        let encoding = GowerEncoding(targets + [synthetic], columns: left + right, realTables: 2)
        let leftColumns = Array(0..<left.count), rightColumns = Array(left.count..<(left.count + right.count))
        let successes = try (0..<2).map { t -> Double in
            let a = try NearestNeighbors.search(queries: encoding.matrix(t, columns: leftColumns),
                                            reference: encoding.matrix(2, columns: leftColumns))
            let b = try NearestNeighbors.search(queries: encoding.matrix(t, columns: rightColumns),
                                            reference: encoding.matrix(2, columns: rightColumns))
            return Double(zip(a.index, b.index).filter { $0 == $1 }.count)
        }
        return AttackRate.risk(name: name, attacks: n, mainSuccesses: successes[0], controlSuccesses: successes[1])
    }

    /// Attribute inference: an attacker knows the `auxiliary` columns of a target and guesses
    /// its `secret` as the secret of the nearest synthetic row on those columns. A guess is
    /// right when it equals the secret (coded kinds and booleans), when it is within 5% of the
    /// guess's magnitude (other numeric kinds, anonymeter's tolerance), or when both are missing.
    public static func inference(training: Table, control: Table, synthetic: Table, secret: String,
                                 auxiliary: [String], attacks: Int = 500, seed: UInt64) throws -> AttackRisk {
        let name = "inference:\(secret)"
        let tables = [training, control, synthetic]
        let usable = Set(GowerEncoding.sharedColumns(tables))
        let aux = auxiliary.filter { usable.contains($0) && $0 != secret }
        let n = Swift.min(attacks, training.rowCount, control.rowCount)
        guard usable.contains(secret), !aux.isEmpty, n > 0, synthetic.rowCount > 0 else {
            return AttackRate.risk(name: name, attacks: 0, mainSuccesses: 0, controlSuccesses: 0)
        }
        let rng = SeededRNG(seed: seed)
        let targets = [training.gather(Sampling.withoutReplacement(training.rowCount, n, rng: rng.stream(0))),
                       control.gather(Sampling.withoutReplacement(control.rowCount, n, rng: rng.stream(1)))]
        let encoding = GowerEncoding(targets + [synthetic], columns: aux + [secret], realTables: 2)
        let auxColumns = Array(0..<aux.count), s = aux.count
        let regression = encoding.isNumeric[s] && training.column(secret)!.kind != .boolean
        let successes = try (0..<2).map { t -> Double in
            let nearest = try NearestNeighbors.search(queries: encoding.matrix(t, columns: auxColumns),
                                                  reference: encoding.matrix(2, columns: auxColumns))
            var right = 0
            for (row, guessRow) in nearest.index.enumerated() {
                let g = Int(guessRow)
                if encoding.isNumeric[s] {
                    let truth = encoding.numbers[t][s][row], guess = encoding.numbers[2][s][g]
                    if truth.isNaN || guess.isNaN {
                        right += truth.isNaN && guess.isNaN ? 1 : 0
                    } else if regression {
                        right += abs(guess - truth) <= 0.05 * (abs(guess) + 1e-12) ? 1 : 0
                    } else {
                        right += guess == truth ? 1 : 0
                    }
                } else {
                    right += encoding.codes[t][s][row] == encoding.codes[2][s][g] ? 1 : 0
                }
            }
            return Double(right)
        }
        return AttackRate.risk(name: name, attacks: n, mainSuccesses: successes[0], controlSuccesses: successes[1])
    }
}

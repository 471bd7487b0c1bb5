// ReportBuilder: assembles the full `compare` report: fidelity, coverage, utility and privacy.

import SynthCore
import SynthData
import SynthEval

/// What `compare` computes, given what the user supplied (a holdout, a target).
struct ReportBuilder {
    let real: Table
    let synthetic: Table
    let holdout: Table?
    let target: String?
    let seed: UInt64
    let progress: (String) -> Void

    func build(method: String?) throws -> ComparisonReport {
        progress("fidelity...\n")
        var report = try ComparisonReport.make(real: real, synthetic: synthetic, method: method)
        let streams = SeededRNG(seed: seed)
        // Ctrl-C: every step throws `CancellationError` when it sees it.
        progress("utility: propensity scores...\n")
        let propensity = try ["logistic", "cart"].enumerated().map { index, model in
            try Propensity.evaluate(real: real, synthetic: synthetic, model: model, seed: seedOf(streams, index))
        }
        var tstr: TSTRResult?
        if let target, let holdout {
            progress("utility: train on synthetic, test on real...\n")
            tstr = try TSTR.evaluate(training: real, synthetic: synthetic, holdout: holdout, target: target,
                                     seed: seedOf(streams, 2))
        }
        report.utility = UtilityReport(propensity: propensity, tstr: tstr)
        if let holdout {
            report.privacy = try privacy(holdout: holdout, streams: streams)
        }
        return report
    }

    /// Distances to closest records and anonymeter's attacks, with the holdout as the control.
    private func privacy(holdout: Table, streams: SeededRNG) throws -> PrivacyReport {
        progress("privacy: distances to closest records...\n")
        let distance = try DistanceToClosestRecord.evaluate(training: real, holdout: holdout, synthetic: synthetic,
                                                        seed: seedOf(streams, 3))
        progress("privacy: attacks...\n")
        var attacks = try Attacks.SinglingOutMode.allCases.enumerated().map { index, mode in
            try Attacks.singlingOut(training: real, control: holdout, synthetic: synthetic, mode: mode,
                                    seed: seedOf(streams, 4 + index))
        }
        let columns = attackColumns()
        if columns.count >= 2 {
            // anonymeter's linkability: the attacker holds one half of the columns from one source
            // and the other half from another, and links them through the synthetic table.
            let half = columns.count / 2
            attacks.append(try Attacks.linkability(training: real, control: holdout, synthetic: synthetic,
                                               auxiliary: (Array(columns[..<half]), Array(columns[half...])),
                                               seed: seedOf(streams, 6)))
        }
        // Inference of the target, else of the first column with the role sensitive, else of
        // the last column, from every other column.
        let sensitive = real.columns.first { $0.role == .sensitive && columns.contains($0.name) }?.name
        if let secret = target ?? sensitive ?? columns.last, columns.count >= 2 {
            attacks.append(try Attacks.inference(training: real, control: holdout, synthetic: synthetic, secret: secret,
                                             auxiliary: columns.filter { $0 != secret }, seed: seedOf(streams, 7)))
        }
        return PrivacyReport(distance: distance, attacks: attacks)
    }

    /// Shared, non-identifier, non-text columns, in the real table's order.
    private func attackColumns() -> [String] {
        real.columns.filter { column in
            column.isModellable
                && synthetic.index(of: column.name) != nil
        }.map(\.name)
    }

    /// A seed of its own for step `index`, so each step's numbers do not depend on the others.
    private func seedOf(_ streams: SeededRNG, _ index: Int) -> UInt64 {
        var stream = streams.stream(index)
        return stream.nextSeed()
    }
}

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
        var report = ComparisonReport.make(real: real, synthetic: synthetic, method: method)
        let streams = SeededRNG(seed: seed)
        progress("utility: propensity scores...\n")
        let propensity = ["logistic", "cart"].enumerated().map { index, model in
            Propensity.evaluate(real: real, synthetic: synthetic, model: model, seed: seedOf(streams, index))
        }
        var tstr: TSTRResult?
        if let target, let holdout {
            progress("utility: train on synthetic, test on real...\n")
            tstr = try TSTR.evaluate(training: real, synthetic: synthetic, holdout: holdout, target: target,
                                     seed: seedOf(streams, 2))
        }
        report.utility = UtilityReport(propensity: propensity, tstr: tstr)
        return report
    }

    /// A seed of its own for step `index`, so each step's numbers do not depend on the others.
    private func seedOf(_ streams: SeededRNG, _ index: Int) -> UInt64 {
        var stream = streams.stream(index)
        return stream.nextSeed()
    }
}

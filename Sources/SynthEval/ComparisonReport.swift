// ComparisonReport: the result of `compare` as plain data; renderers turn it into text or HTML.

import SynthData

/// Fidelity of a synthetic table against the real one, with the privacy figures that always
/// go next to it.
public struct ComparisonReport: Sendable, Codable {
    public var realName: String
    public var syntheticName: String
    public var realRows: Int
    public var syntheticRows: Int
    public var quality: QualityReport
    /// Synthetic rows identical to a real row (over the shared, non-identifier columns).
    public var exactMatches: Int
    /// Of those, the rows identical to a real row that no other real row equals: a row only one
    /// patient has is that patient, while one many share identifies none of them.
    public var uniqueMatches: Int = 0
    /// How the synthetic table was made ("copula, not differentially private"), if known.
    public var method: String?
    /// Missing-value similarity, category and range coverage per column.
    public var coverage: [CoverageScore] = []
    /// Propensity and train-on-synthetic scores; nil until computed (needs a holdout for TSTR).
    public var utility: UtilityReport?
    /// Distance and attack-based risks; nil without a holdout.
    public var privacy: PrivacyReport?

    public init(realName: String, syntheticName: String, realRows: Int, syntheticRows: Int,
                quality: QualityReport, exactMatches: Int, method: String?) {
        self.realName = realName
        self.syntheticName = syntheticName
        self.realRows = realRows
        self.syntheticRows = syntheticRows
        self.quality = quality
        self.exactMatches = exactMatches
        self.method = method
    }

    /// Share of synthetic rows that copy a real row.
    public var exactMatchRate: Double {
        syntheticRows == 0 ? 0 : Double(exactMatches) / Double(syntheticRows)
    }

    /// Share of synthetic rows that copy a unique real row (one no other real row equals).
    public var uniqueMatchRate: Double {
        syntheticRows == 0 ? 0 : Double(uniqueMatches) / Double(syntheticRows)
    }

    /// Whether the synthetic table came from a differentially private model (its method says so).
    public var isDifferentiallyPrivate: Bool { method?.hasSuffix(", differentially private") == true }

    /// Builds the report: quality metrics plus the exact-match count. Throws
    /// `CancellationError` on Ctrl-C.
    public static func make(real: Table, synthetic: Table, method: String?) throws -> ComparisonReport {
        let quality = try QualityEvaluator.evaluate(real: real, synthetic: synthetic)
        let counts = try ExactMatch.matches(synthetic: synthetic, training: real)
        let matches = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var report = ComparisonReport(realName: real.name, syntheticName: synthetic.name, realRows: real.rowCount,
                                      syntheticRows: synthetic.rowCount, quality: quality, exactMatches: matches,
                                      method: method)
        report.uniqueMatches = counts.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        report.coverage = Coverage.evaluate(real: real, synthetic: synthetic)
        return report
    }
}

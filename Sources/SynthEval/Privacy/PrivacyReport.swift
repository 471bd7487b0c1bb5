// PrivacyReport: how much the synthetic table leaks about the training rows, as plain data.

/// One attack as anonymeter defines it: the main attack guesses about training rows from the
/// synthetic table, the control attack makes the same guesses about holdout rows; risk =
/// (main − control) / (1 − control), with a Wilson interval.
public struct AttackRisk: Codable, Sendable, Equatable {
    /// "singling_out_univariate", "singling_out_multivariate", "linkability", "inference:<column>".
    public var name: String
    public var attacks: Int
    public var mainSuccess: Double
    public var controlSuccess: Double
    public var risk: Double
    public var riskLow: Double
    public var riskHigh: Double

    public init(name: String, attacks: Int, mainSuccess: Double, controlSuccess: Double, risk: Double,
                riskLow: Double, riskHigh: Double) {
        self.name = name
        self.attacks = attacks
        self.mainSuccess = mainSuccess
        self.controlSuccess = controlSuccess
        self.risk = risk
        self.riskLow = riskLow
        self.riskHigh = riskHigh
    }
}

/// Distance to closest record with a Gower-style distance.
public struct DistanceReport: Codable, Sendable, Equatable {
    /// Share of synthetic rows closer to a training row than to a holdout row (ties count half);
    /// 0.5 is ideal.
    public var dcrShare: Double
    /// Median nearest-neighbour distance ratio (closest / second closest training row) of the
    /// synthetic rows, and of the holdout rows for reference.
    public var nndrSynthetic: Double
    public var nndrHoldout: Double
    /// Rows compared (training and holdout subsampled to the same size).
    public var syntheticRows: Int
    public var referenceRows: Int

    public init(dcrShare: Double, nndrSynthetic: Double, nndrHoldout: Double, syntheticRows: Int, referenceRows: Int) {
        self.dcrShare = dcrShare
        self.nndrSynthetic = nndrSynthetic
        self.nndrHoldout = nndrHoldout
        self.syntheticRows = syntheticRows
        self.referenceRows = referenceRows
    }
}

/// The privacy section of a comparison report (beyond the exact-match count, always present).
public struct PrivacyReport: Codable, Sendable, Equatable {
    public var distance: DistanceReport?
    public var attacks: [AttackRisk]

    public init(distance: DistanceReport?, attacks: [AttackRisk]) {
        self.distance = distance
        self.attacks = attacks
    }
}

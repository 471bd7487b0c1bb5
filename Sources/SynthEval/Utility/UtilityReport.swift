// UtilityReport: how useful the synthetic table is for analysis, as plain data.

/// Propensity-score utility (synthpop `utility.gen`): a model tries to tell real from synthetic
/// rows; pMSE is the mean squared distance of its scores from the synthetic share c, and S_pMSE
/// divides it by its expectation when the two tables come from the same distribution.
public struct PropensityScore: Codable, Sendable, Equatable {
    /// "logistic" or "cart".
    public var model: String
    public var pMSE: Double
    public var expectedPMSE: Double
    public var sPMSE: Double

    public init(model: String, pMSE: Double, expectedPMSE: Double, sPMSE: Double) {
        self.model = model
        self.pMSE = pMSE
        self.expectedPMSE = expectedPMSE
        self.sPMSE = sPMSE
    }
}

/// One score of a model trained on real rows and of the same model trained on synthetic rows,
/// both tested on the real holdout.
public struct TSTRMetric: Codable, Sendable, Equatable {
    /// "auc", "accuracy", "macro_f1" or "r2".
    public var name: String
    public var trainOnReal: Double
    public var trainOnSynthetic: Double

    public init(name: String, trainOnReal: Double, trainOnSynthetic: Double) {
        self.name = name
        self.trainOnReal = trainOnReal
        self.trainOnSynthetic = trainOnSynthetic
    }
}

/// Train on synthetic, test on real, against train on real, for one target column.
public struct TSTRResult: Codable, Sendable, Equatable {
    public var target: String
    /// "binary", "multiclass" or "regression".
    public var task: String
    /// The learner, e.g. "logistic regression".
    public var model: String
    /// Rows (with a target) each learner was trained or tested on.
    public var holdoutRows: Int
    public var trainingRows: Int
    public var syntheticRows: Int
    /// Whether a table had more than `TSTR.maxRows` rows and a seeded subsample was used;
    /// `tableRows` are then the rows of training, synthetic and holdout, in that order.
    public var subsampled: Bool
    public var tableRows: [Int]
    public var metrics: [TSTRMetric]

    /// What the subsample was, for the reports; nil when every table was used whole.
    public var subsampleNote: String? {
        guard subsampled, tableRows.count == 3 else { return nil }
        let names = ["training", "synthetic", "holdout"]
        let big = tableRows.indices.filter { tableRows[$0] > TSTR.maxRows }
            .map { "\(tableRows[$0]) \(names[$0])" }
        return "learners use a seeded sample of \(TSTR.maxRows) rows of each table larger than that (\(big.joined(separator: ", ")) rows)"
    }

    public init(target: String, task: String, model: String, holdoutRows: Int, trainingRows: Int,
                syntheticRows: Int, subsampled: Bool = false, tableRows: [Int] = [], metrics: [TSTRMetric]) {
        self.target = target
        self.task = task
        self.model = model
        self.holdoutRows = holdoutRows
        self.trainingRows = trainingRows
        self.syntheticRows = syntheticRows
        self.subsampled = subsampled
        self.tableRows = tableRows
        self.metrics = metrics
    }
}

/// The utility section of a comparison report.
public struct UtilityReport: Codable, Sendable, Equatable {
    public var propensity: [PropensityScore]
    public var tstr: TSTRResult?

    public init(propensity: [PropensityScore], tstr: TSTRResult?) {
        self.propensity = propensity
        self.tstr = tstr
    }
}

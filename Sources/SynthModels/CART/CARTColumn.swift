// CARTColumn: one synthesized column of a CART model — its predictors, trees and privacy guards.

import SynthCore
import SynthData

/// A predictor of a column: an earlier column's value, or whether it is missing.
public struct CARTPredictor: Codable, Sendable, Equatable {
    /// Position of the predicting column in `CARTModel.columns`.
    public var column: Int
    /// True: the predictor is the column's missing indicator (1 = missing).
    public var missing: Bool

    public init(column: Int, missing: Bool) {
        self.column = column
        self.missing = missing
    }
}

/// The fitted part of one column: a missing-value indicator tree (present = class 0, missing =
/// class 1) when the column has missing values, then the value tree fit on the present rows
/// (synthpop's approach). Both trees absent: the column was entirely missing.
public struct CARTColumn: Codable, Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
    /// Category levels (categorical kinds) or the false/true spelling (booleans).
    public var levels: [String]
    public var predictors: [CARTPredictor]
    public var missingTree: CARTTree?
    public var valueTree: CARTTree?
    /// Observed range of a numeric column; draws are kept inside it.
    public var low: Double
    public var high: Double
    /// Decimal places draws are rounded to (6 = not rounded).
    public var decimals: Int
    /// Values seen exactly once in the real column, sorted: never emitted unchanged.
    public var singletons: [Double]
    /// Values held by at least `CARTOptions.heapShare` of the present rows (heaping such as 40
    /// hours a week), sorted: drawn unsmoothed, as no one can be singled out by them.
    public var heaps: [Double]
    /// Smoothing bandwidth of the whole column (R's bw.nrd0), used to move a draw away from a
    /// value seen once when the leaf cannot (a leaf of singletons, or smooth=false).
    public var bandwidth: Double = 0
    /// Classes seen exactly once in the real column: never drawn.
    public var singletonClasses: [Int32]
    /// Class counts of the whole column without singletons, drawn when a leaf holds only singletons.
    public var fallback: [Int32]

    /// Coded response: categorical, identifier-like coded kinds and booleans are classes.
    public var isClass: Bool { Self.isClass(kind) }
    public var classCount: Int { isClass ? levels.count : 0 }

    static func isClass(_ kind: ColumnKind) -> Bool { kind.isCoded || kind == .boolean }
}

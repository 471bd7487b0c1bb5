// PrivacyLedger: a privacy budget and what has been spent from it, under zero-concentrated DP.

import Foundation

/// A budget of (epsilon, delta)-DP held as rho-zCDP, so spends compose by adding rho
/// (Bun & Steinke 2016, Lemma 2.3). Each spend is asked for as an epsilon at the budget's delta.
public struct PrivacyLedger: Sendable, Equatable {
    /// One spend: what it paid for, the epsilon asked for, and its rho.
    public struct Entry: Sendable, Equatable, Codable {
        public var purpose: String
        public var epsilon: Double
        public var rho: Double
        /// Where the spend was written ("script.synth:9").
        public var origin: String
    }

    /// Errors of spending.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case overspend(asked: Double, askedRho: Double, remainingEpsilon: Double, remainingRho: Double)
        case invalid(String)

        public var description: String {
            switch self {
            case let .overspend(asked, askedRho, remainingEpsilon, remainingRho):
                return "this spends epsilon \(PrivacyLedger.format(asked)) (rho \(PrivacyLedger.format(askedRho))), "
                    + "but only epsilon \(PrivacyLedger.format(remainingEpsilon)) (rho \(PrivacyLedger.format(remainingRho))) remains"
            case let .invalid(reason): return reason
            }
        }
    }

    /// The delta of `privacy epsilon=E` when none is given.
    public static let defaultDelta = 1e-6
    /// The epsilons a budget or a spend may have. Below 1e-6 the noise swamps any table (and
    /// the rho underflows); above 100 the word "private" means nothing.
    public static let epsilonRange: ClosedRange<Double> = 1e-6...100
    /// The largest delta a budget may have (a delta is a probability of failing outright; the
    /// usual advice is well below one over the number of people).
    public static let maximumDelta = 1e-2

    /// Why `epsilon` cannot be a budget or a spend, or nil when it can.
    public static func problem(epsilon: Double) -> String? {
        epsilonRange.contains(epsilon) ? nil
            : "epsilon must be between \(format(epsilonRange.lowerBound)) and \(format(epsilonRange.upperBound)), got \(format(epsilon))"
    }

    /// Why `delta` cannot be a budget's delta, or nil when it can.
    public static func problem(delta: Double) -> String? {
        delta > 0 && delta <= maximumDelta ? nil
            : "delta must be above 0 and at most \(format(maximumDelta)), got \(format(delta))"
    }

    public let epsilon: Double
    public let delta: Double
    /// The budget as rho-zCDP.
    public let rho: Double
    public private(set) var entries: [Entry] = []

    public init(epsilon: Double, delta: Double) throws {
        if let problem = Self.problem(epsilon: epsilon) { throw Problem.invalid(problem) }
        if let problem = Self.problem(delta: delta) { throw Problem.invalid(problem) }
        self.epsilon = epsilon
        self.delta = delta
        self.rho = ZCDP.rho(epsilon: epsilon, delta: delta)
    }

    /// Rho spent so far: the sum of the entries.
    public var spentRho: Double { entries.reduce(0) { $0 + $1.rho } }
    public var remainingRho: Double { max(0, rho - spentRho) }
    /// What the spends so far amount to as epsilon at this budget's delta.
    public var spentEpsilon: Double { spentRho > 0 ? ZCDP.epsilon(rho: spentRho, delta: delta) : 0 }
    /// The largest epsilon (at this delta) one more spend may ask for.
    public var remainingEpsilon: Double {
        let left = remainingRho
        return left > rho * 1e-12 ? ZCDP.epsilon(rho: left, delta: delta) : 0
    }

    /// The rho a spend of `epsilon` at this budget's delta costs.
    public func cost(epsilon: Double) -> Double { ZCDP.rho(epsilon: epsilon, delta: delta) }

    /// Throws unless a spend of `epsilon` fits in what remains.
    public func check(epsilon: Double) throws {
        if let problem = Self.problem(epsilon: epsilon) { throw Problem.invalid(problem) }
        let asked = cost(epsilon: epsilon)
        // A relative slack absorbs rounding when the last spend asks for exactly what remains.
        if asked > remainingRho * (1 + 1e-9) {
            throw Problem.overspend(asked: epsilon, askedRho: asked, remainingEpsilon: remainingEpsilon, remainingRho: remainingRho)
        }
    }

    /// The rho a spend of `epsilon` may use (never more than what remains); throws when it
    /// does not fit. Run the mechanism with this rho, then `record` it.
    public func price(epsilon: Double) throws -> Double {
        try check(epsilon: epsilon)
        return min(cost(epsilon: epsilon), remainingRho)
    }

    /// Records a spend priced by `price`.
    public mutating func record(purpose: String, epsilon: Double, rho: Double, origin: String) {
        // An invariant of the callers (Session.recordSpend records what Session.price returned),
        // never of user input: a spend is priced, and refused if it does not fit, before it runs.
        precondition(rho <= remainingRho * (1 + 1e-9), "spend was not priced against this ledger")
        entries.append(Entry(purpose: purpose, epsilon: epsilon, rho: rho, origin: origin))
    }

    /// Prices and records a spend of `epsilon`; returns its rho.
    @discardableResult
    public mutating func spend(epsilon: Double, purpose: String, origin: String) throws -> Double {
        let paid = try price(epsilon: epsilon)
        record(purpose: purpose, epsilon: epsilon, rho: paid, origin: origin)
        return paid
    }

    static func format(_ x: Double) -> String {
        if x == 0 { return "0" }
        if abs(x) < 1e-3 || abs(x) >= 1e6 { return String(format: "%.3g", x) }
        return String(format: "%.4g", x)
    }

    /// `x` as the ledger prints it (4 significant digits).
    public static func formatted(_ x: Double) -> String { format(x) }
}

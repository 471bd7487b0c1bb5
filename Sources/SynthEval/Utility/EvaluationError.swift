// EvaluationError: why a comparison metric cannot be computed, in words a user can act on.

/// Errors of the evaluation library.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownTarget(String, available: [String])
    case targetHasOneLevel(String)
    case targetNotModelable(String, kind: String)
    /// The target is of another kind in one table (`table`) than in the training table.
    case targetKindDiffers(String, kind: String, table: String, trainingKind: String)
    case noRows(String)

    public var description: String {
        switch self {
        case let .unknownTarget(name, available):
            return "unknown target '\(name)'; columns are: \(available.joined(separator: ", "))"
        case let .targetHasOneLevel(name):
            return "target '\(name)' has only one value in the training rows, so there is nothing to predict"
        case let .targetNotModelable(name, kind):
            return "target '\(name)' is \(kind); choose a numeric, boolean or categorical column"
        case let .targetKindDiffers(name, kind, table, trainingKind):
            return "target '\(name)' is \(kind) in the \(table) table but \(trainingKind) in the training table; "
                + "it must be of one kind in every table"
        case let .noRows(what):
            return "no rows with a target value in the \(what) table"
        }
    }
}

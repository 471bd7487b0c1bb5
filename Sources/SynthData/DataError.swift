// Errors of the data layer, each with enough location to point the user at the problem.

import SynthCore

/// Errors raised while reading, typing or writing tables.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be opened or read.
    case cannotRead(path: String, reason: String)
    /// The file is not valid CSV at `line` (1-based), `column` (1-based byte column, 0 if unknown).
    case malformed(path: String, line: Int, column: Int, message: String)
    /// A requested override or option does not fit the data.
    case invalidOption(String)
    /// Writing failed; the destination is untouched.
    case cannotWrite(path: String, reason: String)
    /// Reading the file would need more memory than the process may use; refused before it
    /// allocates. `inflatedAtLeast` is set when a gzip file was stopped part-way through
    /// inflating.
    case tooLarge(path: String, inflatedAtLeast: Int?, shortage: MemoryShortage)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): return "cannot read '\(path)': \(reason)"
        case let .malformed(path, line, column, message):
            return column > 0 ? "\(path):\(line):\(column): \(message)" : "\(path):\(line): \(message)"
        case let .invalidOption(message): return message
        case let .cannotWrite(path, reason): return "cannot write '\(path)': \(reason)"
        case let .tooLarge(path, nil, shortage): return "loading \(path) \(shortage)"
        case let .tooLarge(path, inflated?, shortage):
            return "\(path) inflates to more than \(MemoryBudget.format(inflated)), and loading it \(shortage)"
        }
    }
}

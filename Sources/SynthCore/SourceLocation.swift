// Source positions: where in which file a token or a data cell sits.

/// A span of source text: a file (or "<repl>"), a 1-based line and column, and a length in characters.
public struct SourceSpan: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var length: Int

    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// A span covering both `self` and `other` when they sit on one line; otherwise `self`.
    public func through(_ other: SourceSpan) -> SourceSpan {
        guard other.file == file, other.line == line, other.column >= column else { return self }
        return SourceSpan(file: file, line: line, column: column, length: other.column + other.length - column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

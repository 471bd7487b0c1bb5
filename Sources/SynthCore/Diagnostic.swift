// Diagnostic: one error or warning with its place in the source and an optional hint.

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Equatable {
    case error, warning, note
}

/// One message about the source or the data, rendered by `DiagnosticRenderer`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var span: SourceSpan?
    public var hint: String?
    /// The text of the line at `span`, for sources the renderer does not hold (a data file).
    public var excerpt: String?

    public init(_ severity: Severity = .error, _ message: String, at span: SourceSpan? = nil, hint: String? = nil,
                excerpt: String? = nil) {
        self.severity = severity
        self.message = message
        self.span = span
        self.hint = hint
        self.excerpt = excerpt
    }

    public static func error(_ message: String, at span: SourceSpan? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: span, hint: hint)
    }

    public var description: String {
        var text = span.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// A batch of diagnostics thrown together (every syntax error of a script, for instance).
public struct DiagnosticList: Error, Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

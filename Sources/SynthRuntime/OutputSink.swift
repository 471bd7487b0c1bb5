// OutputSink: the one place results, diagnostics and progress leave the runtime.

/// Where the interpreter writes. The REPL, the batch runner and the tests each provide one.
public protocol OutputSink: AnyObject {
    /// A result cell or message (stdout).
    func output(_ text: String)
    /// A rendered diagnostic (stderr).
    func diagnostic(_ text: String)
    /// Progress on long work; a sink may drop it (it is never part of golden output).
    func progress(_ text: String)
}

/// Collects everything written, for tests and for capturing a cell.
public final class BufferSink: OutputSink {
    public private(set) var outputText = ""
    public private(set) var diagnosticText = ""
    /// Output and diagnostics interleaved in the order they were written.
    public private(set) var transcript = ""

    public init() {}

    public func output(_ text: String) {
        outputText += text
        transcript += text
    }

    public func diagnostic(_ text: String) {
        diagnosticText += text
        transcript += text
    }

    public func progress(_ text: String) {}
}

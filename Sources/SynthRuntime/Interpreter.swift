// Interpreter: parses, checks and runs source text; the one pipeline for REPL, scripts and tests.

import Foundation
import SynthCore
import SynthLang

/// Runs synth source against a `Session`, writing results to an `OutputSink`.
public final class Interpreter {
    public let session: Session
    public let sink: OutputSink
    /// Prints each statement's wall time to the progress stream (`synth run --timings`).
    public var showTimings = false

    public init(session: Session = Session(), sink: OutputSink) {
        self.session = session
        self.sink = sink
    }

    /// Parses, checks and runs `source`. `origin` names it in diagnostics (a file path or "<repl>").
    /// Nothing runs unless the whole source parses and passes the static check; a statement that
    /// fails stops the run and leaves the session as it was before that statement.
    @discardableResult
    public func run(source: String, origin: String) -> RunStatus {
        guard let program = prepare(source: source, origin: origin) else { return .scriptError }
        session.currentOrigin = origin
        var scope = Scope.global
        for statement in program.statements {
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                _ = try execute(statement, in: &scope, topLevel: true)
                recordSuccess(statement)
            } catch let diagnostic as Diagnostic {
                report([diagnostic])
                return .scriptError
            } catch let list as DiagnosticList {
                report(list.diagnostics)
                return .scriptError
            } catch {
                report([Diagnostic.error("internal error: \(error)", at: statement.span)])
                return .internalFailure
            }
            if showTimings {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                let firstLine = statement.text.split(separator: "\n").first.map(String.init) ?? ""
                sink.progress("[\(NumberFormat.fixed(seconds, digits: 3)) s] \(firstLine)\n")
            }
        }
        return .ok
    }

    /// Parses and statically checks `source` without running it (`synth check`).
    public func check(source: String, origin: String) -> RunStatus {
        prepare(source: source, origin: origin) == nil ? .scriptError : .ok
    }

    /// Whether `source` is an unfinished entry (open bracket, `def` without `end`, ...), so the
    /// REPL should ask for another line.
    public static func isIncomplete(_ source: String) -> Bool {
        Parser.parse(source, file: "<repl>").isIncomplete
    }

    // MARK: - Steps

    private func prepare(source: String, origin: String) -> Program? {
        session.sources[origin] = source
        let parsed = Parser.parse(source, file: origin)
        if !parsed.diagnostics.isEmpty {
            report(parsed.diagnostics)
            return nil
        }
        var checker = Checker(session: session)
        let problems = checker.check(parsed.program)
        if !problems.isEmpty {
            report(problems)
            return nil
        }
        return parsed.program
    }

    private func recordSuccess(_ statement: Statement) {
        if case let .command(call) = statement.kind, ["help", "save"].contains(call.verb) { return }
        session.transcript.append(statement.text)
    }

    func report(_ diagnostics: [Diagnostic]) {
        let renderer = DiagnosticRenderer(sources: session.sources)
        for diagnostic in diagnostics {
            sink.diagnostic(renderer.render(diagnostic))
        }
    }

    /// Registers source text loaded by `use`, so its diagnostics show their lines.
    func registerSource(_ text: String, origin: String) {
        session.sources[origin] = text
    }
}

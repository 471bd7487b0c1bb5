// Interpreter: parses, checks and runs source text; the one pipeline for REPL, scripts and tests.

import Foundation
import SynthCore
import SynthData
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
        // A script read from a file is an input like any other: nothing is written over it.
        session.noteInput(origin, as: "the script being run")
        // A Ctrl-C pressed before this run (at the prompt) is not meant for it.
        Cancellation.reset()
        var scope = Scope.global
        for statement in program.statements {
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                // Ctrl-C between two statements stops the run before the second.
                try Cancellation.check()
                try atomically {
                    let value = try execute(statement, in: &scope, topLevel: true)
                    // A Ctrl-C the command did not see (it came as the command ended, or in a
                    // step that stops early instead of throwing) still voids its result.
                    try Cancellation.check()
                    return value
                }
                recordSuccess(statement)
            } catch is CancellationError {
                reportCancelled(statement, origin: origin)
                return .cancelled
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
        if FileIdentity.of(origin) != nil { checker.inputPaths.append((origin, "the script being run")) }
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

    /// Runs one top-level statement so that, if it fails or is cancelled, the session is as it
    /// was before it: variables, procedures, modules and the random stream are put back (values
    /// are copied on write, so keeping the old ones costs nothing). The privacy ledger is not:
    /// budget a mechanism spent on the real data stays spent.
    private func atomically(_ body: () throws -> Value) throws {
        let saved = session.snapshot()
        do {
            _ = try body()
        } catch {
            session.restore(saved)
            throw error
        }
    }

    /// "cancelled" in the REPL; the statement that was stopped, in a script.
    private func reportCancelled(_ statement: Statement, origin: String) {
        if origin == "<repl>" {
            sink.diagnostic("cancelled\n")
        } else {
            let span = statement.span
            sink.diagnostic("\(span.file):\(span.line):\(span.column): cancelled by Ctrl-C; nothing after this statement ran\n")
        }
    }

    /// Registers source text loaded by `use`, so its diagnostics show their lines.
    func registerSource(_ text: String, origin: String) {
        session.sources[origin] = text
    }
}

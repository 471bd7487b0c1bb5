// REPL: the interactive session over GNU readline: editing, history, completion, continuation.

import CReadline
import Foundation
import SynthCore
import SynthLang
import SynthRuntime

/// The read-eval-print loop. Readline stays on this one thread.
final class REPL {
    private let interpreter: Interpreter
    private let historyPath: String

    init(session: Session) {
        interpreter = Interpreter(session: session, sink: StandardSink())
        historyPath = ProcessInfo.processInfo.environment["SYNTH_HISTORY"]
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".synth_history")
    }

    func loop() {
        print("synth \(SynthVersion.current): type 'help' for commands, 'help language' for the language, Ctrl-D to quit")
        installReadline()
        var buffer = ""
        while true {
            let prompt = buffer.isEmpty ? "synth> " : "  ...> "
            // At the prompt Ctrl-C clears the line; while a command runs it cancels the command.
            synth_rl_install_sigint()
            let read = readline(prompt)
            Cancellation.installInterruptHandler(exitOnSecondInterrupt: false)
            guard let raw = read else {
                print("")
                break
            }
            let line = String(cString: raw)
            free(raw)
            // Ctrl-C while a statement was unfinished abandons it.
            if synth_rl_take_interrupt() != 0 { buffer = "" }
            buffer += buffer.isEmpty ? line : "\n" + line
            let entry = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
            if entry.isEmpty {
                buffer = ""
                continue
            }
            if entry == "quit" || entry == "exit" { break }
            if Interpreter.isIncomplete(buffer) { continue }
            add_history(entry)
            _ = write_history(historyPath)
            interpreter.run(source: buffer + "\n", origin: "<repl>")
            buffer = ""
        }
        _ = write_history(historyPath)
        _ = history_truncate_file(historyPath, 1000)
    }

    private func installReadline() {
        using_history()
        _ = read_history(historyPath)
        synth_rl_configure()
        CompletionBridge.shared = CompletionBridge(session: interpreter.session)
        // Break words at spaces, quotes, '=' and brackets; '.' and '/' stay inside a word so
        // `heart.ag` and `examples/da` complete as a whole.
        // readline keeps the pointer, so the string must outlive this call.
        synth_rl_set_word_breaks(strdup(" \t\n\"'=()[],"))
        synth_rl_set_completion { text, _, _ in
            synth_rl_set_completion_over(1)
            return synth_rl_completion_matches(text) { text, state in
                CompletionBridge.shared?.next(text: text, state: state)
            }
        }
    }
}

/// Connects readline's C callbacks to `Completion`. Readline calls it on the REPL thread only.
final class CompletionBridge: CompletionContext, @unchecked Sendable {
    nonisolated(unsafe) static var shared: CompletionBridge?

    private let session: Session
    private var matches: [String] = []
    private var index = 0

    init(session: Session) { self.session = session }

    var variableNames: [String] { session.variableNames }

    func columns(of variable: String) -> [String]? {
        guard case let .table(table)? = session.variables[variable] else { return nil }
        return table.table.columnNames
    }

    func next(text: UnsafePointer<CChar>?, state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 {
            let line = String(cString: synth_rl_line_buffer())
            // readline counts bytes; Completion counts characters.
            let cursor = Completion.characterOffset(utf8Offset: Int(synth_rl_point()), in: line)
            let prefix = text.map { String(cString: $0) } ?? ""
            matches = Completion.candidates(line: line, cursor: cursor, context: self).filter { $0.hasPrefix(prefix) }
            index = 0
            let open = matches.allSatisfy { $0.hasSuffix("/") || $0.hasSuffix("=") }
            synth_rl_set_append_character(open && !matches.isEmpty ? 0 : 32)
            // Keep a path's quote open while the match is a directory to descend into.
            synth_rl_set_suppress_quote(open && !matches.isEmpty ? 1 : 0)
        }
        guard index < matches.count else { return nil }
        defer { index += 1 }
        return strdup(matches[index])
    }
}

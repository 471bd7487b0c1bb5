// StandardSink: results to stdout, diagnostics to stderr, progress to stderr only on a terminal.

import Foundation
import SynthRuntime

#if canImport(Glibc)
import Glibc
#endif

final class StandardSink: OutputSink {
    private let showProgress: Bool
    private let dim: Bool

    /// Progress goes to stderr on a terminal (dimmed), or always when `forceProgress`
    /// (`--timings`), then without colour codes when stderr is not a terminal.
    init(forceProgress: Bool = false) {
        let terminal = isatty(STDERR_FILENO) != 0
        showProgress = forceProgress || terminal
        dim = terminal
    }

    func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    func progress(_ text: String) {
        guard showProgress else { return }
        FileHandle.standardError.write(Data((dim ? "\u{1B}[2m" + text + "\u{1B}[0m" : text).utf8))
    }
}

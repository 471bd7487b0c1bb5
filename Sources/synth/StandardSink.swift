// StandardSink: results to stdout, diagnostics to stderr, progress to stderr only on a terminal.

import Foundation
import SynthRuntime

#if canImport(Glibc)
import Glibc
#endif

final class StandardSink: OutputSink {
    private let showProgress: Bool

    /// Progress goes to stderr on a terminal, or always when `forceProgress` (`--timings`).
    init(forceProgress: Bool = false) {
        showProgress = forceProgress || isatty(STDERR_FILENO) != 0
    }

    func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    func progress(_ text: String) {
        guard showProgress else { return }
        FileHandle.standardError.write(Data(("\u{1B}[2m" + text + "\u{1B}[0m").utf8))
    }
}

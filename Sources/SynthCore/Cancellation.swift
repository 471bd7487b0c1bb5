// Cancellation: Ctrl-C as a flag that long work checks, so a command stops within a second
// and leaves the session as it was.

import CSignals

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The cancellation request of the running command. Long loops call `check()` (or read
/// `isRequested` where they cannot throw) often enough to stop within about a second; the
/// interpreter clears the request before each command and reports `cancelled` when one stops.
public enum Cancellation {
    /// Whether the running command has been asked to stop.
    @inline(__always)
    public static var isRequested: Bool { synth_cancel_requested() != 0 }

    /// Throws `CancellationError` once Ctrl-C has been pressed.
    @inline(__always)
    public static func check() throws {
        if synth_cancel_requested() != 0 { throw CancellationError() }
    }

    /// Asks the running command to stop, as Ctrl-C does.
    public static func request() { synth_cancel_request() }

    /// Clears the request (before the next command starts).
    public static func reset() { synth_cancel_reset() }

    /// Makes SIGINT set the request. With `exitOnSecondInterrupt`, a second Ctrl-C before the
    /// first was answered ends the process at once with exit 130 (a batch run).
    public static func installInterruptHandler(exitOnSecondInterrupt: Bool) {
        synth_cancel_install(exitOnSecondInterrupt ? 1 : 0)
    }

    /// Runs `body` with `temporaryPath` registered as the file being written, so a process
    /// ended by a second Ctrl-C removes it instead of leaving half a file behind.
    public static func whileWriting<T>(_ temporaryPath: String, _ body: () throws -> T) rethrows -> T {
        let copy = strdup(temporaryPath)
        synth_cancel_set_temporary(copy)
        defer {
            synth_cancel_set_temporary(nil)
            free(copy)
        }
        return try body()
    }
}

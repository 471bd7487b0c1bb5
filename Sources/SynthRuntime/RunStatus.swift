// RunStatus: how a run ended, as the exit code `synth run` returns.

public enum RunStatus: Int32, Sendable {
    case ok = 0
    /// Bad command-line usage.
    case usage = 64
    /// An error in the script or its data.
    case scriptError = 65
    /// A bug or an environment failure inside synth.
    case internalFailure = 70
    /// Stopped by Ctrl-C (128 + SIGINT, as shells report it).
    case cancelled = 130
}

// Session: variables, procedures, the seeded random stream and the transcript of a run.

import SynthCore
import SynthLang
import SynthModels

/// The state a REPL session or a script run builds up. A failed statement leaves it unchanged.
public final class Session {
    /// Global variables. Never iterated to produce output except in sorted order.
    public internal(set) var variables: [String: Value] = [:]
    public internal(set) var procedures: [String: ProcedureDefinition] = [:]
    /// The seed set by the last `seed` statement (0 until then).
    public internal(set) var seed: UInt64 = 0
    /// The session random stream; random commands draw an independent stream from it in turn.
    var rng = SeededRNG(seed: 0)
    /// The differential-privacy budget opened by `privacy`, and what has been spent from it.
    public internal(set) var privacy: PrivacyLedger?
    /// Source text of every statement that succeeded, in order (what `save` writes).
    public internal(set) var transcript: [String] = []
    /// Modules already loaded by `use` (resolved paths).
    var loadedModules: Set<String> = []
    /// Modules being loaded right now, innermost last (a cycle is an error, not a hang).
    var loadingModules: [String] = []
    /// Procedure calls in progress (deep recursion is an error, not a crash).
    var callDepth = 0
    /// Source text by origin name, for rendering diagnostics with their source line.
    var sources: [String: String] = [:]
    /// The origin ("file.synth", "<repl>") of the source being run, for provenance.
    public internal(set) var currentOrigin: String?
    /// Where `use "name"` finds `name.synth`.
    public let stdlibDirectory: String?

    public init(stdlibDirectory: String? = nil) {
        self.stdlibDirectory = stdlibDirectory
    }

    /// Restarts the random stream from `seed`.
    func reseed(_ seed: UInt64) {
        self.seed = seed
        rng = SeededRNG(seed: seed)
    }

    /// A fresh, independent generator for the next random command.
    func nextStream() -> SeededRNG {
        SeededRNG(seed: nextSeed())
    }

    /// A fresh seed for the next random command (fits seed their encodings with it).
    func nextSeed() -> UInt64 {
        rng.nextSeed()
    }

    /// Variable names in sorted order (for completion and listings).
    public var variableNames: [String] { variables.keys.sorted() }
}

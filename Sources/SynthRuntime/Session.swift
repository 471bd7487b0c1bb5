// Session: variables, procedures, the seeded random stream and the transcript of a run.

import SynthCore
import SynthData
import SynthLang
import SynthModels

/// The source of the noise of differentially private mechanisms.
public enum PrivateNoise: Sendable, Equatable {
    /// The operating system's secure generator: a private fit differs from run to run, by design.
    case secure
    /// A fixed seed, for tests and benchmarks only (`SYNTH_DP_NOISE_SEED`): whoever knows it can
    /// recompute the noise, which voids the guarantee.
    case seeded(UInt64)

    /// `.seeded` when `SYNTH_DP_NOISE_SEED` holds a whole number, else `.secure`.
    public static func fromEnvironment(_ environment: [String: String]) -> PrivateNoise {
        environment["SYNTH_DP_NOISE_SEED"].flatMap(UInt64.init).map(PrivateNoise.seeded) ?? .secure
    }
}

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

    /// Every file the session has read (tables, models, scripts, modules): `export`, `save` and
    /// `report=` never write over one. Kept when a statement fails: the file was still read.
    public internal(set) var inputs: [SessionInput] = []

    /// Where differentially private mechanisms get their noise.
    public let privateNoise: PrivateNoise
    private var privateNoiseStream: SeededRNG?

    public init(stdlibDirectory: String? = nil, privateNoise: PrivateNoise = .secure) {
        self.stdlibDirectory = stdlibDirectory
        self.privateNoise = privateNoise
        if case let .seeded(seed) = privateNoise { privateNoiseStream = SeededRNG(seed: seed) }
    }

    /// A seed for one differentially private mechanism. Never the session seed: if the noise
    /// could be recomputed from the script, anyone holding the script could compare the release
    /// with fits of candidate tables and the guarantee would be void.
    func privateMechanismSeed() -> UInt64 {
        if var stream = privateNoiseStream {
            let seed = stream.nextSeed()
            privateNoiseStream = stream
            return seed
        }
        var system = SystemRandomNumberGenerator()
        return system.next()
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

    /// What a failed or cancelled statement must leave as it was.
    struct Snapshot {
        var variables: [String: Value]
        var procedures: [String: ProcedureDefinition]
        var seed: UInt64
        var rng: SeededRNG
        var loadedModules: Set<String>
    }

    func snapshot() -> Snapshot {
        Snapshot(variables: variables, procedures: procedures, seed: seed, rng: rng, loadedModules: loadedModules)
    }

    /// Puts the state back as it was at `snapshot`. The privacy ledger is not put back: a
    /// mechanism that ran on the real data has spent its budget, even if the statement then failed.
    func restore(_ snapshot: Snapshot) {
        variables = snapshot.variables
        procedures = snapshot.procedures
        seed = snapshot.seed
        rng = snapshot.rng
        loadedModules = snapshot.loadedModules
    }

    /// Records that `path` was read, described as `role` ("loaded at study.synth:3", "the
    /// script being run"), so nothing is written over it.
    public func noteInput(_ path: String, as role: String) {
        guard let identity = FileIdentity.of(path), !inputs.contains(where: { $0.identity == identity }) else { return }
        inputs.append(SessionInput(path: path, identity: identity, role: role))
    }

    /// The input that `path` names (the same file, by device and inode), if any.
    public func input(at path: String) -> SessionInput? {
        guard let identity = FileIdentity.of(path) else { return nil }
        return inputs.first { $0.identity == identity }
    }

    /// Variable names in sorted order (for completion and listings).
    public var variableNames: [String] { variables.keys.sorted() }
}

/// A file the session read, and how it came to read it.
public struct SessionInput: Sendable, Equatable {
    public var path: String
    public var identity: FileIdentity
    public var role: String
}

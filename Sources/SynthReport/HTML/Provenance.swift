// Provenance: what a report was made from (input hashes, script, seed, version), for its last section.

/// Where a comparison came from, so a reader can reproduce it.
public struct Provenance: Codable, Sendable, Equatable {
    /// One input file and the SHA-256 of its bytes (lower-case hex).
    public struct Input: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }

        /// The input at `path`, hashed now; nil if the file cannot be read.
        public static func hashing(path: String) -> Input? {
            SHA256.hex(fileAt: path).map { Input(path: path, sha256: $0) }
        }
    }

    public var inputs: [Input]
    /// The script text that produced the synthetic table, if any.
    public var script: String?
    public var seed: UInt64
    /// synth's version.
    public var version: String
    /// The session's privacy ledger as `describe privacy` prints it, when a budget was open.
    public var privacyLedger: String?
    /// When the report was made (ISO 8601), if the caller wants it shown; left out by default so
    /// the same inputs give byte-identical reports.
    public var created: String?

    public init(inputs: [Input], script: String? = nil, seed: UInt64, version: String, created: String? = nil,
                privacyLedger: String? = nil) {
        self.privacyLedger = privacyLedger
        self.inputs = inputs
        self.script = script
        self.seed = seed
        self.version = version
        self.created = created
    }
}

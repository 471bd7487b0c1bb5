// CopulaOptions: how a Gaussian copula fit treats identifiers and seeds its encodings.

/// What sampling does with identifier columns (which never reach the model).
public enum IdentifierPolicy: String, Codable, Sendable {
    /// Write unique surrogates ("syn-000001", ...) in their place.
    case regenerate
    /// Leave identifier columns out of samples.
    case drop
}

/// Options of `GaussianCopula.fit`.
public struct CopulaOptions: Sendable {
    public var identifiers: IdentifierPolicy = .regenerate
    /// Seed of the uniform draws that place categorical values inside their intervals.
    public var seed: UInt64 = 0x5EED_C0DE

    public init(identifiers: IdentifierPolicy = .regenerate, seed: UInt64 = 0x5EED_C0DE) {
        self.identifiers = identifiers
        self.seed = seed
    }
}

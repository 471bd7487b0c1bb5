// SynthVersion: the version shown by --version and written into provenance.

public enum SynthVersion {
    public static let current = "0.1.0"
}

// Test support: run synth source through the real interpreter from the package root.

import Foundation
import SynthData
import SynthRuntime

enum TestSupport {
    /// The package root, found from this file's path; tests run with it as working directory
    /// so example scripts find `examples/data/...` as a user's would.
    static let packageRoot: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        _ = FileManager.default.changeCurrentDirectoryPath(root)
        return root
    }()

    static var stdlib: String { packageRoot + "/stdlib" }

    /// Runs `source` in a fresh session; returns the status and everything written, in order.
    static func run(_ source: String, origin: String = "test.synth") -> (status: RunStatus, output: String, errors: String, transcript: String) {
        let result = runSession(source, origin: origin)
        return (result.status, result.output, result.errors, result.transcript)
    }

    /// Runs `source` in a fresh session and keeps it, for tests that look at its variables.
    /// Private noise is seeded, so private fits are checkable; a user's run draws it securely.
    static func runSession(_ source: String, origin: String = "test.synth", noise: PrivateNoise = .seeded(2026))
        -> (session: Session, status: RunStatus, output: String, errors: String, transcript: String) {
        let sink = BufferSink()
        let session = Session(stdlibDirectory: stdlib, privateNoise: noise)
        _ = packageRoot
        let status = Interpreter(session: session, sink: sink).run(source: source, origin: origin)
        return (session, status, sink.outputText, sink.diagnosticText, sink.transcript)
    }

    /// The table bound to `name` in `session`, if any.
    static func table(_ name: String, in session: Session) -> Table? {
        guard case let .table(value)? = session.variables[name] else { return nil }
        return value.table
    }

    /// The Cleveland heart table with a declared domain for every column (15 lines and a blank
    /// one), so the same script can fit every method, private ones included.
    static let heartWithDomains = """
        heart = load "examples/data/heart.csv"
        domain heart.age 0..120 bins=24
        domain heart.sex [0, 1]
        domain heart.cp [1, 2, 3, 4]
        domain heart.trestbps 80..220 bins=14
        domain heart.chol 100..600 bins=25
        domain heart.fbs [0, 1]
        domain heart.restecg [0, 1, 2]
        domain heart.thalach 60..220 bins=16
        domain heart.exang [0, 1]
        domain heart.oldpeak 0..7 bins=14 decimals=1
        domain heart.slope [1, 2, 3]
        domain heart.ca [0, 1, 2, 3] missing=true
        domain heart.thal [3, 6, 7] missing=true
        domain heart.num [0, 1, 2, 3, 4]

        """

    /// A fresh temporary directory for files a test writes.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "synth-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

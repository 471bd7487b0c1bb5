// Test support: run synth source through the real interpreter from the package root.

import Foundation
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
        let sink = BufferSink()
        // Seeded private noise, so private fits are checkable; a user's run draws it securely.
        let interpreter = Interpreter(session: Session(stdlibDirectory: stdlib, privateNoise: .seeded(2026)), sink: sink)
        _ = packageRoot
        let status = interpreter.run(source: source, origin: origin)
        return (status, sink.outputText, sink.diagnosticText, sink.transcript)
    }

    /// A fresh temporary directory for files a test writes.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "synth-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

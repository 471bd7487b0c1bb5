// Golden tests: every examples/*.synth and every stdlib module's test script runs, and its whole
// output must equal the checked-in expectation. SYNTH_RECORD=1 rewrites the expectations and
// fails the run, so nothing is approved silently.

import Foundation
import Testing
@testable import SynthRuntime

struct GoldenCase: CustomStringConvertible, Sendable {
    let script: String
    let expected: String
    var description: String { script }
}

enum GoldenCases {
    static func all() -> [GoldenCase] {
        let root = TestSupport.packageRoot
        let fm = FileManager.default
        var cases: [GoldenCase] = []
        let examples = (try? fm.contentsOfDirectory(atPath: root + "/examples")) ?? []
        for file in examples.sorted() where file.hasSuffix(".synth") {
            cases.append(GoldenCase(script: "examples/\(file)",
                                    expected: "Tests/SynthRuntimeTests/Golden/examples/\(file.dropLast(6)).expected"))
        }
        let stdlibTests = (try? fm.contentsOfDirectory(atPath: root + "/Tests/SynthRuntimeTests/Golden/stdlib")) ?? []
        for file in stdlibTests.sorted() where file.hasSuffix(".synth") {
            cases.append(GoldenCase(script: "Tests/SynthRuntimeTests/Golden/stdlib/\(file)",
                                    expected: "Tests/SynthRuntimeTests/Golden/stdlib/\(file.dropLast(6)).expected"))
        }
        return cases
    }
}

@Suite(.serialized) struct GoldenTests {
    @Test func everyExampleAndStdlibModuleHasAGoldenCase() throws {
        let root = TestSupport.packageRoot
        let cases = GoldenCases.all()
        #expect(cases.contains { $0.script == "examples/quickstart.synth" })
        let modules = try FileManager.default.contentsOfDirectory(atPath: root + "/stdlib").filter { $0.hasSuffix(".synth") }
        for module in modules {
            #expect(cases.contains { $0.script.hasSuffix("stdlib/\(module)") }, "stdlib/\(module) has no golden test script")
        }
    }

    @Test(arguments: GoldenCases.all())
    func scriptOutputMatchesGolden(_ golden: GoldenCase) throws {
        // Setup: files the script writes under out/ go to a fresh folder, so what it says about
        // them ("created folder out/", "replaced the previous file") does not depend on earlier runs.
        let root = TestSupport.packageRoot
        let outputs = TestSupport.temporaryDirectory() + "/"
        let source = try String(contentsOfFile: root + "/" + golden.script, encoding: .utf8)
            .replacingOccurrences(of: "\"out/", with: "\"\(outputs)out/")

        // Run
        var result = TestSupport.run(source, origin: golden.script)
        result.transcript = result.transcript.replacingOccurrences(of: outputs, with: "")

        // Assert
        let expectedPath = root + "/" + golden.expected
        if ProcessInfo.processInfo.environment["SYNTH_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: (expectedPath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try result.transcript.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.expected); rerun without SYNTH_RECORD to check it")
            return
        }
        #expect(result.status == .ok, "\(golden.script) failed:\n\(result.errors)")
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(result.transcript == expected, "output of \(golden.script) differs from \(golden.expected)")
    }
}

// ModelFileMutationRuntimeTests: edited model files run through the real interpreter end in a
// sample or in an error located in the script, never in an internal failure (or a trap, which
// would kill the test process).

import Foundation
import Testing
@testable import SynthRuntime

@Suite(.serialized) struct ModelFileMutationRuntimeTests {
    static let mutantsPerMethod = 100
    static let seed: UInt64 = 2027

    /// Exports a model of each method fitted by the interpreter: copula and CART on the MIMIC
    /// admissions sample (datetimes, identifiers), MST on the heart table with declared domains.
    static func exportModels(to directory: String) -> (status: RunStatus, errors: String) {
        let result = TestSupport.run("""
            mimic = load "examples/data/mimic_admissions.csv"
            c = fit mimic method=copula
            export c to "\(directory)/copula.json"
            t = fit mimic method=cart
            export t to "\(directory)/cart.json"

            """ + TestSupport.heartWithDomains + """
            privacy epsilon=1 delta=1e-6
            p = fit heart method=mst epsilon=1
            export p to "\(directory)/mst.json"

            """)
        return (result.status, result.errors)
    }

    @Test func editedModelFilesEndInASampleOrALocatedError() throws {
        // Setup
        let directory = TestSupport.temporaryDirectory()
        let fit = Self.exportModels(to: directory)
        try #require(fit.status == .ok, "\(fit.errors)")
        var outcomes: [RunStatus: Int] = [:]
        for method in ["copula", "cart", "mst"] {
            let tokens = JSONTokens(try String(contentsOfFile: "\(directory)/\(method).json", encoding: .utf8))
            for index in 0..<Self.mutantsPerMethod {
                let (text, edits) = tokens.mutant(seed: Self.seed, index: index)
                let path = "\(directory)/\(method)-\(index).json"
                try text.write(toFile: path, atomically: true, encoding: .utf8)

                // Run
                let result = TestSupport.run("m = load model \"\(path)\"\nfake = sample m rows=20\ndescribe m\n")

                // Assert
                let label = "\(method) mutant \(index) (\(edits))"
                outcomes[result.status, default: 0] += 1
                #expect(result.status == .ok || result.status == .scriptError, "\(label): \(result.errors)")
                if result.status == .scriptError {
                    let located = result.errors.contains("test.synth:1:") || result.errors.contains("test.synth:2:")
                    #expect(located, "\(label): the error is not located at the load or the sample: \(result.errors)")
                    if result.errors.contains("test.synth:1:") {
                        #expect(result.errors.contains(path), "\(label): the error does not name the file: \(result.errors)")
                    }
                }
            }
        }
        // Both outcomes must occur, or the edits show little.
        #expect(outcomes[.ok, default: 0] > 10)
        #expect(outcomes[.scriptError, default: 0] > 10)
        try? FileManager.default.removeItem(atPath: directory)
    }
}

// ScriptExpectationTests: whole scripts whose expected errors are written as `# expect error:` comments.

import SynthCore
import Testing
@testable import SynthLang

/// A script whose lines may end in `# expect error: <message>`; parsing plus signature checking
/// must report exactly those messages on exactly those lines.
struct ExpectationScript: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    var testDescription: String { name }

    var expected: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard let range = line.range(of: "# expect error: ") else { return nil }
            return "\(index + 1): \(line[range.upperBound...])"
        }
    }
}

@Suite struct ScriptExpectationTests {
    static let scripts: [ExpectationScript] = [
        ExpectationScript(name: "clean protocol", text: """
            use "safe_harbor"
            seed 2026
            patients = load "data/admissions.csv" missing=["", "NA", "?"]
            role patients.mrn identifier
            patients = safe_harbor(patients)
            model = fit patients method=copula
            fake = sample model rows=50000
            report = compare patients fake details=true
            export fake to "out/admissions_synthetic.csv"
            """),
        ExpectationScript(name: "one error per statement", text: """
            seed 2026
            heart = lod "heart.csv"            # expect error: unknown command 'lod'
            model = fit heart method=coupla    # expect error: unknown method 'coupla'
            fake = sample model rows=1.5       # expect error: rows must be a whole number, not 1.5
            export fake "f.csv"                # expect error: expected 'to'
            x = (1 +                           # a bracket left open...
              2 * $                            # expect error: unexpected character '$'
            print x
            """),
        ExpectationScript(name: "procedures", text: """
            def clean(t)
              t = drop t.mrn
              return t
            end
            def broken(t)
              t = drop mrn                     # expect error: columns must be a column as table.column, not a name
              return                           # an empty return is fine
            end
            return 3                           # expect error: 'return' outside a procedure
            end                                # expect error: unexpected 'end'
            """),
    ]

    @Test(arguments: scripts)
    func reportsExactlyTheExpectedErrors(_ script: ExpectationScript) {
        let result = Parser.parse(script.text, file: script.name)
        let diagnostics = result.diagnostics + SignatureChecker.checkProgram(result.program)
        let reported = diagnostics.map { "\($0.span?.line ?? 0): \($0.message)" }
        #expect(reported.sorted() == script.expected.sorted())
    }
}

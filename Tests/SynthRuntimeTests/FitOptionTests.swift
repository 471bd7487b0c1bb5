// fit options: bad values are found before anything runs, each at its own token.

import Testing
@testable import SynthRuntime

struct FitOptionCase: CustomStringConvertible, Sendable {
    let options: String
    /// "line:column: message fragment"
    let error: String?
    var description: String { options }
}

let fitOptionCases: [FitOptionCase] = [
    FitOptionCase(options: "method=cart smooth=false proper=true minbucket=10 cp=0.01 maxdepth=8", error: nil),
    FitOptionCase(options: "visit=[\"chol\", \"age\"] predictors=[\"age:chol\"]", error: nil),
    FitOptionCase(options: "order=cardinality", error: nil),
    FitOptionCase(options: "minbucket=0", error: "3:21: error: minbucket= must be between 1 and 1000000, got 0"),
    FitOptionCase(options: "cp=2", error: "3:14: error: cp= must be between 0 and 1, got 2"),
    FitOptionCase(options: "smooth=maybe", error: "3:18: error: smooth= needs true or false, got 'maybe'"),
    FitOptionCase(options: "visit=[\"age\", \"sexx\"]", error: "3:25: error: visit= names column 'sexx'"),
    FitOptionCase(options: "visit=[\"age\", \"age\"]", error: "3:25: error: visit= names column 'age' twice"),
    FitOptionCase(options: "predictors=[\"age:chol\", \"age:sex\"]", error: "3:35: error: predictors= sets the predictors of 'age' twice"),
    FitOptionCase(options: "predictors=[\"age\"]", error: "3:23: error: predictors= entries look like"),
    FitOptionCase(options: "method=copula smooth=false", error: "3:25: error: smooth= applies to method=cart"),
    FitOptionCase(options: "visit=[\"age\"] order=cardinality", error: "3:25: error: visit= and order= both set the visit order"),
]

@Suite(.serialized) struct FitOptionTests {
    @Test(arguments: fitOptionCases)
    func option(_ testCase: FitOptionCase) {
        // Setup: the fit is on line 3, after a print that must not run when the fit is wrong.
        let source = "h = load \"examples/data/heart.csv\"\nprint \"ran\"\nm = fit h \(testCase.options)\n"
        // Run
        let result = TestSupport.run(source)
        // Assert
        if let error = testCase.error {
            #expect(result.status == .scriptError)
            #expect(result.output.isEmpty, "the script ran before the error was found")
            #expect(result.errors.contains("test.synth:" + error), "\(result.errors)")
        } else {
            #expect(result.status == .ok, "\(result.errors)")
        }
    }
}

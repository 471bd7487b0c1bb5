// The full comparison report: holdout and target, the JSON keys users rely on, and the HTML file.

import Foundation
import Testing
@testable import SynthRuntime

@Suite(.serialized) struct ReportTests {
    private let prelude = """
    seed 4
    heart = load "examples/data/heart.csv" types=["num:categorical", "cp:categorical"]
    train, test = split heart train=0.7
    model = fit train
    fake = sample model

    """

    @Test func reportHasFidelityUtilityAndPrivacyWithStableJSONKeys() throws {
        // Setup
        let directory = TestSupport.temporaryDirectory()
        // Run
        let result = TestSupport.run(prelude + """
        r = compare train fake holdout=test target=num report="\(directory)/r.html"
        export r to "\(directory)/r.json"
        """)
        // Assert
        #expect(result.status == .ok, "\(result.errors)")
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/r.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let quality = try #require(json["quality"] as? [String: Any])
        #expect(quality["overall"] is Double)
        let utility = try #require(json["utility"] as? [String: Any])
        #expect((utility["propensity"] as? [Any])?.count == 2)
        let tstr = try #require(utility["tstr"] as? [String: Any])
        #expect(tstr["target"] as? String == "num")
        let privacy = try #require(json["privacy"] as? [String: Any])
        let distance = try #require(privacy["distance"] as? [String: Any])
        #expect((distance["dcrShare"] as? Double).map { $0 >= 0 && $0 <= 1 } == true)
        let attacks = try #require(privacy["attacks"] as? [[String: Any]])
        #expect(attacks.map { $0["name"] as? String } == ["singling_out_univariate", "singling_out_multivariate", "linkability", "inference:num"])
        #expect(attacks.allSatisfy { ($0["riskLow"] as? Double ?? -1) <= ($0["risk"] as? Double ?? -2) })
        let html = try String(contentsOfFile: directory + "/r.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("examples/data/heart.csv"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }

    @Test func terminalSummaryShowsEachSectionAndAVerdict() {
        let result = TestSupport.run(prelude + "compare train fake holdout=test target=num\n")
        #expect(result.status == .ok, "\(result.errors)")
        for fragment in ["overall quality", "coverage", "propensity (logistic)", "predicting num", "DCR share",
                         "singling_out_univariate", "privacy: "] {
            #expect(result.output.contains(fragment), "missing \(fragment)")
        }
    }

    @Test func detailsArePrintedEvenWhenTheReportIsBound() {
        let result = TestSupport.run(prelude + "r = compare train fake details=true\n")
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("column pair trends\n"))
    }

    @Test(arguments: [
        ("compare train fake target=num\n", "target= needs holdout="),
        ("compare train fake holdout=fake\n", "holdout= must hold real rows the model never saw"),
        ("compare train fake holdout=[1]\n", "holdout must be a table, not a list"),
        ("compare train fake holdout=train\n", "holdout 'train' repeats"),
        ("one = split heart\n", "split returns two tables; bind both"),
        ("x, y, z = split heart\n", "split returns two tables (training, holdout), not 3"),
        ("compare train fake holdout=test target=nmu\n", "did you mean 'num'?"),
    ])
    func misuseIsALocatedError(_ source: String, _ message: String) {
        let result = TestSupport.run(prelude + source)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.errors.contains("test.synth:6:"))
    }
}

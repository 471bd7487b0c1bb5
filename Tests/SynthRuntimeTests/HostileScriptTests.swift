// Hostile scripts: inputs chosen to reach a trap (tables whose kinds differ, numbers at the edge
// of what a Double holds, dates far from 1970, ranges too wide for their bins). Each must end in
// a located error or a result, never a crash.

import Foundation
import Testing
@testable import SynthRuntime

/// Small data files the cases read, written once to a temporary folder; `$DATA/` in a case's
/// source names it.
private enum HostileFixtures {
    static let directory: String = {
        let path = TestSupport.temporaryDirectory()
        let files = [
            // The widest range a Double holds: its width overflows to infinity.
            "widest.csv": "a,b\n-1.7e308,1\n1.7e308,2\n5,3\n6,1\n7,2\n8,3\n",
            // One value near the largest Double, in every row: a constant column nothing widens.
            "huge_constant.csv": "a,b\n1e308,1\n1e308,2\n1e308,3\n1e308,1\n",
            // Values at the most a model of a numeric column samples, 1e290 in size.
            "model_limit.csv": "a,b\n-1e290,1\n1e290,2\n5,3\n6,1\n7,2\n8,3\n9,1\n10,2\n",
            // Heart's header and no rows.
            "heart_header.csv": "age,sex,cp,trestbps,chol,fbs,restecg,thalach,exang,oldpeak,slope,ca,thal,num\n",
        ]
        for (name, text) in files {
            _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8))
        }
        return path
    }()
}

private let heart = "heart = load \"examples/data/heart.csv\"\n"
private let patients = "p = load \"examples/data/mimic_patients.csv\"\n"

/// A training half, a holdout half and a CART sample of the first, from heart.
private let split = heart + """
seed 3
train, test = split heart train=0.7
m = fit train
fake = sample m rows=60

"""

let hostileCases: [CommandCase] = [
    // A column of one kind in the real table and another in the synthetic one used to index
    // past the end of the propensity model's numbers.
    CommandCase(id: "compare/synthetic-kind-differs", source: split + "derive fake.sex = \"a\"\ncompare train fake\n", error: nil),
    CommandCase(id: "compare/holdout-kind-differs",
                source: split + "derive test.chol = \"x\"\ncompare train fake holdout=test target=num\n", error: nil),
    CommandCase(id: "compare/target-kind-differs",
                source: split + "derive fake.sex = \"a\"\ncompare train fake holdout=test target=sex\n",
                error: "target 'sex' is categorical in the synthetic table but integer in the training table"),
    CommandCase(id: "compare/holdout-without-rows",
                source: split + "z = load \"$DATA/heart_header.csv\"\ncompare train fake holdout=z\n",
                error: "holdout 'z' has no rows"),
    // A range whose width overflows a Double (-1.7e308 to 1.7e308), or a constant column that
    // adding 0.5 cannot widen, made the histogram's bin NaN or infinite, and Int() trapped.
    CommandCase(id: "describe/widest-range", source: "t = load \"$DATA/widest.csv\" types=[\"a:numeric\"]\ndescribe t\n", error: nil),
    CommandCase(id: "compare/widest-range",
                source: "t = load \"$DATA/widest.csv\" types=[\"a:numeric\"]\nu = load \"$DATA/widest.csv\" types=[\"a:numeric\"]\n"
                    + "compare t u details=true report=\"$DATA/widest.html\"\n", error: nil),
    CommandCase(id: "compare/huge-constant",
                source: "t = load \"$DATA/huge_constant.csv\" types=[\"a:numeric\"]\nu = load \"$DATA/widest.csv\" types=[\"a:numeric\"]\n"
                    + "describe t\ncompare t u details=true report=\"$DATA/constant.html\"\n", error: nil),
    CommandCase(id: "describe/derived-to-the-edge",
                source: heart + "derive heart.x = (heart.sex * 2 - 1) * 1.7e308\ndescribe heart\n", error: nil),
    // Whole numbers past 2^53 in an integer column (from topcode or derive) trapped Int64() in
    // generalize; dates 1e300 days from 1970 trapped Int() in describe and generalize to=year.
    CommandCase(id: "topcode/integer-cap-beyond-2^53", source: heart + "topcode heart.age at=-1e308\n",
                error: "holds whole numbers up to 2^53"),
    CommandCase(id: "topcode/integer-floor-beyond-2^53", source: heart + "topcode heart.age at=90 bottom=-1e20\n",
                error: "so bottom= must be one"),
    CommandCase(id: "derive/wide-whole-numbers-are-numbers",
                source: heart + "derive heart.age = 1e20 + heart.age\ngeneralize heart.age prefix=3\n", error: "'age' is numeric"),
    CommandCase(id: "derive/far-dates-are-missing",
                source: patients + "derive p.dod = p.dod + 1e300\ndescribe p\nprint p\ngeneralize p.dod to=year\ngeneralize p to=month\n",
                error: nil),
    CommandCase(id: "derive/far-datetimes-are-missing",
                source: "a = load \"examples/data/mimic_admissions.csv\"\nderive a.admittime = a.admittime - 1e200\n"
                    + "describe a\ngeneralize a.admittime to=year\n", error: nil),
    // A value past 1e290 made a model whose smoothing or quantiles overflowed: sample refused
    // it with words about the model's insides, and constrain reported an internal error.
    CommandCase(id: "fit/cart-value-past-model-limit",
                source: heart + "derive heart.x = (heart.sex * 2 - 1) * 1.7e308\nm = fit heart\n",
                error: "column 'x' holds 1.700e+308, larger than a model of a numeric column samples"),
    CommandCase(id: "fit/copula-value-past-model-limit",
                source: "t = load \"$DATA/widest.csv\" types=[\"a:numeric\"]\nm = fit t method=copula\n",
                error: "column 'a' holds -1.700e+308, larger than a model"),
    CommandCase(id: "constrain/model-of-values-past-limit",
                source: heart + "derive heart.x = (heart.sex * 2 - 1) * 1.7e308\nm = fit heart\nconstrain m heart.age > 5\n",
                error: "topcode it, or rescale it with derive"),
    CommandCase(id: "fit/cart-value-at-model-limit",
                source: "t = load \"$DATA/model_limit.csv\" types=[\"a:numeric\"]\nm = fit t\ns = sample m rows=20 replicates=keep\n"
                    + "describe s\ncompare t s\n", error: nil),
    CommandCase(id: "fit/copula-value-at-model-limit",
                source: "t = load \"$DATA/model_limit.csv\" types=[\"a:numeric\"]\nm = fit t method=copula\n"
                    + "s = sample m rows=20 replicates=keep\ndescribe s\ncompare t s\n", error: nil),
    CommandCase(id: "fit/unvisited-value-past-model-limit",
                source: "t = load \"$DATA/widest.csv\" types=[\"a:numeric\"]\nm = fit t visit=[\"b\"]\ns = sample m rows=5 replicates=keep\n",
                error: nil),
    // A range of whole numbers too wide for its bins overflowed Int inside a private fit; a
    // narrower one was fitted, spending the budget, and then refused at sample.
    CommandCase(id: "domain/whole-range-too-wide-for-its-bins",
                source: heart + "domain heart.age -9007199254740992..9007199254740992 bins=10000\n",
                error: "the domain of 'age' has a range too wide for its bins"),
    CommandCase(id: "domain/half-range-too-wide-for-its-bins",
                source: heart + "domain heart.age 0..9007199254740992 bins=10000\n", error: "too wide for its bins"),
    CommandCase(id: "domain/whole-range-at-the-limit",
                source: TestSupport.heartWithDomains + "domain heart.age -9007199254740992..9007199254740992 bins=3\n"
                    + "privacy epsilon=1\nm = fit heart method=mst epsilon=1\ns = sample m rows=20\ndescribe s\n", error: nil),
    // Doubling a string or a list line after line grew it until memory ran out.
    CommandCase(id: "expression/list-doubled-past-a-million",
                source: "x = [1]\n" + String(repeating: "x = x + x\n", count: 21), error: "a list may hold at most 1000000 items"),
    CommandCase(id: "expression/string-doubled-past-100-MB",
                source: "x = \"ab\"\n" + String(repeating: "x = x + x\n", count: 27), error: "a string may hold at most 100000000 bytes"),
    CommandCase(id: "expression/list-of-half-a-million", source: "x = [1]\n" + String(repeating: "x = x + x\n", count: 19)
                    + "print len(x)\n", error: nil),
    // A column named "" was exported with an empty header cell, which load refuses.
    CommandCase(id: "derive/empty-column-name", source: heart + "derive heart.\"\" = 1\n", error: "a column needs a name"),
    CommandCase(id: "derive/unicode-column-name",
                source: heart + "derive heart.\"größe 名\" = heart.age + 1\ndescribe heart\nm = fit heart\nfake = sample m rows=10\n"
                    + "compare heart fake details=true\n", error: nil),
    // Negating a boolean column made a boolean of -1 and 0, and a private fit indexed its
    // levels with -1.
    CommandCase(id: "derive/negated-boolean",
                source: TestSupport.heartWithDomains + "derive heart.old = heart.age > 50\nderive heart.young = -heart.old\n",
                error: "a boolean is negated with 'not'"),
    CommandCase(id: "derive/not-boolean-fits-privately",
                source: TestSupport.heartWithDomains + "derive heart.old = heart.age > 50\nderive heart.young = not heart.old\n"
                    + "privacy epsilon=1\nm = fit heart method=mst epsilon=1\ns = sample m rows=10\n", error: nil),
]

@Suite(.serialized) struct HostileScriptTests {
    @Test(arguments: hostileCases)
    func hostile(_ testCase: CommandCase) {
        // Setup: the fixtures the case names.
        let source = testCase.source.replacingOccurrences(of: "$DATA/", with: HostileFixtures.directory + "/")
        // Run
        let result = TestSupport.run(source)
        // Assert: a located error with the expected words, or success.
        if let fragment = testCase.error {
            #expect(result.status == .scriptError, "\(testCase.id) should fail: \(result.errors)")
            #expect(result.errors.contains(fragment), "\(testCase.id): \(result.errors)")
            #expect(result.errors.contains("test.synth:"), "\(testCase.id) error has no location: \(result.errors)")
        } else {
            #expect(result.status == .ok, "\(testCase.id): \(result.errors)")
        }
    }

    @Test func aDerivedDateNoColumnCanHoldIsMissingAndCounted() {
        // Run: every date of death moved 1e300 days on, past what a date column holds.
        let result = TestSupport.run(patients + "derive p.dod = p.dod + 1e300\n")
        // Assert: the 31 dates present become missing, as an infinite result does.
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("p.dod = p.dod + 1e+300: date, replacing the column, 100 missing values"), "\(result.output)")
    }

    @Test func aDerivedWholeNumberPast2To53IsANumber() {
        // Run
        let result = TestSupport.run(heart + "derive heart.big = heart.age * 1e20\nderive heart.small = heart.age * 2\n")
        // Assert: too wide for an integer column, so numeric; the ordinary one stays integer.
        #expect(result.output.contains("heart.big = heart.age * 1e+20: numeric\n"), "\(result.output)")
        #expect(result.output.contains("heart.small = heart.age * 2: integer\n"), "\(result.output)")
    }
}

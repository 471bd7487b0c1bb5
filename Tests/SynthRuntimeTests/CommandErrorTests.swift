// Four cases per command, run through the whole interpreter: a missing argument, a valid call,
// too many arguments, and a bad value. Errors must name the place and never crash.

import Testing
@testable import SynthRuntime

struct CommandCase: CustomStringConvertible, Sendable {
    let id: String
    let source: String
    /// nil: the call must succeed; otherwise a fragment the error must contain.
    let error: String?
    var description: String { id }
}

private let prelude = """
heart = load "examples/data/heart.csv"
model = fit heart
fake = sample model rows=50 seed=1

"""

/// Commands that only change a table need no model.
private let heartOnly = "heart = load \"examples/data/heart.csv\"\n"

let commandCases: [CommandCase] = [
    CommandCase(id: "load/missing", source: "t = load\n", error: "missing argument"),
    CommandCase(id: "load/valid", source: "t = load \"examples/data/heart.csv\" missing=[\"\", \"?\"]\n", error: nil),
    CommandCase(id: "load/too-many", source: "t = load \"examples/data/heart.csv\" \"x.csv\"\n", error: "too many"),
    CommandCase(id: "load/bad-value", source: "t = load \"examples/data/heart.csv\" types=[\"age:integr\"]\n", error: "did you mean 'integer'?"),
    CommandCase(id: "describe/missing", source: "describe\n", error: "missing argument"),
    CommandCase(id: "describe/valid", source: prelude + "describe heart\n", error: nil),
    CommandCase(id: "describe/too-many", source: prelude + "describe heart fake\n", error: "too many"),
    CommandCase(id: "describe/bad-value", source: "describe nothing_here\n", error: "unknown variable 'nothing_here'"),
    CommandCase(id: "role/missing", source: prelude + "role heart.age\n", error: "missing argument"),
    CommandCase(id: "role/valid", source: prelude + "role heart.age quasi\n", error: nil),
    CommandCase(id: "role/too-many", source: prelude + "role heart.age quasi target\n", error: "too many"),
    CommandCase(id: "role/bad-value", source: prelude + "role heart.age quasy\n", error: "did you mean 'quasi'?"),
    CommandCase(id: "drop/missing", source: prelude + "t = drop\n", error: "missing argument"),
    CommandCase(id: "drop/valid", source: prelude + "t = drop heart.age heart.sex\nprint len(columns(t))\n", error: nil),
    CommandCase(id: "drop/too-many", source: prelude + "t = drop heart.age fake.sex\n", error: "one table"),
    CommandCase(id: "drop/bad-value", source: prelude + "t = drop heart.agee\n", error: "unknown column 'agee'"),
    CommandCase(id: "generalize/missing", source: heartOnly + "generalize heart.age\n", error: "exactly one of prefix= (codes) and to= (dates)"),
    CommandCase(id: "generalize/valid", source: heartOnly + "generalize heart.age prefix=1\n", error: nil),
    CommandCase(id: "generalize/too-many", source: heartOnly + "generalize heart.age heart.sex prefix=1\n", error: "too many"),
    CommandCase(id: "generalize/bad-value", source: heartOnly + "generalize heart.age to=year\n", error: "to= applies to date and datetime columns"),
    CommandCase(id: "topcode/missing", source: heartOnly + "topcode heart.age\n", error: "missing option"),
    CommandCase(id: "topcode/valid", source: heartOnly + "topcode heart.age at=70 bottom=30\n", error: nil),
    CommandCase(id: "topcode/too-many", source: heartOnly + "topcode heart.age 90 at=90\n", error: "too many"),
    CommandCase(id: "topcode/bad-value", source: heartOnly + "topcode heart.age at=69.5\n", error: "holds whole numbers"),
    CommandCase(id: "suppress/missing", source: heartOnly + "suppress min_count=11\n", error: "missing argument"),
    CommandCase(id: "suppress/valid", source: "s = load \"examples/data/heart_sites.csv\"\nsuppress s min_count=11\nsuppress s.site min_count=300 other=\"small\"\n", error: nil),
    CommandCase(id: "suppress/too-many", source: heartOnly + "suppress heart heart.age min_count=11\n", error: "too many"),
    CommandCase(id: "suppress/bad-value", source: heartOnly + "suppress heart min_count=0\n", error: "min_count= must be between 1 and"),
    CommandCase(id: "fit/missing", source: "m = fit\n", error: "missing argument"),
    CommandCase(id: "fit/valid", source: prelude + "m = fit heart method=copula identifiers=drop\n", error: nil),
    CommandCase(id: "fit/too-many", source: prelude + "m = fit heart fake\n", error: "too many"),
    CommandCase(id: "fit/bad-value", source: prelude + "m = fit model\n", error: "fit needs a table"),
    CommandCase(id: "sample/missing", source: "s = sample\n", error: "missing argument"),
    CommandCase(id: "sample/valid", source: prelude + "s = sample model rows=10 seed=3 replicates=keep\n", error: nil),
    CommandCase(id: "sample/too-many", source: prelude + "s = sample model heart\n", error: "too many"),
    CommandCase(id: "sample/bad-value", source: prelude + "s = sample model rows=2.5\n", error: "whole number"),
    CommandCase(id: "compare/missing", source: prelude + "compare heart\n", error: "missing argument"),
    CommandCase(id: "compare/valid", source: prelude + "compare heart fake details=true\n", error: nil),
    CommandCase(id: "compare/too-many", source: prelude + "compare heart fake heart\n", error: "too many"),
    CommandCase(id: "compare/bad-value", source: prelude + "compare heart model\n", error: "compare needs a table"),
    CommandCase(id: "export/missing", source: prelude + "export fake to\n", error: "missing argument"),
    CommandCase(id: "export/valid", source: prelude + "export fake to \"out/test_export.csv\"\n", error: nil),
    CommandCase(id: "export/too-many", source: prelude + "export fake to \"a.csv\" \"b.csv\"\n", error: "too many"),
    CommandCase(id: "export/bad-value", source: prelude + "export 42 to \"out/x.csv\"\n", error: "export takes a table"),
    CommandCase(id: "split/missing", source: "a, b = split\n", error: "missing argument"),
    CommandCase(id: "split/valid", source: prelude + "a, b = split heart train=0.8 seed=3\nprint rows(a) rows(b)\n", error: nil),
    CommandCase(id: "split/too-many", source: prelude + "a, b = split heart fake\n", error: "too many"),
    CommandCase(id: "split/bad-value", source: prelude + "a, b = split heart train=1.5\n", error: "train= must be a share between 0 and 1"),
    CommandCase(id: "seed/missing", source: "seed\n", error: "missing argument"),
    CommandCase(id: "seed/valid", source: "seed 42\n", error: nil),
    CommandCase(id: "seed/too-many", source: "seed 1 2\n", error: "too many"),
    CommandCase(id: "seed/bad-value", source: "seed -3\n", error: "whole number"),
    CommandCase(id: "save/missing", source: "save\n", error: "missing argument"),
    CommandCase(id: "save/valid", source: "save \"out/test_session.synth\"\n", error: nil),
    CommandCase(id: "save/too-many", source: "save \"a.synth\" \"b.synth\"\n", error: "too many"),
    CommandCase(id: "save/bad-value", source: "save 12\n", error: "string"),
    CommandCase(id: "print/missing", source: "print\n", error: nil),
    CommandCase(id: "print/valid", source: "print 1 \"two\" [3]\n", error: nil),
    CommandCase(id: "print/too-many", source: "print 1 2 3 4 5 6 7 8 9 10\n", error: nil),
    CommandCase(id: "print/bad-value", source: "print (1 / 0)\n", error: "division by zero"),
    CommandCase(id: "privacy/missing", source: "privacy delta=1e-6\n", error: "missing option"),
    CommandCase(id: "privacy/valid", source: "privacy epsilon=1 delta=1e-6\ndescribe privacy\n", error: nil),
    CommandCase(id: "privacy/too-many", source: "privacy 2 epsilon=1\n", error: "too many"),
    CommandCase(id: "privacy/bad-value", source: "privacy epsilon=-1\n", error: "epsilon= must be between 1e-06 and 100, got -1"),
    CommandCase(id: "domain/missing", source: prelude + "domain heart.age\n", error: "a range (0..120) or a list"),
    CommandCase(id: "domain/valid", source: prelude + "domain heart.age 0..120 bins=24\ndomain heart.thal [\"3\", \"6\", \"7\"] missing=true\n", error: nil),
    CommandCase(id: "domain/too-many", source: prelude + "domain heart.age 0..120 1\n", error: "too many"),
    CommandCase(id: "domain/bad-value", source: prelude + "domain heart.age 120..0\n", error: "from low to high"),
    CommandCase(id: "constrain/missing", source: prelude + "constrain model\n", error: "needs a rule"),
    CommandCase(id: "constrain/valid", source: prelude + "constrain model heart.age between 30 and 70\nx = sample model rows=50\n", error: nil),
    CommandCase(id: "constrain/too-many", source: prelude + "constrain model heart.age > 1 rows=2\n", error: "unknown option"),
    CommandCase(id: "constrain/bad-value", source: prelude + "constrain model heart.agee > 1\n", error: "did you mean 'age'?"),
    CommandCase(id: "derive/missing", source: prelude + "derive heart.x\n", error: "needs '= <expression>'"),
    CommandCase(id: "derive/valid", source: prelude + "derive heart.pulse_reserve = 220 - heart.age - heart.thalach\ndescribe heart\n", error: nil),
    CommandCase(id: "derive/too-many", source: prelude + "derive heart.x = 1 2\n", error: "too many"),
    CommandCase(id: "derive/bad-value", source: prelude + "derive heart.x = heart.agee + 1\n", error: "did you mean 'age'?"),
    CommandCase(id: "help/missing", source: "help\n", error: nil),
    CommandCase(id: "help/valid", source: "help fit\n", error: nil),
    CommandCase(id: "help/too-many", source: "help fit sample\n", error: "too many"),
    CommandCase(id: "help/bad-value", source: "help fti\n", error: "did you mean 'fit'?"),
]

@Suite(.serialized) struct CommandErrorTests {
    @Test(arguments: commandCases)
    func command(_ testCase: CommandCase) {
        let result = TestSupport.run(testCase.source)
        if let fragment = testCase.error {
            #expect(result.status == .scriptError, "\(testCase.id) should fail")
            #expect(result.errors.contains(fragment), "\(testCase.id): \(result.errors)")
            #expect(result.errors.contains("test.synth:"), "\(testCase.id) error has no location: \(result.errors)")
        } else {
            #expect(result.status == .ok, "\(testCase.id): \(result.errors)")
        }
    }

    @Test func everyCommandHasFourCases() {
        for name in SynthLangNames.commands {
            for kind in ["missing", "valid", "too-many", "bad-value"] {
                #expect(commandCases.contains { $0.id == "\(name)/\(kind)" }, "no \(kind) case for \(name)")
            }
        }
    }
}

import SynthLang
enum SynthLangNames {
    static var commands: [String] { CommandTable.names }
}

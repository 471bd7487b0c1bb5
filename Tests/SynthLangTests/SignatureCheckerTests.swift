// SignatureCheckerTests: four cases per command (missing, valid, too many, bad value) and more.

import SynthCore
import Testing
@testable import SynthLang

/// One checker case: a command with its error position marked by ‸, or no marker when valid.
struct SignatureCase: CustomTestStringConvertible, Sendable {
    let command: String
    let kind: String
    let marked: String
    /// nil: the command must pass.
    let message: String?
    var hint: String? = nil
    var testDescription: String { "\(command) \(kind): \(marked)" }
}

/// Diagnostics of the checker for the single command in `source`.
func checked(_ source: String) -> [Diagnostic] {
    let result = parse(source)
    #expect(result.diagnostics.isEmpty, "\(source) should parse: \(result.diagnostics)")
    return SignatureChecker.checkProgram(result.program)
}

let signatureCases: [SignatureCase] = [
    .init(command: "load", kind: "missing", marked: "‸load", message: "missing argument: load needs \"<file>\""),
    .init(command: "load", kind: "valid", marked: "load \"a.csv\" missing=[\"NA\"] delimiter=\";\" types=[\"a:text\"]", message: nil),
    .init(command: "load", kind: "too many", marked: "load \"a.csv\" ‸\"b.csv\"", message: "too many arguments: load takes 1 argument"),
    .init(command: "load", kind: "bad", marked: "load ‸42", message: "file must be a string, not a number"),

    .init(command: "describe", kind: "missing", marked: "‸describe", message: "missing argument: describe needs <value>"),
    .init(command: "describe", kind: "valid", marked: "describe model", message: nil),
    .init(command: "describe", kind: "too many", marked: "describe t ‸u", message: "too many arguments: describe takes 1 argument"),
    .init(command: "describe", kind: "bad", marked: "describe t where age ‸> 3", message: "'describe' does not take a 'where' condition"),

    .init(command: "role", kind: "missing", marked: "‸role t.mrn",
          message: "missing argument: role needs attribute|identifier|quasi|sensitive|target"),
    .init(command: "role", kind: "valid", marked: "role t.mrn identifier", message: nil),
    .init(command: "role", kind: "too many", marked: "role t.mrn quasi ‸target", message: "too many arguments: role takes 2 arguments"),
    .init(command: "role", kind: "bad", marked: "role t.mrn ‸identifer", message: "unknown role 'identifer'",
          hint: "did you mean 'identifier'?"),

    .init(command: "drop", kind: "missing", marked: "‸drop", message: "missing argument: drop needs <table.column>"),
    .init(command: "drop", kind: "valid", marked: "drop heart.thal heart.ca", message: nil),
    .init(command: "drop", kind: "too many", marked: "drop t.a t.b t.c t.d t.e", message: nil),
    .init(command: "drop", kind: "bad", marked: "drop t.a ‸thal", message: "columns must be a column as table.column, not a name"),

    .init(command: "generalize", kind: "missing", marked: "‸generalize prefix=3", message: "missing argument: generalize needs <table.column>|<table>"),
    .init(command: "generalize", kind: "valid", marked: "generalize t.zip prefix=3 width=5", message: nil),
    .init(command: "generalize", kind: "too many", marked: "generalize t.dob ‸year",
          message: "too many arguments: generalize takes 1 argument"),
    .init(command: "generalize", kind: "bad", marked: "generalize t.zip prefix=‸\"3\"", message: "prefix must be a whole number, not a string"),

    .init(command: "topcode", kind: "missing", marked: "‸topcode at=90", message: "missing argument: topcode needs <table.column>"),
    .init(command: "topcode", kind: "valid", marked: "topcode t.age at=90 bottom=0", message: nil),
    .init(command: "topcode", kind: "too many", marked: "topcode t.age ‸90 at=90", message: "too many arguments: topcode takes 1 argument"),
    .init(command: "topcode", kind: "bad", marked: "topcode t.age at=‸\"90\"", message: "at must be a number, not a string"),

    .init(command: "suppress", kind: "missing", marked: "‸suppress min_count=11", message: "missing argument: suppress needs <table>"),
    .init(command: "suppress", kind: "valid", marked: "suppress t.race min_count=11 other=\"Other\"", message: nil),
    .init(command: "suppress", kind: "too many", marked: "suppress t ‸u min_count=11", message: "too many arguments: suppress takes 1 argument"),
    .init(command: "suppress", kind: "bad", marked: "suppress t min_count=‸2.5", message: "min_count must be a whole number, not 2.5"),

    .init(command: "fit", kind: "missing", marked: "‸fit", message: "missing argument: fit needs <table>"),
    .init(command: "fit", kind: "valid", marked: "m = fit heart method=copula identifiers=drop", message: nil),
    .init(command: "fit", kind: "too many", marked: "fit heart ‸other", message: "too many arguments: fit takes 1 argument"),
    .init(command: "fit", kind: "bad", marked: "fit heart method=‸coupla", message: "unknown method 'coupla'",
          hint: "did you mean 'copula'?"),

    .init(command: "sample", kind: "missing", marked: "‸sample rows=5", message: "missing argument: sample needs <model>"),
    .init(command: "sample", kind: "valid", marked: "sample m rows=100 seed=-3 replicates=keep", message: nil),
    .init(command: "sample", kind: "too many", marked: "sample m ‸n", message: "too many arguments: sample takes 1 argument"),
    .init(command: "sample", kind: "bad", marked: "sample m rows=‸2.5", message: "rows must be a whole number, not 2.5"),

    .init(command: "compare", kind: "missing", marked: "‸compare real", message: "missing argument: compare needs <table>"),
    .init(command: "compare", kind: "valid", marked: "compare real fake details=true", message: nil),
    .init(command: "compare", kind: "too many", marked: "compare a b ‸c", message: "too many arguments: compare takes 2 arguments"),
    .init(command: "compare", kind: "bad", marked: "compare a b details=‸3", message: "details must be true or false, not a number"),

    .init(command: "export", kind: "missing", marked: "‸export fake", message: "missing argument: export needs to \"<file>\""),
    .init(command: "export", kind: "valid", marked: "export fake to \"out/f.csv\"", message: nil),
    .init(command: "export", kind: "too many", marked: "export fake to \"a.csv\" ‸\"b.csv\"",
          message: "too many arguments: export takes 2 arguments"),
    .init(command: "export", kind: "bad", marked: "export fake ‸\"f.csv\"", message: "expected 'to'"),

    .init(command: "split", kind: "missing", marked: "a, b = ‸split", message: "missing argument: split needs <table>"),
    .init(command: "split", kind: "valid", marked: "a, b = split t train=0.8 seed=3", message: nil),
    .init(command: "split", kind: "too many", marked: "a, b = split t ‸u", message: "too many arguments: split takes 1 argument"),
    .init(command: "split", kind: "bad", marked: "a, b = split t train=‸\"x\"", message: "train must be a number, not a string"),
    .init(command: "seed", kind: "missing", marked: "‸seed", message: "missing argument: seed needs <integer>"),
    .init(command: "seed", kind: "valid", marked: "seed 2026", message: nil),
    .init(command: "seed", kind: "too many", marked: "seed 1 ‸2", message: "too many arguments: seed takes 1 argument"),
    .init(command: "seed", kind: "bad", marked: "seed ‸\"x\"", message: "seed must be a whole number, not a string"),

    .init(command: "save", kind: "missing", marked: "‸save", message: "missing argument: save needs \"<file>\""),
    .init(command: "save", kind: "valid", marked: "save \"session.synth\"", message: nil),
    .init(command: "save", kind: "too many", marked: "save \"a\" ‸\"b\"", message: "too many arguments: save takes 1 argument"),
    .init(command: "save", kind: "bad", marked: "save ‸[\"a\"]", message: "file must be a string, not a list"),

    .init(command: "print", kind: "missing", marked: "print", message: nil),
    .init(command: "print", kind: "valid", marked: "print \"rows:\" fake", message: nil),
    .init(command: "print", kind: "too many", marked: "print a b c d e f", message: nil),
    .init(command: "print", kind: "bad", marked: "print x ‸rows=3", message: "unknown option 'rows' for 'print'",
          hint: "print takes no options"),

    .init(command: "privacy", kind: "missing", marked: "‸privacy delta=1e-6", message: "missing option: privacy needs epsilon=<number>"),
    .init(command: "privacy", kind: "valid", marked: "privacy epsilon=1 delta=1e-6", message: nil),
    .init(command: "privacy", kind: "too many", marked: "privacy ‸1 epsilon=1", message: "too many arguments: privacy takes no arguments"),
    .init(command: "privacy", kind: "bad", marked: "privacy epsilon=‸\"one\"", message: "epsilon must be a number, not a string"),

    .init(command: "domain", kind: "missing", marked: "‸domain", message: "missing argument: domain needs <table.column>"),
    .init(command: "domain", kind: "valid", marked: "domain t.age 0..120 bins=24 missing=true", message: nil),
    .init(command: "domain", kind: "too many", marked: "domain t.age 0..120 ‸24", message: "too many arguments: domain takes 2 arguments"),
    .init(command: "domain", kind: "bad", marked: "domain t.age 0..120 bins=‸\"x\"", message: "bins must be a whole number, not a string"),

    .init(command: "constrain", kind: "missing", marked: "‸constrain", message: "missing argument: constrain needs <model>"),
    .init(command: "constrain", kind: "valid", marked: "constrain m t.admit <= t.discharge", message: nil),
    .init(command: "constrain", kind: "too many", marked: "constrain m t.a <= t.b ‸rows=3", message: "unknown option 'rows' for 'constrain'"),
    .init(command: "constrain", kind: "bad", marked: "constrain ‸\"m\" t.a <= t.b", message: "model must be a model, not a string"),

    .init(command: "derive", kind: "missing", marked: "‸derive", message: "missing argument: derive needs <table.column>"),
    .init(command: "derive", kind: "valid", marked: "derive t.los = t.discharge - t.admit", message: nil),
    .init(command: "derive", kind: "too many", marked: "derive t.los = 1 ‸2", message: "too many arguments: derive takes 1 argument"),
    .init(command: "derive", kind: "bad", marked: "derive ‸3 = 4", message: "column must be a column as table.column, not a number"),

    .init(command: "help", kind: "missing", marked: "help", message: nil),
    .init(command: "help", kind: "valid", marked: "help fit", message: nil),
    .init(command: "help", kind: "too many", marked: "help fit ‸sample", message: "too many arguments: help takes 1 argument"),
    .init(command: "help", kind: "bad", marked: "help ‸3", message: "topic must be a word, not a number"),
]

@Suite struct SignatureCheckerTests {
    @Test func everyCommandHasFourCases() {
        for name in CommandTable.names {
            let kinds = signatureCases.filter { $0.command == name }.map(\.kind)
            #expect(kinds == ["missing", "valid", "too many", "bad"], "cases for \(name)")
        }
    }

    @Test(arguments: signatureCases)
    func fourCasesPerCommand(_ c: SignatureCase) throws {
        guard let message = c.message else {
            #expect(checked(c.marked).isEmpty)
            return
        }
        let marked = MarkedSource(c.marked)
        let diagnostics = checked(marked.source)
        #expect(diagnostics.count == 1)
        let d = try #require(diagnostics.first)
        #expect(d.message == message)
        #expect(d.span?.line == marked.line && d.span?.column == marked.column)
        if let hint = c.hint { #expect(d.hint == hint) }
    }

    @Test func missingArgumentHintIsTheUsageLine() throws {
        let d = try #require(checked("fit").first)
        #expect(d.hint == "usage: \(CommandTable.signature("fit")!.usage)")
    }

    @Test func unknownOptionSuggestsTheClosest() throws {
        let marked = MarkedSource("sample m ‸rwos=3")
        let d = try #require(checked(marked.source).first)
        #expect(d.message == "unknown option 'rwos' for 'sample'")
        #expect(d.hint == "did you mean 'rows'?")
        #expect(d.span?.column == marked.column && d.span?.length == 4)
    }

    @Test func duplicateOption() throws {
        let marked = MarkedSource("sample m rows=1 ‸rows=2")
        let d = try #require(checked(marked.source).first)
        #expect(d.message == "duplicate option 'rows'")
        #expect(d.span?.column == marked.column)
    }

    @Test func stringListElementsAreChecked() throws {
        let marked = MarkedSource("load \"a.csv\" missing=[\"NA\", ‸1]")
        let d = try #require(checked(marked.source).first)
        #expect(d.message == "missing must be a list of strings, not a list holding a number")
        #expect(d.span?.column == marked.column)
    }

    @Test(arguments: [
        "fit t method=m",            // a word is checked against the choices: m is not a method
    ])
    func wordChoicesAreWordsNotVariables(_ source: String) {
        #expect(checked(source).count == 1)
    }

    @Test(arguments: [
        "sample m rows=n",
        "seed s",
        "load path",
        "compare a b details=flag",
        "load \"a\" missing=na",
        "fit t method=\"copula\"",
        "load model \"m.json\"",
        "sample m rows=10 * 2",
    ])
    func variablesAndStringsAreAccepted(_ source: String) {
        #expect(checked(source).isEmpty)
    }

    @Test func tableLiteralsAreRejected() throws {
        let d = try #require(checked("fit \"heart.csv\"").first)
        #expect(d.message == "table must be a table, not a string")
    }

    @Test func checksReachIntoProcedureBodiesAndBindings() {
        let source = "def f(t)\n  m = fit t method=ctgan\n  s = sample m rowz=3\n  return s\nend\nx = seed 1 2"
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        let diagnostics = SignatureChecker.checkProgram(result.program)
        #expect(diagnostics.map(\.message) == ["unknown method 'ctgan'", "unknown option 'rowz' for 'sample'", "too many arguments: seed takes 1 argument"])
    }
}

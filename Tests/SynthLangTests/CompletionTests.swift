// CompletionTests: candidates for commands, variables, options, choices, columns and paths.

import Testing
@testable import SynthLang

/// A session with two tables, a model, and a small fake file system.
struct FakeSession: CompletionContext {
    var variableNames: [String] { ["heart", "fake", "model", "patients"] }

    func columns(of variable: String) -> [String]? {
        switch variable {
        case "heart": return ["age", "sex", "chol", "thal"]
        case "patients": return ["mrn", "admit_date", "age"]
        default: return nil
        }
    }

    func directoryEntries(_ directory: String) -> [(name: String, isDirectory: Bool)] {
        switch directory {
        case "": return [("data", true), ("out", true), ("notes.txt", false), (".hidden", false)]
        case "data/": return [("admissions.csv", false), ("heart.csv", false), ("archive", true)]
        default: return []
        }
    }
}

struct CompletionCase: CustomTestStringConvertible, Sendable {
    let line: String
    let expected: [String]
    var testDescription: String { "'\(line)'" }
}

@Suite struct CompletionTests {
    static let commandsAndVariables = (CommandTable.names + ["heart", "fake", "model", "patients"]).sorted()

    @Test(arguments: [
        CompletionCase(line: "", expected: commandsAndVariables),
        CompletionCase(line: "f", expected: ["fake", "fit"]),
        CompletionCase(line: "x = sa", expected: ["sample", "save"]),
        CompletionCase(line: "x = ", expected: commandsAndVariables),
        CompletionCase(line: "describe h", expected: ["heart"]),
        CompletionCase(line: "fit heart ", expected: ["cp=", "epsilon=", "identifiers=", "maxdepth=", "method=", "minbucket=", "order=",
                                                      "predictors=", "proper=", "smooth=", "visit="]),
        CompletionCase(line: "fit heart me", expected: ["method="]),
        CompletionCase(line: "describe pr", expected: ["privacy"]),
        CompletionCase(line: "m = fit heart method=", expected: ["cart", "copula", "mst"]),
        CompletionCase(line: "train, test = spl", expected: ["split"]),
        CompletionCase(line: "fit heart method=co", expected: ["copula"]),
        CompletionCase(line: "fit heart identifiers=", expected: ["drop", "regenerate"]),
        CompletionCase(line: "compare heart fake details=", expected: ["false", "true"]),
        CompletionCase(line: "sample model rows=10 ", expected: ["replicates=", "seed=", "where"]),
        CompletionCase(line: "export fake ", expected: ["to"]),
        CompletionCase(line: "export fake t", expected: ["to"]),
        CompletionCase(line: "export fake to ", expected: ["fake", "heart", "model", "patients"]),
        CompletionCase(line: "load ", expected: ["delimiter=", "fake", "heart", "missing=", "model", "patients", "types="]),
        CompletionCase(line: "role heart.age ", expected: CommandTable.roles),
        CompletionCase(line: "role heart.age q", expected: ["quasi"]),
        CompletionCase(line: "help f", expected: ["fit"]),
        CompletionCase(line: "help l", expected: ["language", "load"]),
        CompletionCase(line: "describe heart.", expected: ["heart.age", "heart.chol", "heart.sex", "heart.thal"]),
        CompletionCase(line: "drop heart.age heart.t", expected: ["heart.thal"]),
        CompletionCase(line: "x = patients.a", expected: ["patients.admit_date", "patients.age"]),
        CompletionCase(line: "describe model.", expected: []),
        CompletionCase(line: "x = heart + f", expected: ["fake"]),
        CompletionCase(line: "load \"", expected: ["data/", "notes.txt", "out/"]),
        CompletionCase(line: "load \"da", expected: ["data/"]),
        CompletionCase(line: "load \"data/", expected: ["data/admissions.csv", "data/archive/", "data/heart.csv"]),
        CompletionCase(line: "export fake to 'data/h", expected: ["data/heart.csv"]),
        CompletionCase(line: "load \".h", expected: [".hidden"]),
        CompletionCase(line: "print \"done\" f", expected: ["fake"]),
        CompletionCase(line: "load \"a.csv\" missing=[\"NA\", \"?\"] ", expected: ["delimiter=", "types="]),
        CompletionCase(line: "load \"a.csv\" missing=[\"NA\"] delimiter=\";\" t", expected: ["types="]),
        CompletionCase(line: "sample model rows=(1 + 2) s", expected: ["seed="]),
        CompletionCase(line: "x = 1 # f", expected: []),
    ])
    func candidates(_ c: CompletionCase) {
        let result = Completion.candidates(line: c.line, cursor: c.line.count, context: FakeSession())
        #expect(result == c.expected)
    }

    @Test func cursorInTheMiddleCompletesTheWordBeforeIt() {
        let line = "fit hea method=copula"
        let result = Completion.candidates(line: line, cursor: 7, context: FakeSession())
        #expect(result == ["heart"])
    }

    @Test func cursorBeyondTheLineIsClamped() {
        #expect(Completion.candidates(line: "fi", cursor: 99, context: FakeSession()) == ["fit"])
    }

    @Test(arguments: [
        ("fit hea", 4), ("describe heart.a", 9), ("load \"data/h", 6), ("x = ", 4), ("", 0),
    ])
    func replacementStartsAtTheWord(_ line: String, _ start: Int) {
        #expect(Completion.replacementStart(line: line, cursor: line.count) == start)
    }

    @Test func utf8OffsetsBecomeCharacterOffsets() {
        let line = "größe = fit"
        #expect(Completion.characterOffset(utf8Offset: line.utf8.count, in: line) == line.count)
        #expect(Completion.characterOffset(utf8Offset: 4, in: line) == 3)
    }
}

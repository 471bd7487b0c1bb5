// ParserErrorTests: Lua-style messages at the offending token, recovery, and REPL incompleteness.

import SynthCore
import Testing
@testable import SynthLang

/// A source with its error position marked by ‸ and the expected message.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    let marked: String
    let message: String
    var hint: String? = nil
    var testDescription: String { marked.replacingOccurrences(of: "\n", with: "⏎") }
}

@Suite struct ParserErrorTests {
    @Test(arguments: [
        ErrorCase(marked: "x = ‸", message: "expected an expression after '='"),
        ErrorCase(marked: "x = 1 +‸\n", message: "expected an expression after '+'"),
        ErrorCase(marked: "x = 1 + ‸)", message: "expected an expression after '+'"),
        ErrorCase(marked: "x = (1 +\n 2 ‸y", message: "')' expected (to close '(' at line 1)"),
        ErrorCase(marked: "x = [1, 2 ‸3]", message: "']' expected (to close '[' at line 1)"),
        ErrorCase(marked: "‸)", message: "unexpected ')'"),
        ErrorCase(marked: "x = 1 ‸)", message: "unexpected ')'"),
        ErrorCase(marked: "x = ‸$", message: "unexpected character '$'"),
        ErrorCase(marked: "load ‸\"data.csv", message: "unterminated string"),
        ErrorCase(marked: "‸fti heart", message: "unknown command 'fti'", hint: "did you mean 'fit'?"),
        ErrorCase(marked: "m = ‸smaple model", message: "unknown command 'smaple'", hint: "did you mean 'sample'?"),
        ErrorCase(marked: "‸sample = 3", message: "'sample' is a command; choose another name"),
        ErrorCase(marked: "fit t method=copula ‸heart", message: "positional argument after options"),
        ErrorCase(marked: "‸return 1", message: "'return' outside a procedure"),
        ErrorCase(marked: "def f(m)\n  return ‸sample m\nend", message: SyntaxMessage.returnOfCommand("sample")),
        ErrorCase(marked: "print a ‸== b", message: "unexpected '=='", hint: SyntaxMessage.parenthesizeHint),
        ErrorCase(marked: "‸fti [\"a\"]", message: "unknown command 'fti'", hint: "did you mean 'fit'?"),
        ErrorCase(marked: "x = ‸prnt true", message: "unknown command 'prnt'", hint: "did you mean 'print'?"),
        ErrorCase(marked: "def f(a, ‸a)\nend", message: "duplicate parameter 'a'"),
        ErrorCase(marked: "def f(‸sample)\nend", message: "'sample' is a command; choose another name"),
        ErrorCase(marked: "‸where = 3", message: "'where' is a reserved word; choose another name"),
        ErrorCase(marked: "def ‸end(x)\nend", message: "'end' is a reserved word; choose another name"),
        ErrorCase(marked: "def f(x, ‸in)\nend", message: "'in' is a reserved word; choose another name"),
        ErrorCase(marked: "‸end", message: "unexpected 'end'"),
        ErrorCase(marked: "x = 1 < 2 ‸< 3", message: "comparisons cannot be chained; use 'and'"),
        ErrorCase(marked: "x = t.‸1", message: "expected a name after '.'"),
        ErrorCase(marked: "use ‸safe", message: "expected a module name (a string) after 'use'"),
        ErrorCase(marked: "def ‸(x)\nend", message: "expected a name after 'def'"),
        ErrorCase(marked: "def ‸fit(x)\nend", message: "'fit' is a command; choose another name"),
        ErrorCase(marked: "def f(x) ‸y\nend", message: "unexpected 'y'"),
        ErrorCase(marked: "x = 1 ‸2", message: "unexpected '2'"),
        ErrorCase(marked: "fit t where‸", message: "expected an expression after 'where'"),
        ErrorCase(marked: "def f(x)\n  y = 1‸\n", message: "'end' expected (to close 'def' at line 1)"),
        ErrorCase(marked: "x = 1 ‸\\ ", message: SyntaxMessage.backslashAtEnd),
    ])
    func messageAndPosition(_ c: ErrorCase) throws {
        let marked = MarkedSource(c.marked)
        let result = parse(marked.source)
        let d = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(d.message == c.message)
        #expect(d.span?.line == marked.line)
        #expect(d.span?.column == marked.column)
        if let hint = c.hint { #expect(d.hint == hint) }
    }

    @Test func everyErrorInAScriptIsReportedOncePerStatement() {
        let source = """
        seed 1
        x = (1 +
        y = fti heart
        z = [1, 2
          3]
        describe x
        w = $
        ok = 2
        """
        let result = parse(source)
        #expect(result.diagnostics.map(\.message) == [
            "')' expected (to close '(' at line 2)",
            "unknown command 'fti'",
            "']' expected (to close '[' at line 4)",
            "unexpected character '$'",
        ])
        #expect(result.diagnostics.compactMap(\.span?.line) == [3, 3, 5, 7])
        #expect(result.program.statements.map(\.text) == ["seed 1", "describe x", "ok = 2"])
        #expect(!result.isIncomplete)
    }

    @Test func runawayExpressionsAreErrorsNotStackOverflows() {
        let deep = "x = " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        let long = "x = " + Array(repeating: "1", count: 10_000).joined(separator: " + ")
        let nots = "x = " + String(repeating: "not ", count: 10_000) + "true"
        #expect(parse(deep).diagnostics.map(\.message) == [SyntaxMessage.nestedTooDeeply])
        #expect(parse(long).diagnostics.map(\.message) == [SyntaxMessage.expressionTooLong])
        #expect(parse(nots).diagnostics.map(\.message) == [SyntaxMessage.expressionTooLong])
        #expect(parse("x = " + Array(repeating: "1", count: 1500).joined(separator: " + ")).diagnostics.isEmpty)
    }

    @Test func threeErrorsGiveThreeDiagnostics() {
        let result = parse("fti t\nx = )\nsample = 1\nprint x")
        #expect(result.diagnostics.count == 3)
        #expect(result.diagnostics.compactMap(\.span?.line) == [1, 2, 3])
        #expect(result.program.statements.count == 1)
    }

    @Test func errorsInsideAProcedureBodyAreFoundAndTheBodyStillCloses() {
        let source = "def f(t)\n  x = (\n  y = 1 +\nend\nprint 1 )"
        let result = parse(source)
        #expect(result.diagnostics.map(\.message) == [
            "')' expected (to close '(' at line 2)",
            "expected an expression after '+'",
            "unexpected ')'",
        ])
        #expect(result.program.statements.count == 0)
    }

    @Test func badHeaderSkipsTheBody() {
        let result = parse("def f(x y)\n  fti q\nend\nprint 1")
        #expect(result.diagnostics.count == 1)
        #expect(result.program.statements.map(\.text) == ["print 1"])
    }

    @Test(arguments: [
        "x = (1 +",
        "x = [1,\n 2",
        "def f(x)\n  y = x",
        "def f(x)",
        "def f(a,",
        "x = 1 +",
        "x = 1 +\n",
        "x =",
        "fit t \\",
        "fit t method=",
        "x = f(",
        "x = a and",
        "seed 1\nx = (",
        "def f(x)\n  y = (\n",
    ])
    func incompleteInput(_ source: String) {
        let result = parse(source)
        #expect(!result.diagnostics.isEmpty)
        #expect(result.isIncomplete)
    }

    @Test(arguments: [
        "x = 1",
        "x = )",
        "x = (1 + $",
        "load \"abc",
        "x = (1 +\nfti heart\n",
        "fti heart\nx = (",
        "end",
        "fit t",
    ])
    func completeOrBrokenInput(_ source: String) {
        #expect(!parse(source).isIncomplete)
    }
}

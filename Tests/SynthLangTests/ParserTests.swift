// ParserTests: every statement form, precedence, continuation, and statement text capture.

import SynthCore
import Testing
@testable import SynthLang

@Suite struct ParserTests {
    @Test func bareCommandWithPositionalsOptionsAndWhere() throws {
        let call = try #require(command("fake = sample model rows=50 seed=7 where age > 40"))
        #expect(call.verb == "sample")
        #expect(call.arguments.map(shape) == ["model"])
        #expect(call.options.map(\.name) == ["rows", "seed"])
        #expect(call.options.map { shape($0.value) } == ["50", "7"])
        #expect(call.condition.map(shape) == "(age > 40)")
    }

    @Test func commandArgumentKinds() throws {
        let call = try #require(command("print \"s\" 3 -2 true t.age [1, 2] (1 + 2) f(x) a.b.c"))
        #expect(call.arguments.map(shape) == ["\"s\"", "3", "-2", "true", "t.age", "[1, 2]", "(1 + 2)", "f(x)", "a.b.c"])
    }

    @Test func rangesJoinTwoArguments() throws {
        let call = try #require(command("domain t.age 0..120 bins=24"))
        #expect(call.arguments.map(shape) == ["t.age", "(0..120)"])
        let negative = try #require(command("domain t.x -5..2.5"))
        #expect(negative.arguments.map(shape) == ["t.x", "(-5..2.5)"])
        let dates = try #require(command("domain t.admit \"2001-01-01\"..\"2012-12-31\""))
        #expect(dates.arguments.map(shape) == ["t.admit", "(\"2001-01-01\"..\"2012-12-31\")"])
        let spaced = try #require(command("domain t.age 0 .. 120"))
        #expect(spaced.arguments.map(shape) == ["t.age", "(0..120)"])
    }

    @Test func betweenAndWhenReadAsTheirExpansion() throws {
        let call = try #require(command("constrain m t.age between 0 and 120"))
        #expect(call.condition.map(shape) == "((t.age >= 0) and (t.age <= 120))")
        let when = try #require(command("constrain m t.sex == \"F\" when t.pregnant == true"))
        #expect(when.condition.map(shape) == "((not (t.pregnant == true)) or (t.sex == \"F\"))")
        // Printed back as written.
        #expect(call.condition.map(ExprPrinter.render) == "t.age between 0 and 120")
        #expect(when.condition.map(ExprPrinter.render) == "t.sex == \"F\" when t.pregnant == true")
        let plain = try #require(command("sample m where (t.a + 1) * 2 > t.b or not t.c in [1, 2]"))
        #expect(plain.condition.map(ExprPrinter.render) == "(t.a + 1) * 2 > t.b or not t.c in [1, 2]")
    }

    @Test func aMisspeltWordInARuleIsNamed() {
        let result = parse("constrain m t.age betwen 1 and 2\n")
        #expect(result.diagnostics.first?.message == "unexpected 'betwen'")
        #expect(result.diagnostics.first?.hint == "did you mean 'between'?")
    }

    @Test func constrainTakesTheRestOfTheLineAsItsRule() throws {
        let call = try #require(command("constrain m t.admit <= t.discharge"))
        #expect(call.arguments.map(shape) == ["m"])
        #expect(call.condition.map(shape) == "(t.admit <= t.discharge)")
    }

    @Test func aBracketTouchingATableNameNamesAColumn() throws {
        let call = try #require(command("topcode t[age] at=90"))
        #expect(call.arguments.map(shape) == ["t[age]"])
        let spaced = try #require(command("print t [1]"))
        #expect(spaced.arguments.map(shape) == ["t", "[1]"])
        #expect(call.arguments.first.map(ExprPrinter.render) == "t[age]")
    }

    @Test func quotedColumnNames() throws {
        let call = try #require(command("domain dia.\"glyburide-metformin\" [\"No\", \"Up\"]"))
        #expect(call.arguments.map(shape) == ["dia.glyburide-metformin", "[\"No\", \"Up\"]"])
    }

    @Test func aRangeNeedsItsUpperEnd() {
        let result = parse("domain t.age 0..\n")
        #expect(result.diagnostics.first?.message.contains("after '..'") == true, "\(result.diagnostics)")
    }

    @Test func aCallsParenthesisTouchesItsName() throws {
        let spaced = try #require(command("print x (y) f(z)"))
        #expect(spaced.arguments.map(shape) == ["x", "y", "f(z)"])
    }

    @Test func contextualWordsAreNames() throws {
        let call = try #require(command("export fake to \"out.csv\""))
        #expect(call.arguments.map(shape) == ["fake", "to", "\"out.csv\""])
        let load = try #require(command("load model \"m.json\""))
        #expect(load.arguments.map(shape) == ["model", "\"m.json\""])
    }

    @Test func optionNamedLikeAContextualWord() throws {
        let call = try #require(command("export fake to=\"x\""))
        #expect(call.options.map(\.name) == ["to"])
    }

    @Test func optionValuesAreFullExpressions() throws {
        let call = try #require(command("load \"f.csv\" missing=[\"\", \"NA\", \"?\"] delimiter=\"\\t\""))
        #expect(call.options.map { shape($0.value) } == ["[\"\", \"NA\", \"?\"]", "\"\t\""])
        let sum = try #require(command("sample m rows=10 * 2"))
        #expect(sum.options.map { shape($0.value) } == ["(10 * 2)"])
    }

    @Test func bindingOfExpressionAndCommand() throws {
        guard case let .binding(name, span, .expression(e))? = statement("x = 1 + 2") else {
            Issue.record("not an expression binding")
            return
        }
        #expect(name == "x" && span.column == 1 && shape(e) == "(1 + 2)")
        guard case .binding(_, _, .command)? = statement("m = fit t") else {
            Issue.record("not a command binding")
            return
        }
    }

    @Test func bareExpressionAndProcedureCall() {
        #expect(expression("safe_harbor(patients)").map(shape) == "safe_harbor(patients)")
        #expect(expression("t.age").map(shape) == "t.age")
        #expect(expression("f()").map(shape) == "f()")
    }

    @Test func useStatement() {
        guard case let .use(module, span)? = statement("use \"safe_harbor\"") else {
            Issue.record("not a use")
            return
        }
        #expect(module == "safe_harbor" && span.column == 5)
    }

    @Test func procedureWithReturn() throws {
        let source = """
        def clean(t, limit)
          t = drop t.mrn
          return t
        end
        """
        guard case let .procedure(p)? = statement(source) else {
            Issue.record("not a procedure")
            return
        }
        #expect(p.name == "clean")
        #expect(p.parameters.map(\.name) == ["t", "limit"])
        #expect(p.body.count == 2)
        #expect(p.body.last?.kind == .return(.name("t", SourceSpan(file: "t.synth", line: 3, column: 10))))
        #expect(p.body.first?.text == "t = drop t.mrn")
    }

    @Test func emptyReturnAndNoParameters() throws {
        guard case let .procedure(p)? = statement("def f()\n  return\nend") else {
            Issue.record("not a procedure")
            return
        }
        #expect(p.parameters.isEmpty && p.body.map(\.kind) == [.return(nil)])
    }

    @Test(arguments: [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("8 / 4 % 3", "((8 / 4) % 3)"),
        ("-x * 2", "((-x) * 2)"),
        ("-2 * 3", "(-2 * 3)"),
        ("a or b and c", "(a or (b and c))"),
        ("not a and b", "((not a) and b)"),
        ("not a == b", "(not (a == b))"),
        ("a + 1 < b * 2", "((a + 1) < (b * 2))"),
        ("sex in [\"F\", \"M\"] and age >= 18", "((sex in [\"F\", \"M\"]) and (age >= 18))"),
        ("t.age != 3", "(t.age != 3)"),
        ("f(a, b + 1).x", "f(a, (b + 1)).x"),
        ("true or false", "(true or false)"),
        ("1e-6 <= 2.5", "(1e-06 <= 2.5)"),
    ])
    func precedence(_ source: String, _ expected: String) {
        #expect(expression(source).map(shape) == expected)
    }

    @Test(arguments: [
        ("x = (1 +\n 2)", 1),
        ("x = [1,\n 2,\n 3]", 1),
        ("x = 1 +\n 2", 1),
        ("x =\n 5", 1),
        ("fit t \\\n method=copula", 1),
        ("x = f(a,\n b)\ny = 2", 2),
        ("fit t method=\n copula", 1),
        ("x = a and\n b", 1),
        ("\n# comment\n\nx = 1 # trailing\n\n", 1),
    ])
    func continuationAndBlankLines(_ source: String, _ count: Int) {
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.program.statements.count == count)
    }

    @Test func statementTextIncludesContinuationLines() {
        let source = "seed 1\nx = [1,\n  2]  # c\nfit t \\\n  method=copula\n"
        let texts = parse(source).program.statements.map(\.text)
        #expect(texts == ["seed 1", "x = [1,\n  2]", "fit t \\\n  method=copula"])
    }

    @Test func procedureTextSpansDefToEnd() {
        let source = "def f(x)\n  return x\nend\nprint 1"
        let statements = parse(source).program.statements
        #expect(statements.map(\.text) == ["def f(x)\n  return x\nend", "print 1"])
        #expect(statements.map(\.span.line) == [1, 4])
    }

    @Test func statementSpanIsFirstToken() {
        let statements = parse("  x = 1\n\n   describe x").program.statements
        #expect(statements.map { [$0.span.line, $0.span.column] } == [[1, 3], [3, 4]])
    }

    @Test func memberChainsSpanTheMemberName() {
        guard case let .member(.name("t", _), "age", span)? = expression("t.age") else {
            Issue.record("not a member")
            return
        }
        #expect(span.column == 3 && span.length == 3)
    }

    @Test func fullProtocolParses() {
        let source = """
        # protocol.synth — a study protocol
        use "safe_harbor"                       # stdlib/safe_harbor.synth
        seed 2026
        patients = load "data/admissions.csv" missing=["", "NA", "?"]
        describe patients
        patients = safe_harbor(patients)         # a procedure written in synth
        model = fit patients method=cart
        fake = sample model rows=50000
        compare patients fake holdout=test report="out/report.html"
        export fake to "out/admissions_synthetic.csv"
        export model to "out/model.json"
        """
        let result = parse(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.program.statements.count == 10)
    }

    @Test func crlfScriptsParseAndKeepTheirText() {
        let statements = parse("seed 1\r\nx = [1,\r\n 2]\r\n").program.statements
        #expect(statements.count == 2)
        #expect(statements.last?.text == "x = [1,\r\n 2]")
    }

    @Test func commentsInsideContinuedStatements() {
        let source = "x = [1,  # first\n  2]  # second"
        let statements = parse(source).program.statements
        #expect(statements.map(\.text) == ["x = [1,  # first\n  2]"])
    }

    @Test func useAndNestedCallsInsideProcedures() {
        let source = "def f(t)\n  use \"lib\"\n  x = g(h(t), [t.a])\n  return x\nend"
        guard case let .procedure(p)? = statement(source) else {
            Issue.record("not a procedure")
            return
        }
        #expect(p.body.count == 3)
    }
}

// StdlibTests: procedures generic over column names (t[name]), the table-wide date rule, the
// Safe Harbor zip rule, and help for the stdlib modules.

import Foundation
import Testing
@testable import SynthData
@testable import SynthRuntime

@Suite(.serialized) struct StdlibTests {
    @Test func aProcedureNamesColumnsThroughStrings() throws {
        let result = TestSupport.run("""
            def cap(t, column, limit)
              topcode t[column] at=limit
              return t
            end
            heart = load "examples/data/heart.csv"
            capped = cap(heart, "age", 60)
            print "oldest:" capped
            """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("t.age:"), "\(result.output)")
    }

    @Test func aColumnNameThatIsNotAStringIsAnError() {
        let result = TestSupport.run("""
            heart = load "examples/data/heart.csv"
            topcode heart[3] at=60
            """)
        #expect(result.errors.contains("t[...] needs a column name (a string), got a number"), "\(result.errors)")
    }

    @Test func safeHarborCutsDatesZipsAndAges() throws {
        // Setup / Run
        let session = Session(stdlibDirectory: TestSupport.stdlib)
        let sink = BufferSink()
        _ = TestSupport.packageRoot
        let status = Interpreter(session: session, sink: sink).run(source: """
            use "safe_harbor"
            p = load "Tests/SynthRuntimeTests/Golden/stdlib/patients.csv" types=["zip:categorical", "dob:date", "admit:date"]
            p = safe_harbor(p, "zip", "age")
            """, origin: "s.synth")
        #expect(status == .ok, "\(sink.diagnosticText)")
        guard case let .table(value)? = session.variables["p"] else { Issue.record("no table"); return }
        let table = value.table
        // Assert: years only, 3-digit zips with the restricted areas zeroed, ages capped at 90.
        let dob = table.column("dob")!
        #expect(dob.numbers.allSatisfy { DateCodec.civil(days: Int($0)).month == 1 && DateCodec.civil(days: Int($0)).day == 1 })
        #expect(dob.role == .quasi)
        let zip = table.column("zip")!
        #expect(Set(zip.levels) == ["021", "000", "100", "941", "606", "303"])
        #expect(table.column("age")!.numbers.allSatisfy { $0 <= 90 })
    }

    @Test func helpListsTheStdlibAndShowsAModule() {
        let list = TestSupport.run("help stdlib\n")
        for module in ["safe_harbor", "small_cells", "release_protocol", "synthesize"] {
            #expect(list.output.contains("  \(module)"), "\(list.output)")
        }
        let one = TestSupport.run("help safe_harbor\n")
        #expect(one.output.contains("procedures: safe_harbor_dates(t), safe_harbor_zip(t, zip), safe_harbor_age(t, age), safe_harbor(t, zip, age)"))
        #expect(one.output.contains("  use \"safe_harbor\""))
    }

    @Test func aDateOfBirthCutToItsYearIsModelled() {
        let result = TestSupport.run("""
            p = load "Tests/SynthRuntimeTests/Golden/stdlib/patients.csv" types=["zip:categorical", "dob:date", "admit:date"]
            generalize p.dob to=year
            m = fit p method=copula
            """)
        #expect(result.output.contains("p.dob is no longer a full date of birth: role quasi, modelled"), "\(result.output)")
        #expect(!result.output.contains("dob (identifier)"), "\(result.output)")
    }

    @Test func anErrorInsideAModuleNamesTheCallersLine() {
        let result = TestSupport.run("""
            use "safe_harbor"
            heart = load "examples/data/heart.csv"
            heart = safe_harbor(heart, "zip", "age")
            """)
        #expect(result.errors.contains("unknown column 'zip' in t"), "\(result.errors)")
        #expect(result.errors.contains("in safe_harbor(), called at test.synth:3:9"), "\(result.errors)")
    }

    @Test func aDateDomainIsShownAsDates() {
        let result = TestSupport.run("""
            a = load "examples/data/mimic_admissions.csv" missing=["", "?"]
            domain a.admittime "2110-01-01".."2202-01-01" bins=20
            """)
        #expect(result.output.contains("a.admittime: domain 2110-01-01 00:00:00..2202-01-01 00:00:00 in 20 bins"), "\(result.output)")
    }

    @Test func suppressingANamedWholeNumberCodeReadsItAsCategories() throws {
        let session = Session()
        let sink = BufferSink()
        _ = TestSupport.packageRoot
        let status = Interpreter(session: session, sink: sink).run(source: """
            p = load "examples/data/pbc.csv"
            suppress p.stage min_count=30
            """, origin: "s.synth")
        #expect(status == .ok, "\(sink.diagnosticText)")
        guard case let .table(value)? = session.variables["p"], let stage = value.table.column("stage") else {
            Issue.record("no table")
            return
        }
        #expect(stage.kind == .categorical)
        let counts = Dictionary(grouping: stage.codes.filter { $0 >= 0 }, by: { $0 }).mapValues(\.count)
        #expect(counts.values.allSatisfy { $0 >= 30 })
    }

    @Test func suppressingDeclaredCodesKeepsOrReportsTheirDomain() {
        let kept = TestSupport.run("p = load \"examples/data/pbc.csv\"\ndomain p.stage [1, 2, 3, 4] missing=true\nsuppress p.stage min_count=5\n")
        #expect(kept.output.contains("p.stage: whole-number codes read as categories\n"), "\(kept.output)")
        let cleared = TestSupport.run("p = load \"examples/data/pbc.csv\"\ndomain p.stage 1..4 missing=true\nsuppress p.stage min_count=5\n")
        #expect(cleared.output.contains("read as categories; its declared domain is cleared"), "\(cleared.output)")
    }
}

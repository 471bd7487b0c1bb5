// PrivacyBudgetTests: the ledger in the language — spends add up, overspending fails before the
// data is read (at check time when the script says how much), and domains are required.

import Foundation
import Testing
@testable import SynthModels
@testable import SynthRuntime

/// Heart data with a domain for every column, ready for a private fit.
private let declared = TestSupport.heartWithDomains

@Suite(.serialized) struct PrivacyBudgetTests {
    @Test func theLedgerTotalIsTheSumOfItsParts() throws {
        // Setup
        let sink = BufferSink()
        let session = Session()
        let interpreter = Interpreter(session: session, sink: sink)
        _ = TestSupport.packageRoot
        // Run
        let status = interpreter.run(source: declared + """
            privacy epsilon=2 delta=1e-6
            a = fit heart method=mst epsilon=0.5
            b = fit heart method=mst epsilon=1
            describe privacy
            """, origin: "test.synth")
        // Assert
        #expect(status == .ok, "\(sink.diagnosticText)")
        let ledger = try #require(session.privacy)
        #expect(ledger.entries.count == 2)
        let parts = ledger.entries.map(\.rho)
        #expect(abs(ledger.spentRho - parts.reduce(0, +)) < 1e-15)
        #expect(abs(parts[0] - ZCDP.rho(epsilon: 0.5, delta: 1e-6)) < 1e-12)
        #expect(abs(parts[1] - ZCDP.rho(epsilon: 1, delta: 1e-6)) < 1e-12)
        #expect(abs(ledger.remainingRho - (ledger.rho - parts[0] - parts[1])) < 1e-12)
        #expect(ledger.entries.map(\.origin) == ["test.synth:17", "test.synth:18"])
        for case let .model(model) in [session.variables["a"], session.variables["b"]].compactMap({ $0 }) {
            #expect(model.model.isDifferentiallyPrivate && !model.model.containsRealValues)
        }
        #expect(sink.outputText.contains("fit heart method=mst"))
        #expect(sink.outputText.contains("remaining: rho"))
    }

    @Test func aScriptThatOverspendsFailsBeforeAnythingRuns() {
        // Run
        let result = TestSupport.run(declared + """
            privacy epsilon=1
            a = fit heart method=mst epsilon=0.8
            b = fit heart method=mst epsilon=0.8
            """)
        // Assert: the checker adds up the literal spends, so not even `load` ran.
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("test.synth:18:34: error: this spends epsilon 0.8"), "\(result.errors)")
        #expect(!result.output.contains("heart: 303 rows"))
    }

    @Test func anOverspendAtRunTimeLeavesTheLedgerAsItWas() throws {
        // Setup: the spend is a variable, so only the run can price it.
        let sink = BufferSink()
        let session = Session()
        let interpreter = Interpreter(session: session, sink: sink)
        _ = TestSupport.packageRoot
        #expect(interpreter.run(source: declared + "privacy epsilon=1\nshare = 0.9\na = fit heart method=mst epsilon=share\n",
                                origin: "a.synth") == .ok, "\(sink.diagnosticText)")
        let before = try #require(session.privacy)
        // Run
        let status = interpreter.run(source: "b = fit heart method=mst epsilon=share\n", origin: "<repl>")
        // Assert
        #expect(status == .scriptError)
        #expect(sink.diagnosticText.contains("but only epsilon"), "\(sink.diagnosticText)")
        #expect(session.privacy == before)
        #expect(session.variables["b"] == nil)
    }

    @Test func aPrivateFitNeedsABudgetEpsilonAndDomains() {
        let noBudget = TestSupport.run(declared + "m = fit heart method=mst epsilon=1\n")
        #expect(noBudget.errors.contains("none is open"), "\(noBudget.errors)")
        let noEpsilon = TestSupport.run(declared + "privacy epsilon=1\nm = fit heart method=mst\n")
        #expect(noEpsilon.errors.contains("method=mst needs epsilon="), "\(noEpsilon.errors)")
        let noDomains = TestSupport.run("""
            heart = load "examples/data/heart.csv"
            domain heart.age 0..120
            privacy epsilon=1
            describe heart
            m = fit heart method=mst epsilon=1
            """)
        #expect(noDomains.output.contains("warning: method=mst needs a domain for sex, cp"), "\(noDomains.output)")
        #expect(noDomains.errors.contains("method=mst needs a declared domain for every column; missing: sex, cp"), "\(noDomains.errors)")
    }

    @Test func boundsEstimatedUnderDPAreSpentFromTheBudget() throws {
        let sink = BufferSink()
        let session = Session()
        let interpreter = Interpreter(session: session, sink: sink)
        _ = TestSupport.packageRoot
        let status = interpreter.run(source: """
            heart = load "examples/data/heart.csv"
            privacy epsilon=1
            domain heart.chol bins=20 epsilon=0.1
            """, origin: "b.synth")
        #expect(status == .ok, "\(sink.diagnosticText)")
        let ledger = try #require(session.privacy)
        #expect(ledger.entries.map(\.purpose) == ["domain heart.chol (bounds)"])
        guard case let .table(heart)? = session.variables["heart"], let domain = heart.table.column("chol")?.domain,
              case let .bins(lower, upper, count) = domain.values else {
            Issue.record("no domain on heart.chol")
            return
        }
        #expect(count == 20 && lower < upper)
        #expect(domain.source == .estimated(epsilon: 0.1))
    }

    @Test func aSampleOfAPrivateModelNeverReadsTheRealRows() {
        let result = TestSupport.run(declared + """
            privacy epsilon=1
            m = fit heart method=mst epsilon=1
            fake = sample m rows=200 seed=3
            cleaned = sample m rows=200 seed=3 replicates=remove
            compare heart cleaned
            """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("rows equal to a real row are not looked for"), "\(result.output)")
        // Removing copies on request reads the real data: the table is no longer labelled DP.
        #expect(result.output.contains("method: mst, differentially private fit, but copies of real rows removed"), "\(result.output)")
    }

    @Test func privateNoiseIsNotTheSessionSeed() throws {
        // Two runs of the same script with the same seed but secure noise fit different models;
        // with a fixed noise seed (tests and benchmarks only) they are identical.
        func model(_ noise: PrivateNoise) throws -> MSTModel {
            let session = Session(privateNoise: noise)
            let sink = BufferSink()
            _ = TestSupport.packageRoot
            let status = Interpreter(session: session, sink: sink).run(source: declared + """
                seed 7
                privacy epsilon=1
                m = fit heart method=mst epsilon=1
                """, origin: "n.synth")
            #expect(status == .ok, "\(sink.diagnosticText)")
            guard case let .model(value)? = session.variables["m"], let mst = value.model as? MSTModel else {
                throw ModelError.invalid("no model")
            }
            return mst
        }
        #expect(try model(.secure).result != model(.secure).result)
        #expect(try model(.seeded(3)).result == model(.seeded(3)).result)
    }

    @Test func estimatedBoundsNeverFailAfterTheMechanismRan() throws {
        // bins= larger than the estimated whole-number range is clipped, not an error that
        // would reveal the range without charging for it.
        let sink = BufferSink()
        let session = Session()
        _ = TestSupport.packageRoot
        let status = Interpreter(session: session, sink: sink).run(source: """
            heart = load "examples/data/heart.csv"
            privacy epsilon=1
            domain heart.age bins=10000 epsilon=0.5
            """, origin: "e.synth")
        #expect(status == .ok, "\(sink.diagnosticText)")
        #expect(session.privacy?.entries.count == 1)
    }

    @Test func aBudgetFromAVariableIsCheckedWhenTheScriptRuns() {
        let result = TestSupport.run(declared + """
            total = 1
            privacy epsilon=total
            m = fit heart method=mst epsilon=0.5
            """)
        #expect(result.status == .ok, "\(result.errors)")
    }

    @Test func anIntegerRangeWithoutWholeNumbersIsRefused() {
        let result = TestSupport.run(declared + "domain heart.num 0.2..0.8\n")
        #expect(result.errors.contains("the range holds no whole number"), "\(result.errors)")
    }

    @Test func theReportCarriesTheLedgerInItsProvenance() throws {
        let directory = TestSupport.temporaryDirectory()
        let result = TestSupport.run(declared + """
            privacy epsilon=1
            m = fit heart method=mst epsilon=1
            fake = sample m rows=300 seed=3
            compare heart fake report="\(directory)/r.html"
            export m to "\(directory)/m.json"
            """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("agreement by chance under differential privacy") || result.output.contains("none released"))
        let html = try String(contentsOfFile: directory + "/r.html", encoding: .utf8)
        #expect(html.contains("<h3>Privacy budget</h3>") && html.contains("fit heart method=mst"))
        let model = try String(contentsOfFile: directory + "/m.json", encoding: .utf8)
        #expect(model.contains("\"differentiallyPrivate\":true") && model.contains("\"rho\":"))
        #expect(!result.errors.contains("will contain values observed in the real data"))
    }
}

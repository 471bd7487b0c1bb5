// Ctrl-C and memory limits as a user meets them: a real synth process, a real SIGINT (through a
// pseudo-terminal for the REPL), a real address-space limit.

import Foundation
import SynthCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A table big enough that fitting CART on it takes many seconds in any build: 100,000 rows of
/// ten numbers, written once per test process.
enum SlowTable {
    static let path: String = {
        let path = TestSupport.temporaryDirectory() + "/slow.csv"
        var rng = SeededRNG(seed: 11)
        var text = (0..<10).map { "x\($0)" }.joined(separator: ",") + "\n"
        for _ in 0..<100_000 {
            text += (0..<10).map { _ in String(Int(rng.nextDouble() * 100_000)) + ".5" }.joined(separator: ",") + "\n"
        }
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()
}

@Suite(.serialized) struct InterruptTests {
    @Test func ctrlCInTheREPLCancelsAFitKeepsTheSessionAndAnswersAtOnce() throws {
        // Setup
        let repl = try PTYSession(environment: ["SYNTH_HISTORY": TestSupport.temporaryDirectory() + "/history",
                                                "SYNTH_STDLIB": TestSupport.stdlib])
        #expect(repl.waitFor("synth> "))
        repl.type("b = load \"\(SlowTable.path)\"\n")
        #expect(repl.waitFor("b: 100000 rows x 10 columns", seconds: 60))
        repl.type("m = fit b\n")
        #expect(repl.waitFor("fitting cart on 100000 rows"))
        Thread.sleep(forTimeInterval: 1)

        // Run: Ctrl-C while the fit runs.
        let pressed = Date()
        repl.type("\u{03}")
        let cancelled = repl.waitFor("cancelled", seconds: 10)
        let latency = Date().timeIntervalSince(pressed)

        // Assert: it stops within about a second, the next command answers at once, the
        // earlier variable is there and the cancelled one is not.
        #expect(cancelled)
        // About a second (this is a debug build, on a machine other tests keep busy).
        #expect(latency < 2, "cancelled after \(latency) s")
        let asked = Date()
        repl.type("print (6 * 7)\n")
        #expect(repl.waitFor("\n42", seconds: 5))
        #expect(Date().timeIntervalSince(asked) < 1.5)
        repl.type("print rows(b)\n")
        #expect(repl.waitFor("\n100000"))
        repl.type("print m\n")
        #expect(repl.waitFor("unknown variable 'm'"))
        // Ctrl-C at the prompt clears the line; Ctrl-D quits.
        repl.type("print 1 +\u{03}print 5\n")
        #expect(repl.waitFor("\n5"))
        #expect(repl.finish() == 0)
    }

    @Test func sigintStopsABatchRunWithExit130AndNoPartialOutput() throws {
        // Setup
        let directory = TestSupport.temporaryDirectory()
        let script = directory + "/slow.synth"
        try "b = load \"\(SlowTable.path)\"\nm = fit b\nf = sample m rows=1000\nexport f to \"\(directory)/out/f.csv\"\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SynthBinary.path)
        process.arguments = ["run", "--timings", script]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        // Wait until the fit has started.
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("fitting cart") && Date() < deadline {
            seen += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        Thread.sleep(forTimeInterval: 1)

        // Run
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let latency = Date().timeIntervalSince(sent)

        // Assert
        seen += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        // About a second (this is a debug build, on a machine other tests keep busy).
        #expect(latency < 2, "stopped after \(latency) s")
        #expect(seen.contains("\(script):2:1: cancelled by Ctrl-C; nothing after this statement ran"), "\(seen)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
    }

    /// Ctrl-C in each step of `compare`: every step stops with exit 130 and the located
    /// message, never a trap (a tree stopped mid-growth once left unnumbered leaves that the
    /// propensity score then indexed), never a finished report, and within about a second.
    @Test(arguments: [
        (step: "utility: propensity scores", after: 0.3),
        (step: "utility: propensity scores", after: 3.0),
        (step: "utility: train on synthetic", after: 0.2),
        (step: "privacy: distances", after: 0.3),
        (step: "privacy: attacks", after: 0.3),
    ])
    func ctrlCInEveryStepOfCompareStopsCleanly(_ point: (step: String, after: Double)) throws {
        // Setup
        let directory = TestSupport.temporaryDirectory()
        let script = directory + "/compare.synth"
        try """
            seed 3
            d = load "\(TestSupport.packageRoot)/examples/data/diabetes_sample.csv.gz"
            train, test = split d
            m = fit train method=copula
            f = sample m rows=3000
            compare train f holdout=test target=readmitted
            print "finished"

            """.write(toFile: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SynthBinary.path)
        process.arguments = ["run", "--timings", script]
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(120)
        while !seen.contains(point.step) && Date() < deadline && process.isRunning {
            seen += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(seen.contains(point.step), "\(seen)")
        Thread.sleep(forTimeInterval: point.after)

        // Run
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let latency = Date().timeIntervalSince(sent)

        // Assert
        seen += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130, "\(seen)")
        #expect(seen.contains("\(script):6:1: cancelled by Ctrl-C; nothing after this statement ran"), "\(seen)")
        #expect(!printed.contains("finished") && !printed.contains("privacy:"))
        // About a second (this is a debug build, on a machine other tests keep busy).
        #expect(latency < 2.5, "stopped after \(latency) s")
    }

    @Test func aSampleTooBigForTheProcessLimitIsRefusedWithTheEstimate() throws {
        // Setup: a 3 GB address-space limit, and a sample that needs far more.
        let directory = TestSupport.temporaryDirectory()
        let script = directory + "/big.synth"
        try "h = load \"examples/data/heart.csv\"\nm = fit h method=copula\nf = sample m rows=20000000\nprint rows(f)\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        // Run
        let result = try LoadCLITests.shell("ulimit -v 3000000; exec '\(SynthBinary.path)' run '\(script)'")
        // Assert: exit 65, located, with the estimate and the limit; never an allocator abort.
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(script):3:19: error: rows=20000000 needs about 6.3 GB; the address-space limit of this process (ulimit -v) is 2.9 GB"),
                "\(result.stderr)")
    }
}

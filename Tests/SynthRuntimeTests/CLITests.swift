// The synth executable as a user meets it: exit codes, stdin as a script (the non-TTY REPL
// path), and byte-identical output whatever the thread count.

import Foundation
import Testing

enum SynthBinary {
    /// The `synth` executable SwiftPM built beside the test bundle.
    static var path: String {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("synth").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return TestSupport.packageRoot + "/.build/debug/synth"
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        var env = ProcessInfo.processInfo.environment
        env["SYNTH_STDLIB"] = TestSupport.stdlib
        env["SYNTH_HISTORY"] = TestSupport.temporaryDirectory() + "/history"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite(.serialized) struct CLITests {
    @Test func runExitsZeroOnSuccess() throws {
        let result = try SynthBinary.run(["run", "examples/quickstart.synth"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("overall quality"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try SynthBinary.run(["run"]).status == 64)
        #expect(try SynthBinary.run(["frobnicate", "x"]).status == 64)
        #expect(try SynthBinary.run(["run", "no/such/script.synth"]).status == 64)
    }

    @Test func scriptErrorsExit65() throws {
        let directory = TestSupport.temporaryDirectory()
        let script = directory + "/bad.synth"
        try "heart = load \"examples/data/heart.csv\"\nmodel = fit heart method=coupla\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        let result = try SynthBinary.run(["run", script])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(script):2:"))
        #expect(try SynthBinary.run(["check", script]).status == 65)
        #expect(try SynthBinary.run(["check", "examples/quickstart.synth"]).status == 0)
    }

    @Test func standardInputIsReadAsAScriptWhenNotATerminal() throws {
        let result = try SynthBinary.run([], stdin: "x = 6 * 7\nprint x\nprint y\n")
        #expect(result.stdout == "")  // the unknown variable is found before anything runs
        #expect(result.stderr.contains("<stdin>:3:7: error: unknown variable 'y'"))
        #expect(result.status == 65)
        let ok = try SynthBinary.run([], stdin: "x = 6 * 7\nprint x\n")
        #expect(ok.stdout == "42\n")
        #expect(ok.status == 0)
    }

    @Test func outputFilesAreByteIdenticalAcrossThreadCountsAndRuns() throws {
        // Setup: one script writing a sample and a model into a fresh directory per run.
        func run(threads: String?) throws -> (csv: Data, model: Data, copula: Data) {
            let directory = TestSupport.temporaryDirectory()
            let script = directory + "/det.synth"
            try """
            seed 99
            sites = load "examples/data/heart_sites.csv"
            model = fit sites method=cart proper=true
            fake = sample model rows=5000
            export fake to "\(directory)/fake.csv"
            export model to "\(directory)/model.json"
            copula = fit sites method=copula
            copula_fake = sample copula rows=5000
            export copula_fake to "\(directory)/copula.csv"
            """.write(toFile: script, atomically: true, encoding: .utf8)
            let result = try SynthBinary.run(["run", script], environment: threads.map { ["SYNTH_THREADS": $0] } ?? [:])
            #expect(result.status == 0, "\(result.stderr)")
            let fm = FileManager.default
            return (fm.contents(atPath: directory + "/fake.csv") ?? Data(), fm.contents(atPath: directory + "/model.json") ?? Data(),
                    fm.contents(atPath: directory + "/copula.csv") ?? Data())
        }

        // Run
        let serial = try run(threads: "1")
        let parallel = try run(threads: nil)
        let again = try run(threads: "3")

        // Assert
        #expect(!serial.csv.isEmpty)
        #expect(serial.csv == parallel.csv)
        #expect(serial.model == parallel.model)
        #expect(serial.csv == again.csv)
        #expect(!serial.copula.isEmpty && serial.copula == parallel.copula)
    }
}

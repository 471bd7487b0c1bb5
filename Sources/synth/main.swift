// synth: command-line entry point (REPL, `synth run`, `synth check`).

import ArgumentParser
import Foundation
import SynthCore
import SynthRuntime

#if canImport(Glibc)
import Glibc
#endif

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Synthetic health data you can measure: fit, sample, compare, from a small reproducible language.",
        discussion: "With no subcommand, starts the interactive REPL, or runs standard input as a script when "
            + "it is not a terminal. Exit codes: 0 ok, 64 usage, 65 script or data error, 70 internal failure.",
        version: SynthVersion.current,
        subcommands: [Run.self, Check.self, Repl.self],
        defaultSubcommand: Repl.self
    )
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a .synth script.")

    @Argument(help: "The script to run.") var script: String
    @Flag(help: "Print each statement's wall time to standard error.") var timings = false

    func run() throws {
        Cancellation.installInterruptHandler(exitOnSecondInterrupt: true)
        let source = try ScriptFile.read(script)
        let session = Session(stdlibDirectory: StdlibLocator.find(), privateNoise: .fromEnvironment(ProcessInfo.processInfo.environment))
        let interpreter = Interpreter(session: session, sink: StandardSink(forceProgress: timings))
        interpreter.showTimings = timings
        throw ExitCode(interpreter.run(source: source, origin: script).rawValue)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a .synth script without running it.")

    @Argument(help: "The script to check.") var script: String

    func run() throws {
        Cancellation.installInterruptHandler(exitOnSecondInterrupt: true)
        let source = try ScriptFile.read(script)
        let interpreter = Interpreter(session: Session(stdlibDirectory: StdlibLocator.find(),
                                                   privateNoise: .fromEnvironment(ProcessInfo.processInfo.environment)), sink: StandardSink())
        let status = interpreter.check(source: source, origin: script)
        if status == .ok { print("\(script): ok") }
        throw ExitCode(status.rawValue)
    }
}

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the interactive session (the default).")

    func run() throws {
        let session = Session(stdlibDirectory: StdlibLocator.find(),
                                                   privateNoise: .fromEnvironment(ProcessInfo.processInfo.environment))
        if isatty(STDIN_FILENO) == 0 {
            Cancellation.installInterruptHandler(exitOnSecondInterrupt: true)
            // Not a terminal: read standard input as one script.
            var lines: [String] = []
            while let line = readLine(strippingNewline: false) { lines.append(line) }
            let interpreter = Interpreter(session: session, sink: StandardSink())
            throw ExitCode(interpreter.run(source: lines.joined(), origin: "<stdin>").rawValue)
        }
        REPL(session: session).loop()
    }
}

/// Reads a script file, turning a missing file into a usage error (exit 64).
enum ScriptFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            FileHandle.standardError.write(Data("synth: cannot read '\(path)': \(reason)\n".utf8))
            throw ExitCode(64)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("synth: '\(path)' is not UTF-8 text\n".utf8))
            throw ExitCode(65)
        }
        return text
    }
}

Synth.main()

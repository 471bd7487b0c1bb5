// The REPL through a real pseudo-terminal: readline prompts, continuation, tab completion,
// an error that does not end the session, and history kept across sessions.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A synth REPL process attached to a pseudo-terminal. util-linux `script` (always present on
/// Debian) allocates the terminal and relays our keystrokes to it.
final class PTYSession {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private(set) var screen = ""

    init(environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", "stty cols 200 2>/dev/null; exec \(SynthBinary.path)", "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "dumb"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    func type(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Reads until `fragment` appears on the screen or `seconds` pass; returns whether it appeared.
    @discardableResult
    func waitFor(_ fragment: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        let fd = output.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if screen.contains(fragment) { return true }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) > 0 {
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { break }
                screen += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
        return screen.contains(fragment)
    }

    func finish() -> Int32 {
        type("\u{04}")
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite(.serialized) struct REPLTests {
    @Test func aSessionInATerminal() throws {
        // Setup
        let history = TestSupport.temporaryDirectory() + "/history"
        let repl = try PTYSession(environment: ["SYNTH_HISTORY": history, "SYNTH_STDLIB": TestSupport.stdlib])
        #expect(repl.waitFor("synth> "))

        // Run / Assert: a value survives an error in a later entry.
        repl.type("heart = load \"examples/data/heart.csv\"\n")
        #expect(repl.waitFor("heart: 303 rows x 14 columns"))
        repl.type("print heart.agee\n")
        #expect(repl.waitFor("unknown column 'agee'"))
        repl.type("print rows(heart)\n")
        #expect(repl.waitFor("\n303"))

        // A continuation prompt while the statement is unfinished.
        repl.type("x = [1,\n")
        #expect(repl.waitFor("...> "))
        repl.type("2]\nprint len(x)\n")
        #expect(repl.waitFor("\n2"))

        // Tab completion of a command and of a column.
        repl.type("desc\t")
        #expect(repl.waitFor("describe"))
        repl.type(" heart\n")
        #expect(repl.waitFor("column"))
        // Only "tha" is typed: the role lands on thal only if completion filled in the rest.
        repl.type("role heart.tha\t")
        repl.type(" quasi\n")
        #expect(repl.waitFor("heart.thal: role quasi"))

        #expect(repl.finish() == 0)

        // History persists across sessions.
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.contains("print rows(heart)"))
    }
}

// The REPL through a real pseudo-terminal: readline prompts, continuation, tab completion,
// an error that does not end the session, and history kept across sessions.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A synth REPL process attached to a pseudo-terminal.
final class PTYSession {
    private let master: Int32
    private let process = Process()
    private(set) var screen = ""

    init(environment: [String: String]) throws {
        master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw POSIXError(.EIO)
        }
        let slave = FileHandle(forUpdatingAtPath: String(cString: name))!
        process.executableURL = URL(fileURLWithPath: SynthBinary.path)
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "dumb"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
    }

    func type(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    /// Reads until `fragment` appears on the screen or `seconds` pass; returns whether it appeared.
    @discardableResult
    func waitFor(_ fragment: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if screen.contains(fragment) { return true }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) > 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                screen += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
        return screen.contains(fragment)
    }

    func finish() -> Int32 {
        type("\u{04}")
        process.waitUntilExit()
        close(master)
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
        repl.type("role heart.tha\t")
        #expect(repl.waitFor("heart.thal"))
        repl.type(" quasi\n")
        #expect(repl.waitFor("heart.thal: role quasi"))

        #expect(repl.finish() == 0)

        // History persists across sessions.
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.contains("print rows(heart)"))
    }
}

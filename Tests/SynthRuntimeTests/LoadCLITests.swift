// load as a user meets it from the shell: data piped to /dev/stdin while the script is a file,
// and a gzip bomb refused with exit 65 under a memory limit instead of dying in the allocator.

import Foundation
import Testing

@Suite(.serialized) struct LoadCLITests {
    @Test func dataPipedToStandardInputLoadsFromDevStdin() throws {
        // Setup
        let script = TestSupport.temporaryDirectory() + "/stdin.synth"
        try "x = load \"/dev/stdin\" types=[\"a:integer\"]\ndescribe x\n".write(toFile: script, atomically: true, encoding: .utf8)
        // Run
        let result = try SynthBinary.run(["run", script], stdin: "a,b\n1,x\n2,y\n3,z\n")
        // Assert
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("x: 3 rows x 2 columns from /dev/stdin"), "\(result.stdout)")
    }

    @Test func aGzipBombIsRefusedUnderAMemoryLimit() throws {
        // Setup: 300 MB of "0\n" rows in 30 gzip members of 10 MB, under 1 MB on disk.
        let directory = TestSupport.temporaryDirectory()
        let bomb = directory + "/bomb.csv.gz"
        let script = directory + "/bomb.synth"
        try "x = load \"\(bomb)\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        let make = """
            printf 'x\\n' | gzip > '\(bomb)'; yes 0 | head -c 10000000 | gzip -1 > '\(directory)/member.gz'
            for i in $(seq 30); do cat '\(directory)/member.gz'; done >> '\(bomb)'
            """
        #expect(try Self.shell(make).status == 0)
        // Run: an address-space limit of about 2 GB; the rows would need about 3 GB.
        let result = try Self.shell("ulimit -v 2000000; exec '\(SynthBinary.path)' run '\(script)'")
        // Assert
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(script):1:10: error: \(bomb) inflates to more than "), "\(result.stderr)")
        #expect(result.stderr.contains("(ulimit -v)"))
    }

    /// Runs `command` with /bin/sh from the package root, as SynthBinary runs synth.
    static func shell(_ command: String) throws -> SynthBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["SYNTH_STDLIB"] = TestSupport.stdlib
        environment["SYNTH_HISTORY"] = TestSupport.temporaryDirectory() + "/history"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return SynthBinary.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                  stderr: String(decoding: errData, as: UTF8.self))
    }
}

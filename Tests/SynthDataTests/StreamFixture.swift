// StreamFixture: a FIFO fed by a writer thread, and gzip data made by the system gzip.

import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Inputs that are not plain files in a folder.
enum StreamFixture {
    /// A new FIFO at a fresh path whose writer thread sends `bytes` once a reader opens it.
    /// The writer gives up after `patience` seconds without a reader, so a test that never
    /// reads does not hang.
    static func fifo(sending bytes: [UInt8], patience: Double = 20) -> String {
        let path = Fixture.temporaryDirectory() + "/input.csv"
        precondition(mkfifo(path, 0o600) == 0, "mkfifo failed")
        // A reader that stops early (a refused load) must give the writer EPIPE, not SIGPIPE,
        // which would end the whole test process.
        signal(SIGPIPE, SIG_IGN)
        let thread = Thread {
            let deadline = Date().addingTimeInterval(patience)
            var fd: Int32 = -1
            // Non-blocking open fails with ENXIO until a reader has the FIFO open.
            while fd < 0 && Date() < deadline {
                fd = open(path, O_WRONLY | O_NONBLOCK)
                if fd < 0 { usleep(2_000) }
            }
            guard fd >= 0 else { return }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            var sent = 0
            bytes.withUnsafeBytes { raw in
                while sent < raw.count {
                    let wrote = write(fd, raw.baseAddress! + sent, raw.count - sent)
                    if wrote <= 0 { break }
                    sent += wrote
                }
            }
            close(fd)
        }
        thread.start()
        return path
    }

    /// A new regular file named `name` holding `bytes`, in a fresh folder.
    static func file(_ bytes: [UInt8], named name: String = "t.csv") -> String {
        let path = Fixture.temporaryDirectory() + "/" + name
        let created = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        precondition(created, "cannot create \(path)")
        return path
    }

    /// `bytes` compressed by the system gzip.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let plain = file(bytes, named: "plain")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -1 '\(plain)'"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    /// A CSV of `rows` rows of two small integers, about 4 bytes a row after the header.
    static func numbers(rows: Int) -> [UInt8] {
        var text = "a,b\n"
        text.reserveCapacity(rows * 6)
        for r in 0..<rows { text += "\(r % 10),\(r % 7)\n" }
        return Array(text.utf8)
    }
}

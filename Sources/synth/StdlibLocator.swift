// StdlibLocator: finds the `stdlib/` directory that `use "name"` loads modules from.

import Foundation

enum StdlibLocator {
    /// `$SYNTH_STDLIB`, else `stdlib/` beside or above the executable (a SwiftPM build sits in
    /// `.build/<config>/`), else `./stdlib`.
    static func find() -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SYNTH_STDLIB"], fm.fileExists(atPath: env) { return env }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("stdlib").path
            if fm.fileExists(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let local = fm.currentDirectoryPath + "/stdlib"
        return fm.fileExists(atPath: local) ? local : nil
    }
}

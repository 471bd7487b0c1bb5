// StdlibHelp: `help stdlib` and `help <module>`, read from the modules' header comments.

import Foundation

/// Help on the modules of the stdlib directory, read from their header comments and `def` lines.
enum StdlibHelp {
    struct Module {
        var name: String
        /// The header comment, without its `# `.
        var help: String
        var procedures: [String]
        var summary: String { help.split(separator: "\n").first.map(String.init) ?? name }
    }

    static func modules(in directory: String?) -> [Module] {
        guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return files.filter { $0.hasSuffix(".synth") }.sorted().compactMap { file in
            guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else { return nil }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let header = lines.prefix { $0.hasPrefix("#") }.map { line in line.hasPrefix("# ") ? line.dropFirst(2) : line.dropFirst() }
            let procedures = lines.filter { $0.hasPrefix("def ") }.map { String($0.dropFirst(4)) }
            var help = header.joined(separator: "\n") + "\n"
            if !procedures.isEmpty { help += "\nprocedures: " + procedures.joined(separator: ", ") + "\n" }
            return Module(name: String(file.dropLast(6)), help: help, procedures: procedures)
        }
    }

    static func overview(_ modules: [Module]) -> String {
        guard !modules.isEmpty else { return "no stdlib directory found\n" }
        var out = "stdlib modules (load one with use \"name\"; help <name> shows it):\n"
        let width = modules.map(\.name.count).max() ?? 0
        for module in modules {
            out += "  " + module.name + String(repeating: " ", count: width - module.name.count + 2) + module.summary + "\n"
        }
        return out
    }
}

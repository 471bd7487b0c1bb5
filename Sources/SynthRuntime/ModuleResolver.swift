// ModuleResolver: finds the file behind `use "name"`.

import Foundation
import SynthCore

enum ModuleResolver {
    /// `name` as a path (with or without .synth), else `stdlib/name.synth`.
    static func resolve(_ name: String, stdlib: String?) -> String? {
        let fm = FileManager.default
        let withExtension = name.hasSuffix(".synth") ? name : name + ".synth"
        if name.contains("/") || name.hasSuffix(".synth") {
            return fm.fileExists(atPath: withExtension) ? withExtension : nil
        }
        if let stdlib {
            let path = (stdlib as NSString).appendingPathComponent(withExtension)
            if fm.fileExists(atPath: path) { return path }
        }
        return fm.fileExists(atPath: withExtension) ? withExtension : nil
    }

    /// Modules the stdlib offers, sorted.
    static func available(stdlib: String?) -> [String] {
        guard let stdlib, let files = try? FileManager.default.contentsOfDirectory(atPath: stdlib) else { return [] }
        return files.filter { $0.hasSuffix(".synth") }.map { String($0.dropLast(6)) }.sorted()
    }

    static func hint(_ name: String, stdlib: String?) -> String {
        let modules = available(stdlib: stdlib)
        if let suggestion = Suggestion.hint(for: name, in: modules) { return suggestion }
        return modules.isEmpty ? "no stdlib directory found" : "stdlib modules: " + modules.joined(separator: ", ")
    }
}

// ModuleResolver: finds, reads and parses the file behind `use "name"`, the same way for the
// checker and the interpreter (which then check or run its statements).

import Foundation
import SynthCore
import SynthLang

enum ModuleResolver {
    /// The path of `module`, or a located "not found" with the stdlib's modules as a hint.
    static func path(of module: String, at span: SourceSpan, stdlib: String?) throws -> String {
        guard let path = resolve(module, stdlib: stdlib) else {
            throw Diagnostic.error("module '\(module)' not found", at: span, hint: hint(module, stdlib: stdlib))
        }
        return path
    }

    /// The text and parsed program of the module at `path`, entered from the modules in `chain`
    /// (outermost first): a cycle, a chain deeper than `Interpreter.maximumUseDepth`, an
    /// unreadable file and a syntax error are located errors (the last a `DiagnosticList`).
    static func open(_ path: String, at span: SourceSpan, chain: [String]) throws -> (text: String, program: Program) {
        guard !chain.contains(path) else {
            throw Diagnostic.error("cyclic use: '\(path)' is already being loaded", at: span,
                                   hint: "use chain: " + (chain + [path]).joined(separator: " -> "))
        }
        guard chain.count < Interpreter.maximumUseDepth else {
            throw Diagnostic.error(Interpreter.useTooDeep, at: span)
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Diagnostic.error("cannot read module '\(path)'", at: span)
        }
        let parsed = Parser.parse(text, file: path)
        if !parsed.diagnostics.isEmpty { throw DiagnosticList(parsed.diagnostics) }
        return (text, parsed.program)
    }

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

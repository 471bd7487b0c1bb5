// Checker+Modules: `use` while checking: the module is found, checked once, and a cycle is an
// error rather than a hang.

import Foundation
import SynthCore
import SynthLang

extension Checker {
    mutating func checkUse(_ module: String, at span: SourceSpan) {
        guard let path = ModuleResolver.resolve(module, stdlib: session.stdlibDirectory) else {
            report("module '\(module)' not found", at: span, hint: ModuleResolver.hint(module, stdlib: session.stdlibDirectory))
            return
        }
        inputPaths.append((path, "module '\(module)'"))
        if checkedModules.contains(path) { return }
        guard !loadingModules.contains(path) else {
            report("cyclic use: '\(path)' is already being loaded", at: span,
                   hint: "use chain: " + (loadingModules + [path]).joined(separator: " -> "))
            return
        }
        guard loadingModules.count < Interpreter.maximumUseDepth else {
            report(Interpreter.useTooDeep, at: span)
            return
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            report("cannot read module '\(path)'", at: span)
            return
        }
        session.sources[path] = text
        let parsed = Parser.parse(text, file: path)
        if !parsed.diagnostics.isEmpty {
            diagnostics += parsed.diagnostics
            return
        }
        var env: [String: StaticType] = [:]
        var nested = Checker(session: session)
        nested.procedures = procedures
        nested.loadingModules = loadingModules + [path]
        nested.inputPaths = inputPaths
        nested.check(parsed.program.statements, env: &env)
        diagnostics += nested.diagnostics
        inputPaths = nested.inputPaths
        procedures.merge(nested.procedures) { _, new in new }
        checkedModules.insert(path)
        checkedModules.formUnion(nested.checkedModules)
    }
}

// Checker+Modules: `use` while checking: the module is found, checked once, and a cycle is an
// error rather than a hang.

import Foundation
import SynthCore
import SynthLang

extension Checker {
    mutating func checkUse(_ module: String, at span: SourceSpan) {
        let path: String
        do {
            path = try ModuleResolver.path(of: module, at: span, stdlib: session.stdlibDirectory)
        } catch {
            diagnostics += Self.diagnostics(of: error)
            return
        }
        inputPaths.append((path, "module '\(module)'"))
        if checkedModules.contains(path) { return }
        let program: Program
        do {
            let opened = try ModuleResolver.open(path, at: span, chain: loadingModules)
            session.sources[path] = opened.text
            program = opened.program
        } catch {
            // A syntax error in the module: keep its text for the caret.
            if session.sources[path] == nil, let text = try? String(contentsOfFile: path, encoding: .utf8) {
                session.sources[path] = text
            }
            diagnostics += Self.diagnostics(of: error)
            return
        }
        var env: [String: StaticType] = [:]
        var nested = Checker(session: session)
        nested.procedures = procedures
        nested.loadingModules = loadingModules + [path]
        nested.inputPaths = inputPaths
        nested.check(program.statements, env: &env)
        diagnostics += nested.diagnostics
        inputPaths = nested.inputPaths
        procedures.merge(nested.procedures) { _, new in new }
        checkedModules.insert(path)
        checkedModules.formUnion(nested.checkedModules)
    }

    /// The located errors `ModuleResolver` throws, as the checker collects them.
    private static func diagnostics(of error: any Error) -> [Diagnostic] {
        switch error {
        case let diagnostic as Diagnostic: return [diagnostic]
        case let list as DiagnosticList: return list.diagnostics
        default: return []
        }
    }
}

// Statement execution: bindings, commands, procedures, `use` and `return`.

import Foundation
import SynthCore
import SynthLang

/// Thrown by `return` to leave a procedure body with a value.
struct ReturnSignal: Error {
    var value: Value
}

extension Interpreter {
    /// Deepest chain of procedure calls allowed.
    static let maximumCallDepth = 100
    /// Deepest chain of modules using modules allowed (each level costs stack in the checker
    /// and the interpreter; thousands would overflow it).
    static let maximumUseDepth = 50
    static let useTooDeep = "modules use modules more than \(maximumUseDepth) deep"

    /// Runs one statement. Top-level bare commands and expressions show their result.
    func execute(_ statement: Statement, in scope: inout Scope, topLevel: Bool) throws -> Value {
        switch statement.kind {
        case let .binding(name, _, value):
            let result: Value
            switch value {
            case let .command(call): result = try runCommand(call, in: &scope, bound: name)
            case let .expression(expr): result = try evaluate(expr, in: scope)
            }
            if case .nothing = result {
                throw Diagnostic.error("nothing to bind to '\(name)': this returns no value", at: statement.span)
            }
            // A table takes the name of the variable it is bound to, as reports call it.
            if case var .table(table) = result {
                table.table.name = name
                assign(name, .table(table), in: &scope)
            } else {
                assign(name, result, in: &scope)
            }
            return .nothing
        case let .destructuring(names, value):
            let result: Value
            switch value {
            case let .command(call): result = try runCommand(call, in: &scope, bound: names.map(\.name).joined(separator: ", "))
            case let .expression(expr): result = try evaluate(expr, in: scope)
            }
            guard case let .list(items) = result, items.count == names.count else {
                var got = result.typeName
                if case let .list(items) = result { got = "a list of \(Plural.count(items.count, "value"))" }
                throw Diagnostic.error("\(names.count) names need a list of \(names.count) values, got \(got)", at: statement.span)
            }
            for (bound, item) in zip(names, items) {
                if case var .table(table) = item {
                    table.table.name = bound.name
                    assign(bound.name, .table(table), in: &scope)
                } else {
                    assign(bound.name, item, in: &scope)
                }
            }
            return .nothing
        case let .command(call):
            // Commands print their own results; a bare command's value is not shown again.
            return try runCommand(call, in: &scope, bound: nil)
        case let .expression(expr):
            let result = try evaluate(expr, in: scope)
            if topLevel { show(result) }
            return result
        case let .procedure(definition):
            session.procedures[definition.name] = definition
            return .nothing
        case let .use(module, span):
            try use(module, at: span)
            return .nothing
        case let .return(expr):
            throw ReturnSignal(value: try expr.map { try evaluate($0, in: scope) } ?? .nothing)
        }
    }

    func assign(_ name: String, _ value: Value, in scope: inout Scope) {
        if scope.locals != nil {
            scope.locals![name] = value
        } else {
            session.variables[name] = value
        }
    }

    func lookup(_ name: String, in scope: Scope) -> Value? {
        scope.locals?[name] ?? session.variables[name]
    }

    /// Calls a procedure defined with `def`: arguments bind to parameters in a fresh scope.
    func callProcedure(_ definition: ProcedureDefinition, arguments: [Value], at span: SourceSpan) throws -> Value {
        guard arguments.count == definition.parameters.count else {
            throw Diagnostic.error(
                "\(definition.name) takes \(Plural.count(definition.parameters.count, "argument")), got \(arguments.count)", at: span)
        }
        var locals: [String: Value] = [:]
        for (parameter, value) in zip(definition.parameters, arguments) {
            locals[parameter.name] = value
        }
        var scope = Scope.local(locals)
        guard session.callDepth < Interpreter.maximumCallDepth else {
            throw Diagnostic.error("calls nested too deeply (more than \(Interpreter.maximumCallDepth)) in '\(definition.name)'",
                                   at: span, hint: "a procedure that calls itself never stops: synth has no 'if'")
        }
        session.callDepth += 1
        defer { session.callDepth -= 1 }
        do {
            for statement in definition.body {
                _ = try execute(statement, in: &scope, topLevel: true)
            }
        } catch let signal as ReturnSignal {
            return signal.value
        } catch var error as Diagnostic where error.span != nil && error.span?.file != span.file {
            // An error inside a module's procedure also names the caller's line.
            let caller = "in \(definition.name)(), called at \(span.file):\(span.line):\(span.column)"
            error.hint = error.hint.map { $0 + "; " + caller } ?? caller
            throw error
        }
        return .nothing
    }

    /// `use "name"`: runs `stdlib/name.synth` (or a relative path) once per session.
    func use(_ module: String, at span: SourceSpan) throws {
        let path = try ModuleResolver.path(of: module, at: span, stdlib: session.stdlibDirectory)
        if session.loadedModules.contains(path) { return }
        let (text, program): (String, Program)
        do {
            (text, program) = try ModuleResolver.open(path, at: span, chain: session.loadingModules)
        } catch let list as DiagnosticList {
            // A syntax error in the module: its text is needed to show the caret.
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { registerSource(text, origin: path) }
            throw list
        }
        session.loadingModules.append(path)
        defer { session.loadingModules.removeLast() }
        registerSource(text, origin: path)
        session.noteInput(path, as: "module '\(module)'")
        var scope = Scope.global
        for statement in program.statements {
            _ = try execute(statement, in: &scope, topLevel: false)
        }
        session.loadedModules.insert(path)
    }
}

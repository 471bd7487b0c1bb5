// Checker: finds unknown variables, columns, procedures, files and misused commands before
// anything runs, so a script fails before a long fit rather than after it.

import Foundation
import SynthCore
import SynthData
import SynthLang
import SynthModels

/// What the checker knows about a name's value without running anything.
indirect enum StaticType: Equatable {
    case table(columns: [String]?)
    case model(columns: [String]?)
    case report, number, string, bool, list, unknown, nothing

    var label: String {
        switch self {
        case .table: return "a table"
        case .model: return "a model"
        case .report: return "a report"
        case .number: return "a number"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .list: return "a list"
        case .unknown: return "a value"
        case .nothing: return "nothing"
        }
    }
}

struct Checker {
    let session: Session
    var diagnostics: [Diagnostic] = []
    /// Procedure name to parameter count, from `def` and `use` seen so far.
    var procedures: [String: Int] = [:]
    /// Files an earlier `export` in the same source will have written.
    private var exportedPaths: Set<String> = []
    /// Files the script will have read by now (its loads, its modules, itself), with how it
    /// reads them: an export, save or report over one of them is refused before anything runs.
    var inputPaths: [(path: String, role: String)] = []
    /// Whether the command being checked is `load model` (the keyword decides, not the suffix).
    private var loadsModel = false
    /// Table variables known to hold real rows (true) or a sample (false); unknown when absent.
    private var realTables: [String: Bool] = [:]
    /// Literal option values that are out of range before anything runs.
    private static let optionRanges: [String: ClosedRange<Double>] = [
        "rows": 1...1e8, "seed": 0...9e15, "minbucket": 1...1e6, "maxdepth": 1...200, "cp": 0...1,
    ]
    /// Modules being checked, outermost first, to report `use` cycles.
    var loadingModules: [String] = []
    /// Modules already checked in this pass.
    var checkedModules: Set<String> = []
    /// The privacy budget as the script will have it, to refuse an overspend before anything
    /// runs: none open, open but not known from literals, or known.
    enum Budget { case none, unknown, known(PrivacyLedger) }
    var budget: Budget = .none
    /// Inside a procedure body, spends are not added up (it may run any number of times).
    var procedureDepth = 0

    init(session: Session) {
        self.session = session
        self.budget = session.privacy.map(Budget.known) ?? .none
        for (name, definition) in session.procedures { procedures[name] = definition.parameters.count }
    }

    mutating func check(_ program: Program) -> [Diagnostic] {
        var env: [String: StaticType] = [:]
        for (name, value) in session.variables {
            env[name] = Checker.staticType(of: value)
            if case let .table(table) = value { realTables[name] = !table.isSynthetic }
        }
        check(program.statements, env: &env)
        return diagnostics
    }

    static func staticType(of value: Value) -> StaticType {
        switch value {
        case let .table(t): return .table(columns: t.table.columnNames)
        case let .model(m): return .model(columns: m.model.schema.map(\.name))
        case .comparison: return .report
        case .number: return .number
        case .string: return .string
        case .bool: return .bool
        case .list: return .list
        case .nothing: return .nothing
        }
    }

    mutating func check(_ statements: [Statement], env: inout [String: StaticType]) {
        for statement in statements {
            switch statement.kind {
            case let .binding(name, nameSpan, value):
                let type: StaticType
                switch value {
                case let .command(call):
                    type = checkCommand(call, env: env)
                    if type == .nothing {
                        report("\(call.verb) returns nothing to bind to '\(name)'", at: nameSpan)
                    }
                    if call.verb == "split" {
                        report("split returns two tables; bind both: \(name), \(name)_holdout = split ...", at: nameSpan)
                    }
                case let .expression(expr): type = checkExpression(expr, env: env)
                }
                env[name] = type
                realTables[name] = holdsRealRows(value)
            case let .destructuring(names, value):
                var type = StaticType.unknown
                switch value {
                case let .command(call):
                    type = checkCommand(call, env: env)
                    if call.verb == "split", names.count != 2 {
                        report("split returns two tables (training, holdout), not \(names.count)", at: names[0].span)
                    } else if call.verb != "split" {
                        report("\(call.verb) returns one value; only split returns two", at: names[0].span)
                    }
                case let .expression(expr): _ = checkExpression(expr, env: env)
                }
                // `split` gives tables with its input's columns, real if its input is.
                var origin: Bool?
                if case let .command(call) = value, call.verb == "split", case let .name(input, _)? = call.arguments.first {
                    origin = realTables[input]
                }
                for bound in names {
                    env[bound.name] = type
                    realTables[bound.name] = origin
                }
            case let .command(call):
                _ = checkCommand(call, env: env)
                // `derive t.x = ...` gives t a column later statements may name.
                if call.verb == "derive", case let .member(.name(variable, _), column, _)? = call.arguments.first,
                   case let .table(columns?)? = env[variable], !columns.contains(column) {
                    env[variable] = .table(columns: columns + [column])
                }
            case let .expression(expr):
                _ = checkExpression(expr, env: env)
            case let .procedure(definition):
                procedures[definition.name] = definition.parameters.count
                var local = env
                for parameter in definition.parameters { local[parameter.name] = .unknown }
                procedureDepth += 1
                check(definition.body, env: &local)
                procedureDepth -= 1
            case let .use(module, span):
                checkUse(module, at: span)
            case let .return(expr):
                if let expr { _ = checkExpression(expr, env: env) }
            }
        }
    }

    // MARK: Commands

    private mutating func checkCommand(_ call: CommandCall, env: [String: StaticType]) -> StaticType {
        let problems = SignatureChecker.check(call)
        guard problems.isEmpty, let signature = CommandTable.signature(call.verb) else {
            diagnostics += problems
            return .unknown
        }
        let matched = signature.matchPositionals(call)
        loadsModel = call.verb == "load" && call.arguments.contains { if case .name("model", _) = $0 { return true } else { return false } }
        var types: [String: StaticType] = [:]
        for parameter in signature.positionals {
            for expr in matched[parameter.name] ?? [] {
                types[parameter.name] = checkArgument(expr, type: parameter.type, verb: call.verb, env: env)
            }
        }
        for option in call.options {
            if case .word? = signature.option(option.name)?.type { continue }
            if signature.option(option.name)?.type == .boolean, case let .name(word, span) = option.value, env[word] == nil {
                report("\(option.name)= needs true or false, got '\(word)'", at: span)
                continue
            }
            _ = checkExpression(option.value, env: env)
            if let range = Checker.optionRanges[option.name], case let .number(value, span) = option.value, !range.contains(value) {
                report("\(option.name)= must be between \(NumberFormat.compact(range.lowerBound)) and \(NumberFormat.compact(range.upperBound)), got \(NumberFormat.compact(value))", at: span)
            }
            if option.name == "epsilon", case let .number(value, span) = option.value, let problem = PrivacyLedger.problem(epsilon: value) {
                report(problem.replacingOccurrences(of: "epsilon must", with: "epsilon= must"), at: span)
            }
            if option.name == "delta", case let .number(value, span) = option.value, let problem = PrivacyLedger.problem(delta: value) {
                report(problem.replacingOccurrences(of: "delta must", with: "delta= must"), at: span)
            }
        }
        if call.verb == "compare", let target = call.option("target"), case let .name(column, span) = target.value {
            if call.option("holdout") == nil {
                report("target= needs holdout=: the model is tested on real rows it never saw", at: span)
            } else if let first = matched["real"]?.first, case let .table(columns?) = checkExpressionQuietly(first, env: env),
                      !columns.contains(column) {
                report("unknown column '\(column)' in the real table", at: span, hint: Suggestion.hint(for: column, in: columns))
            }
        }
        if call.verb == "fit" {
            var columns: [String]?
            if let first = matched["table"]?.first, case let .table(known) = checkExpressionQuietly(first, env: env) { columns = known }
            diagnostics += FitOptionsCheck.problems(call, columns: columns)
        }
        if call.verb == "generalize", matched["column"] != nil {
            switch (call.option("prefix"), call.option("to")) {
            case (nil, nil): report(CheckMessage.generalizeNeedsOne, at: call.verbSpan, hint: "usage: \(signature.usage)")
            case let (_?, to?): report(CheckMessage.generalizeNeedsOne, at: to.nameSpan)
            default: break
            }
        }
        if call.verb == "compare", case let .string(path, span)? = call.option("report")?.value {
            checkOutputPath(path, at: span)
        }
        if call.verb == "export", case let .name(variable, span)? = matched["value"]?.first, realTables[variable] == true {
            report("refusing to export '\(variable)': it holds real rows, and only synthetic data leaves synth", at: span,
                   hint: "fit a model and export a sample of it")
        }
        if let condition = call.condition { _ = checkExpression(condition, env: env) }
        if procedureDepth == 0 { checkSpend(call) }
        return resultType(call, matched: matched, types: types)
    }

    private mutating func checkArgument(_ expr: Expr, type: ArgumentType, verb: String,
                                        env: [String: StaticType]) -> StaticType {
        if verb == "describe", case .name("privacy", _) = expr, env["privacy"] == nil { return .unknown }
        // The column `derive` writes may be new: check only its table.
        if verb == "derive", case let .member(base, _, _) = expr { return checkExpression(base, env: env) }
        switch type {
        case .word, .keyword:
            return .unknown
        case .column:
            return checkExpression(expr, env: env)
        case .table, .model:
            let found = checkExpression(expr, env: env)
            let wanted: StaticType = type == .table ? .table(columns: nil) : .model(columns: nil)
            if !found.sameKind(as: wanted), found != .unknown {
                report("\(verb) needs \(wanted.label), but this is \(found.label)", at: expr.span)
            }
            return found
        case .path:
            _ = checkExpression(expr, env: env)
            if case let .string(path, span) = expr, verb == "load" {
                inputPaths.append((path, "loaded at \(span.file):\(span.line)"))
                return checkLoadPath(path, at: span)
            }
            if case let .string(path, span) = expr, verb == "export" || verb == "save" {
                checkOutputPath(path, at: span)
                exportedPaths.insert(path)
            }
            return .string
        default:
            return checkExpression(expr, env: env)
        }
    }

    /// An output path must not name a file the script reads (the same path, or the same file
    /// through another path) or one the session has read.
    private mutating func checkOutputPath(_ path: String, at span: SourceSpan) {
        if let input = session.input(at: path) {
            report("refusing to write over \(path): it is \(input.role), and an export never destroys an input", at: span,
                   hint: "write to another file, e.g. under out/")
            return
        }
        let target = FileIdentity.of(path)
        let normalized = (path as NSString).standardizingPath
        for input in inputPaths {
            let same = (input.path as NSString).standardizingPath == normalized
                || (target != nil && FileIdentity.of(input.path) == target)
            if same {
                report("refusing to write over \(path): it is \(input.role), and an export never destroys an input", at: span,
                       hint: "write to another file, e.g. under out/")
                return
            }
        }
    }

    /// The type of what `load` will read from `path`: under `load model`, or for a `.json` name,
    /// a model whose file is checked in full; anything else is read as a table's header.
    private mutating func checkLoadPath(_ path: String, at span: SourceSpan) -> StaticType {
        if exportedPaths.contains(path) { return .unknown }
        guard FileManager.default.fileExists(atPath: path) else {
            report("file not found: \(path)", at: span, hint: FileHint.nearby(path))
            return .unknown
        }
        // A stream (a FIFO, /dev/stdin on a pipe) is read once, by the load itself.
        guard InputFile.isRegular(path) else { return .unknown }
        if LoadCommand.readsModel(path, keyword: loadsModel) {
            do {
                // The whole file is validated, as `load model` will, so check refuses what load refuses.
                let declared = try ModelFile.schema(of: try InputFile.read(path))
                return .model(columns: declared.schema.map(\.name))
            } catch {
                report("\(path): \(error)", at: span)
                return .unknown
            }
        }
        do {
            return .table(columns: try CSVReader.readHeader(path: path))
        } catch let error as DataError {
            diagnostics.append(DataDiagnostic.from(error, at: span))
            return .unknown
        } catch {
            return .unknown
        }
    }

    private func resultType(_ call: CommandCall, matched: [String: [Expr]], types: [String: StaticType]) -> StaticType {
        switch call.verb {
        case "load":
            // The same rule as LoadCommand: the keyword, else a `.json` name, reads a model.
            let keyword = call.arguments.contains(where: { if case .name("model", _) = $0 { return true } else { return false } })
            var path = ""
            if case let .string(literal, _)? = matched["file"]?.first { path = literal }
            switch (LoadCommand.readsModel(path, keyword: keyword), types["file"]) {
            case let (true, .model(columns)?): return .model(columns: columns)
            case (true, _): return .model(columns: nil)
            case let (false, .table(columns)?): return .table(columns: columns)
            case (false, .unknown?), (false, nil): return .unknown
            case (false, _): return .table(columns: nil)
            }
        case "fit":
            if case let .table(columns)? = types["table"] { return .model(columns: columns) }
            return .model(columns: nil)
        case "sample":
            if case let .model(columns)? = types["model"], call.option("identifiers") == nil { return .table(columns: columns) }
            return .table(columns: nil)
        case "drop":
            let exprs = matched["columns"] ?? []
            guard case let .member(.name(variable, _), _, _)? = exprs.first else { return .table(columns: nil) }
            _ = variable
            let dropped = exprs.compactMap { expr -> String? in
                if case let .member(_, column, _) = expr { return column }
                return nil
            }
            if case let .table(columns?)? = types["columns"] {
                return .table(columns: columns.filter { !dropped.contains($0) })
            }
            return .table(columns: nil)
        case "compare": return .report
        case "split":
            if case let .table(columns)? = types["table"] { return .table(columns: columns) }
            return .table(columns: nil)
        default: return .nothing
        }
    }

    // MARK: Expressions

    /// The static type of an expression already checked (no diagnostics added).
    private func checkExpressionQuietly(_ expr: Expr, env: [String: StaticType]) -> StaticType {
        var copy = self
        return copy.checkExpression(expr, env: env)
    }

    private mutating func checkExpression(_ expr: Expr, env: [String: StaticType]) -> StaticType {
        switch expr {
        case .number: return .number
        case .string: return .string
        case .bool: return .bool
        case let .list(items, _):
            for item in items { _ = checkExpression(item, env: env) }
            return .list
        case let .name(name, span):
            guard let type = env[name] else {
                report("unknown variable '\(name)'", at: span, hint: Suggestion.hint(for: name, in: env.keys.sorted()))
                return .unknown
            }
            return type
        case let .member(base, column, span):
            let baseType = checkExpression(base, env: env)
            if case let .table(columns?) = baseType, !columns.contains(column) {
                var tableName = "the table"
                if case let .name(name, _) = base { tableName = name }
                report("unknown column '\(column)' in \(tableName)", at: span,
                       hint: Suggestion.hint(for: column, in: columns))
            } else if case let .model(columns?) = baseType, !columns.contains(column) {
                // Rules may name a model's columns through the model (`constrain m m.age > 0`).
                report("the model has no column '\(column)'", at: span, hint: Suggestion.hint(for: column, in: columns))
            } else if baseType != .unknown, !baseType.sameKind(as: .table(columns: nil)), !baseType.sameKind(as: .model(columns: nil)) {
                report("'.\(column)' needs a table, but this is \(baseType.label)", at: span)
            }
            // A column reference: the checker records its table's columns for `drop`.
            return baseType
        case let .unary(_, operand, _):
            return checkExpression(operand, env: env) == .bool ? .bool : .unknown
        case let .binary(_, lhs, rhs, _):
            _ = checkExpression(lhs, env: env)
            _ = checkExpression(rhs, env: env)
            return .unknown
        case let .call(name, arguments, span):
            for argument in arguments { _ = checkExpression(argument, env: env) }
            if Builtins.all[name] != nil { return .unknown }
            // Row functions of conditions and derive (missing(t.x), present(t.x)).
            if RowCondition.functions.contains(name), arguments.allSatisfy({ if case .member = $0 { return true } else { return false } }) {
                return .unknown
            }
            guard let arity = procedures[name] else {
                report("unknown procedure '\(name)'", at: span,
                       hint: Suggestion.hint(for: name, in: (Array(procedures.keys) + Array(Builtins.all.keys)).sorted()))
                return .unknown
            }
            if arity != arguments.count {
                report("\(name) takes \(Plural.count(arity, "argument")), got \(arguments.count)", at: span)
            }
            return .unknown
        case let .range(low, high, _):
            _ = checkExpression(low, env: env)
            _ = checkExpression(high, env: env)
            return .unknown
        case let .index(base, name, span):
            // A literal name is checked like t.name; a computed one only when the script runs.
            if case let .string(column, _) = name { return checkExpression(.member(base, column, span), env: env) }
            _ = checkExpression(name, env: env)
            return checkExpression(base, env: env)
        }
    }

    /// Whether a binding's value holds real rows: `load` and tables derived from real ones do,
    /// `sample` does not; nil when the checker cannot tell.
    private func holdsRealRows(_ value: BindingValue) -> Bool? {
        switch value {
        case let .command(call):
            switch call.verb {
            case "load": return true
            case "sample": return false
            case "drop":
                if case let .member(.name(variable, _), _, _)? = call.arguments.first { return realTables[variable] }
                return nil
            default: return nil
            }
        case let .expression(.name(other, _)):
            return realTables[other]
        case .expression:
            return nil
        }
    }

    mutating func report(_ message: String, at span: SourceSpan, hint: String? = nil) {
        diagnostics.append(Diagnostic.error(message, at: span, hint: hint))
    }
}

extension StaticType {
    func sameKind(as other: StaticType) -> Bool {
        switch (self, other) {
        case (.table, .table), (.model, .model): return true
        default: return self == other
        }
    }
}

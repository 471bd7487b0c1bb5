// FitOptionsCheck: the checks on `fit` options that need the table's columns, shared by the
// static checker (before anything runs) and the fit command itself.

import Foundation
import SynthCore
import SynthLang

enum FitOptionsCheck {
    /// Options that only sequential CART reads.
    static let cartOnly = ["smooth", "proper", "minbucket", "cp", "maxdepth", "visit", "order", "predictors"]

    /// Problems with literal option values of `call` (a `fit`); `columns` are the table's when
    /// known. Each diagnostic points at the offending option or list entry.
    static func problems(_ call: CommandCall, columns: [String]?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let method: String
        if case let .name(word, _)? = call.option("method")?.value { method = word } else { method = "cart" }
        if method != "mst", let epsilon = call.option("epsilon") {
            problems.append(.error("epsilon= applies to method=mst, the differentially private method", at: epsilon.nameSpan))
        }
        if method == "copula" || method == "mst" {
            for option in call.options where cartOnly.contains(option.name) {
                problems.append(.error("\(option.name)= applies to method=cart", at: option.nameSpan))
            }
            if method == "mst", call.option("epsilon") == nil {
                problems.append(.error("method=mst needs epsilon=, the share of the privacy budget this fit spends",
                                       at: call.verbSpan, hint: "e.g. fit t method=mst epsilon=1"))
            }
            return problems
        }
        if let visit = call.option("visit"), let order = call.option("order") {
            problems.append(.error("visit= and order= both set the visit order; keep one", at: order.nameSpan,
                                   hint: "visit= is at \(visit.nameSpan.line):\(visit.nameSpan.column)"))
        }
        if case let .list(items, _)? = call.option("visit")?.value {
            var seen: Set<String> = []
            for item in items {
                guard case let .string(name, span) = item else { continue }
                problems += unknownColumn(name, at: span, option: "visit", columns: columns)
                if !seen.insert(name).inserted {
                    problems.append(.error("visit= names column '\(name)' twice", at: span))
                }
            }
            if items.isEmpty, let option = call.option("visit") {
                problems.append(.error("visit= needs at least one column", at: option.value.span))
            }
        }
        if case let .list(items, _)? = call.option("predictors")?.value {
            var targets: Set<String> = []
            for item in items {
                guard case let .string(entry, span) = item else { continue }
                guard let (target, names) = parsePredictors(entry) else {
                    problems.append(.error("predictors= entries look like \"column:a,b\", got \"\(entry)\"", at: span))
                    continue
                }
                for name in [target] + names { problems += unknownColumn(name, at: span, option: "predictors", columns: columns) }
                if !targets.insert(target).inserted {
                    problems.append(.error("predictors= sets the predictors of '\(target)' twice", at: span))
                }
            }
        }
        return problems
    }

    /// `"los:age,sex"` as ("los", ["age", "sex"]); nil when malformed.
    static func parsePredictors(_ entry: String) -> (String, [String])? {
        let parts = entry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else { return nil }
        let names = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return (parts[0], names)
    }

    private static func unknownColumn(_ name: String, at span: SourceSpan, option: String, columns: [String]?) -> [Diagnostic] {
        guard let columns, !columns.contains(name) else { return [] }
        return [.error("\(option)= names column '\(name)', which the table does not have", at: span,
                       hint: Suggestion.hint(for: name, in: columns))]
    }
}

// JSONMutator: seeded random edits of a JSON document that keep it well-formed JSON.

import SynthCore

/// Makes mutants of a document: one to three edits, each at a node chosen at random (numbers
/// replaced by edge values, arrays cut, grown, reordered, objects' keys deleted, renamed or
/// swapped, values replaced by values of other nodes or of other types). Mutant `i` of a seed
/// is always the same, so a failure names the mutant that reproduces it.
struct JSONMutator {
    typealias Path = [JSONDocument.Step]

    let original: JSONDocument
    /// The nodes edits land on: every object and array, every value of an object, and a few
    /// elements of each array of scalars (first, second, middle, last), so long number arrays
    /// do not swallow the edits.
    let paths: [Path]
    /// Keys and strings of the document, reused by renames and string edits.
    let keys: [String]
    let strings: [String]
    /// Pairs of paths holding copies of one value (a model file's schema is in the envelope
    /// and in the model): an edit under one is made under the other too, so edits reach the
    /// checks behind the check that the copies agree.
    let twins: [(Path, Path)]

    init(_ document: JSONDocument, twins: [(String, String)] = []) {
        original = document
        self.twins = twins.flatMap { a, b in
            [(JSONDocument.path(a), JSONDocument.path(b)), (JSONDocument.path(b), JSONDocument.path(a))]
        }
        var paths: [Path] = []
        var keys = Set<String>(), strings = Set<String>()
        func walk(_ node: JSONDocument, _ path: Path) {
            paths.append(path)
            switch node {
            case let .object(object):
                for key in object.keys.sorted() {
                    keys.insert(key)
                    walk(object[key]!, path + [.key(key)])
                }
            case let .array(array):
                let scalars = array.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
                let chosen = scalars ? Array(Set([0, 1, array.count / 2, array.count - 1].filter { array.indices.contains($0) })).sorted()
                    : Array(array.indices)
                for i in chosen { walk(array[i], path + [.index(i)]) }
            case let .string(text):
                strings.insert(text)
            default:
                break
            }
        }
        walk(document, [])
        self.paths = paths
        self.keys = keys.sorted()
        self.strings = strings.sorted()
    }

    /// Mutant `index` of `seed`, with a description of its edits.
    func mutant(seed: UInt64, index: Int) -> (document: JSONDocument, edits: String) {
        var rng = SeededRNG(seed: seed).stream(index)
        var document = original
        var edits: [String] = []
        // One edit in half the mutants, two in a third, three in a sixth: most stay close
        // enough to a valid file to reach sampling.
        let roll = rng.nextInt(below: 6)
        for _ in 0..<(roll < 3 ? 1 : roll < 5 ? 2 : 3) {
            let path = paths[rng.nextInt(below: paths.count)]
            guard let node = document[path] else { continue }
            let result: JSONDocument?
            if rng.nextInt(below: 8) == 0 {
                // Any node: a value of another node, or of another type.
                result = rng.nextInt(below: 2) == 0
                    ? original[paths[rng.nextInt(below: paths.count)]] ?? .null
                    : pick([.null, 0, -1, "x", [], .object([:]), true] as [JSONDocument], &rng)
                edits.append("\(JSONDocument.describe(path)) = \(Self.brief(result ?? .null))")
            } else {
                var description = ""
                result = edit(node, &rng, &description)
                edits.append("\(JSONDocument.describe(path)): \(description)")
            }
            document.edit(ArraySlice(path)) { $0 = result }
            for (from, to) in twins where path.starts(with: from) {
                document.edit(ArraySlice(to + path.dropFirst(from.count))) { $0 = result }
            }
        }
        return (document, edits.joined(separator: "; "))
    }

    private func edit(_ node: JSONDocument, _ rng: inout SeededRNG, _ description: inout String) -> JSONDocument? {
        switch node {
        case let .number(x):
            let y = number(near: x, &rng)
            description = "\(x) -> \(y)"
            return .number(y)
        case .string:
            let s = pick(strings + ["", "x", "#", "\\", "^^^", "MRN9######", "yyyy", "true", "false", "categorical",
                                    "numeric", "integer", "boolean", "date", "datetime", "identifier", "text",
                                    String(repeating: "#", count: 2000)], &rng)
            description = "-> \"\(s.prefix(20))\""
            return .string(s)
        case let .bool(b):
            description = "-> \(!b)"
            return .bool(!b)
        case .null:
            let value = pick([0, 1, "x", [], .object([:]), false] as [JSONDocument], &rng)
            description = "-> \(Self.brief(value))"
            return value
        case var .array(array):
            return .array(edit(&array, &rng, &description))
        case var .object(object):
            edit(&object, &rng, &description)
            return .object(object)
        }
    }

    private func edit(_ array: inout [JSONDocument], _ rng: inout SeededRNG, _ description: inout String) -> [JSONDocument] {
        guard !array.isEmpty else {
            let value = pick([0, 1, -1, "x", [], .object([:])] as [JSONDocument], &rng)
            description = "append \(Self.brief(value)) to an empty list"
            return [value]
        }
        let i = rng.nextInt(below: array.count)
        switch rng.nextInt(below: 8) {
        case 0:
            description = "delete [\(i)] of \(array.count)"
            array.remove(at: i)
        case 1:
            description = "duplicate [\(i)] of \(array.count)"
            array.insert(array[i], at: i)
        case 2:
            let keep = rng.nextInt(below: array.count)
            description = "truncate \(array.count) to \(keep)"
            array.removeLast(array.count - keep)
        case 3:
            let value: JSONDocument = rng.nextInt(below: 2) == 0 ? array[i] : .number(number(near: Double(array.count), &rng))
            description = "append \(Self.brief(value)) to \(array.count)"
            array.append(value)
        case 4:
            let j = rng.nextInt(below: array.count)
            description = "swap [\(i)] and [\(j)]"
            array.swapAt(i, j)
        case 5:
            description = "reverse \(array.count)"
            array.reverse()
        case 6:
            if case let .number(x) = array[i] {
                let y = number(near: x, &rng)
                description = "[\(i)] \(x) -> \(y)"
                array[i] = .number(y)
            } else {
                description = "[\(i)] = copy of [\(max(0, i - 1))]"
                array[i] = array[max(0, i - 1)]
            }
        default:
            description = "empty \(array.count)"
            array = []
        }
        return array
    }

    private func edit(_ object: inout [String: JSONDocument], _ rng: inout SeededRNG, _ description: inout String) {
        let names = object.keys.sorted()
        guard !names.isEmpty else {
            let key = pick(keys, &rng)
            description = "add \(key)"
            object[key] = 0
            return
        }
        let key = pick(names, &rng)
        switch rng.nextInt(below: 5) {
        case 0:
            description = "delete \(key)"
            object[key] = nil
        case 1:
            let name = rng.nextInt(below: 4) == 0 ? "extra" : pick(keys, &rng)
            description = "rename \(key) to \(name)"
            let value = object.removeValue(forKey: key)
            object[name] = value
        case 2:
            let other = pick(names, &rng)
            description = "swap \(key) and \(other)"
            (object[key], object[other]) = (object[other], object[key])
        case 3:
            description = "\(key) = null"
            object[key] = .null
        default:
            let other = pick(names, &rng)
            description = "\(key) = copy of \(other)"
            object[key] = object[other]
        }
    }

    /// An edge value for a number that was `x`: small integers, off-by-one and index-like
    /// values, fractions where integers are expected, and magnitudes that overflow.
    private func number(near x: Double, _ rng: inout SeededRNG) -> Double {
        let choices: [Double] = [
            0, -1, 1, 2, -2, 3, 0.5, -0.5, 1.5, x + 1, x - 1, x * 2, -x, x + 0.5, x * 1000, x / 3,
            1e308, -1e308, 1e300, 1e18, -1e18, 9_007_199_254_740_994, 2_147_483_647, -2_147_483_648,
            4_294_967_296, 1e-300, 100_000_000, 100_000_001, 1e9, 1e15, Double(rng.nextInt(below: 40) - 3),
        ]
        let y = pick(choices, &rng)
        return y.isFinite ? y : 1e308
    }

    private func pick<T>(_ choices: [T], _ rng: inout SeededRNG) -> T {
        choices[rng.nextInt(below: choices.count)]
    }

    private static func brief(_ value: JSONDocument) -> String {
        switch value {
        case .null: return "null"
        case let .bool(b): return "\(b)"
        case let .number(x): return "\(x)"
        case let .string(s): return "\"\(s.prefix(20))\""
        case let .array(a): return "a list of \(a.count)"
        case let .object(o): return "an object of \(o.count) keys"
        }
    }
}

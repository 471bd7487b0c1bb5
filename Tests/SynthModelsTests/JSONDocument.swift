// JSONDocument: a model file as an editable JSON value, and seeded random edits of it.

import Foundation
import SynthCore

/// A JSON value that tests can read and edit by path ("model.columns[0].valueTree.child").
indirect enum JSONDocument: Equatable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONDocument])
    case object([String: JSONDocument])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONDocument].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONDocument].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONDocument {
        try JSONDecoder().decode(JSONDocument.self, from: Data(bytes))
    }

    /// The document as file bytes (keys sorted).
    var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try! encoder.encode(self))
    }

    /// One step of a path: an object's key or an array's index.
    enum Step: Equatable, CustomStringConvertible {
        case key(String)
        case index(Int)

        var description: String {
            switch self {
            case let .key(key): return "." + key
            case let .index(i): return "[\(i)]"
            }
        }
    }

    /// "model.columns[0].valueTree" as steps.
    static func path(_ text: String) -> [Step] {
        var steps: [Step] = []
        for part in text.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket > rest.startIndex { steps.append(.key(String(rest[..<bracket]))) }
                rest = rest[bracket...]
                while rest.hasPrefix("[") , let close = rest.firstIndex(of: "]") {
                    steps.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close])!))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }

    static func describe(_ path: [Step]) -> String {
        String(path.map(\.description).joined().drop(while: { (c: Character) in c == "." }))
    }

    /// The value at `path`, if there is one.
    subscript(path: [Step]) -> JSONDocument? {
        var node = self
        for step in path {
            switch (step, node) {
            case let (.key(key), .object(object)):
                guard let next = object[key] else { return nil }
                node = next
            case let (.index(i), .array(array)):
                guard array.indices.contains(i) else { return nil }
                node = array[i]
            default:
                return nil
            }
        }
        return node
    }

    /// Applies `edit` to the value at `path`; false when there is none. `edit` may set the
    /// value to nil to delete it (a key removed, an element taken out of its array).
    @discardableResult
    mutating func edit(_ path: ArraySlice<Step>, _ edit: (inout JSONDocument?) -> Void) -> Bool {
        guard let step = path.first else {
            var value: JSONDocument? = self
            edit(&value)
            self = value ?? .null
            return true
        }
        let rest = path.dropFirst()
        switch (step, self) {
        case (let .key(key), .object(var object)):
            guard var child = object[key] else { return false }
            self = .null
            defer { self = .object(object) }
            if rest.isEmpty {
                var value: JSONDocument? = child
                edit(&value)
                object[key] = value
                return true
            }
            let done = child.edit(rest, edit)
            object[key] = child
            return done
        case (let .index(i), .array(var array)):
            guard array.indices.contains(i) else { return false }
            self = .null
            defer { self = .array(array) }
            if rest.isEmpty {
                var value: JSONDocument? = array[i]
                edit(&value)
                if let value { array[i] = value } else { array.remove(at: i) }
                return true
            }
            var child = array[i]
            let done = child.edit(rest, edit)
            array[i] = child
            return done
        default:
            return false
        }
    }

    /// Sets the value at the dotted `path` ("model.trainingRows").
    mutating func set(_ path: String, _ value: JSONDocument?) {
        let found = edit(ArraySlice(Self.path(path))) { $0 = value }
        precondition(found, "no value at \(path)")
    }
}

extension JSONDocument: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral {
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONDocument...) { self = .array(elements) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
}

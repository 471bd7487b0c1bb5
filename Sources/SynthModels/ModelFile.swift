// ModelFile: the versioned JSON file a fitted model is saved as, and read back from.

import Foundation

/// Reads and writes fitted models as a self-describing JSON envelope:
/// `{"format": "synth-model", "formatVersion": 1, "method": ..., "containsRealValues": ...,
/// "differentiallyPrivate": ..., "disclosure": ..., "trainingRows": ..., "schema": [...],
/// "model": {...}}`, keys sorted and pretty-printed so the same model gives the same bytes.
///
/// Reference: DataSynthesizer's model as a plain JSON description that sampling reads alone.
public enum ModelFile {
    public static let formatName = "synth-model"
    /// The newest file format this build reads and the one it writes.
    public static let formatVersion = 1

    private static let envelopeKeys: Set<String> = [
        "format", "formatVersion", "method", "containsRealValues", "differentiallyPrivate",
        "disclosure", "trainingRows", "schema", "model",
    ]

    /// The file bytes of `model`.
    public static func encode(_ model: any SynthModel) throws -> [UInt8] {
        switch model {
        case let copula as CopulaModel:
            return try write(Envelope(model: copula))
        case let cart as CARTModel:
            return try write(Envelope(model: cart), pretty: false) + [UInt8(ascii: "\n")]
        case let mst as MSTModel:
            return try write(Envelope(model: mst), pretty: false) + [UInt8(ascii: "\n")]
        default:
            throw ModelError.unsupportedFile("models of method '\(model.method)' cannot be saved yet")
        }
    }

    /// The model stored in `bytes`; a file that is not a synth model, is newer than this build,
    /// or has a missing, unknown or wrong field is refused with a reason.
    public static func decode(_ bytes: [UInt8]) throws -> any SynthModel {
        let data = Data(bytes)
        let (top, method) = try header(data)
        switch method {
        case "copula": return try decodeModel(CopulaModel.self, data, top) { _ = try $0.prepared() }
        case "cart": return try decodeModel(CARTModel.self, data, top) { _ = try $0.prepared() }
        case "mst": return try decodeModel(MSTModel.self, data, top) { try $0.validate() }
        default: throw ModelError.unsupportedFile("unknown method '\(method)'")
        }
    }

    /// The method and column schema a model file declares (for checking a script before it
    /// runs). The whole model is decoded and validated, so a file `check` accepts is one
    /// `load model` accepts.
    public static func schema(of bytes: [UInt8]) throws -> (method: String, schema: [ColumnSchema]) {
        let model = try decode(bytes)
        return (model.method, model.schema)
    }

    /// Parses the file and checks the envelope's format, version and fields.
    private static func header(_ data: Data) throws -> (top: [String: Any], method: String) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ModelError.unsupportedFile("not valid JSON (\(JSONProblem.describe(error)))")
        }
        guard let top = object as? [String: Any] else {
            throw ModelError.unsupportedFile("the file is not a JSON object")
        }
        if let unknown = top.keys.filter({ !envelopeKeys.contains($0) }).sorted().first {
            throw ModelError.unsupportedFile("unknown field '\(unknown)'")
        }
        for key in envelopeKeys.sorted() where top[key] == nil {
            throw ModelError.unsupportedFile("missing field '\(key)'")
        }
        guard let format = top["format"] as? String, format == formatName else {
            throw ModelError.unsupportedFile("field 'format' must be \"\(formatName)\"")
        }
        guard let version = top["formatVersion"] as? Int else {
            throw ModelError.unsupportedFile("field 'formatVersion' must be an integer")
        }
        if version > formatVersion {
            throw ModelError.unsupportedFile("format version \(version) is newer than this synth reads (\(formatVersion)); upgrade synth")
        }
        if version < 1 {
            throw ModelError.unsupportedFile("format version \(version) does not exist")
        }
        guard let method = top["method"] as? String else {
            throw ModelError.unsupportedFile("field 'method' must be a string")
        }
        return (top, method)
    }

    /// Reads the envelope of a `Model`, checks its summary fields and unknown fields, and
    /// validates the schema and the model itself (`validate` rebuilds what sampling needs), so
    /// no well-formed file can make sampling trap.
    private static func decodeModel<Model: SynthModel & Codable>(
        _: Model.Type, _ data: Data, _ top: [String: Any], validate: (Model) throws -> Void
    ) throws -> Model {
        let envelope: Envelope<Model> = try read(data)
        try check(envelope)
        try refuseUnknownFields(in: top, model: envelope)
        do {
            try ColumnSchema.validate(envelope.schema)
            try validate(envelope.model)
        } catch let ModelError.invalid(reason) {
            throw ModelError.unsupportedFile(reason)
        }
        return envelope.model
    }

    private struct Envelope<Model: SynthModel & Codable>: Codable {
        var format: String
        var formatVersion: Int
        var method: String
        var containsRealValues: Bool
        var differentiallyPrivate: Bool
        var disclosure: String
        var trainingRows: Int
        var schema: [ColumnSchema]
        var model: Model

        init(model: Model) {
            format = ModelFile.formatName
            formatVersion = ModelFile.formatVersion
            method = model.method
            containsRealValues = model.containsRealValues
            differentiallyPrivate = model.isDifferentiallyPrivate
            disclosure = model.disclosureNote
            trainingRows = model.trainingRows
            schema = model.schema
            self.model = model
        }
    }

    /// The envelope's summary fields must agree with the model they describe.
    private static func check<Model>(_ envelope: Envelope<Model>) throws {
        let model = envelope.model
        if envelope.method != model.method { throw ModelError.unsupportedFile("field 'method' does not match the model") }
        if envelope.containsRealValues != model.containsRealValues {
            throw ModelError.unsupportedFile("field 'containsRealValues' does not match the '\(model.method)' model")
        }
        if envelope.differentiallyPrivate != model.isDifferentiallyPrivate {
            throw ModelError.unsupportedFile("field 'differentiallyPrivate' does not match the '\(model.method)' model")
        }
        if envelope.trainingRows != model.trainingRows {
            throw ModelError.unsupportedFile("field 'trainingRows' does not match the model")
        }
        if envelope.schema != model.schema {
            throw ModelError.unsupportedFile("field 'schema' does not match the model")
        }
        if !(0...ModelLimits.maximumTrainingRows).contains(envelope.trainingRows) {
            throw ModelError.unsupportedFile("field 'trainingRows' must be a row count from 0 to 100,000,000")
        }
    }

    /// JSONDecoder ignores keys it does not know; a field this build would not write back is
    /// refused instead, so a file from a newer or edited writer is not half-read.
    private static func refuseUnknownFields<T: Encodable>(in top: [String: Any], model: T) throws {
        let known = try JSONSerialization.jsonObject(with: Data(write(model)))
        if let path = unknownPath(top, known, at: "") {
            throw ModelError.unsupportedFile("unknown field '\(path)'")
        }
    }

    private static func unknownPath(_ input: Any, _ known: Any, at path: String) -> String? {
        unknownComponents(input, known).map { components in
            components.reversed().reduce(path) { path, component in
                component.hasPrefix("[") ? path + component : (path.isEmpty ? component : path + "." + component)
            }
        }
    }

    /// The path to the first unknown field, innermost component first; built only when one is
    /// found, as model files hold millions of numbers. Arrays of numbers hold no fields.
    private static func unknownComponents(_ input: Any, _ known: Any) -> [String]? {
        if let object = input as? [String: Any] {
            let reference = known as? [String: Any] ?? [:]
            for key in object.keys.sorted() where !(object[key] is NSNull) {
                guard let next = reference[key] else { return [key] }
                if let found = unknownComponents(object[key]!, next) { return found + [key] }  // key is one of object's
            }
        } else if let array = input as? [Any], let reference = known as? [Any] {
            if let first = array.first, first is NSNumber || first is Double || first is Int || first is String || first is Bool {
                return nil
            }
            for (i, element) in array.enumerated() where i < reference.count {
                if let found = unknownComponents(element, reference[i]) { return found + ["[\(i)]"] }
            }
        }
        return nil
    }

    /// JSON with sorted keys (the same model gives the same bytes). Pretty-printed for models
    /// meant to be read (a copula's few hundred numbers); compact for tree models, whose flat
    /// node arrays would take one line per number.
    private static func write<T: Encodable>(_ value: T, pretty: Bool = true) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw ModelError.invalid("the model could not be encoded: \(error)")
        }
    }

    private static func read<T: Decodable>(_ data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw ModelError.unsupportedFile(describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            return "missing field '\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)'"
        case let .typeMismatch(type, context):
            return "wrong field '\(path(context.codingPath))': expected \(JSONProblem.typeName(type))"
        case let .valueNotFound(_, context):
            return "wrong field '\(path(context.codingPath))': a value is required"
        case let .dataCorrupted(context):
            // The JSON itself was read: a report without a path is JSONDecoder's for a number
            // that does not fit its field, which it does not locate.
            if context.codingPath.isEmpty {
                return "a number does not fit its field (a fraction, or a number too large, where a whole number is stored)"
            }
            return "wrong field '\(path(context.codingPath))': not an allowed value"
        @unknown default:
            return "unreadable model"
        }
    }
}

/// Plain-words descriptions of JSON reading problems (no Swift type names).
enum JSONProblem {
    static func describe(_ error: Error) -> String {
        let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "")"
        return text.isEmpty ? "it is truncated or malformed" : text
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type, is UInt64.Type: return "a number"
        case is [Any].Type: return "a list"
        default: return "a different kind of value"
        }
    }
}

// ModelFileTests: the JSON envelope round-trips exactly and refuses files it cannot read.

import Foundation
import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct ModelFileTests {
    static let model = try! GaussianCopula.fit(Fixtures.clinical(rows: 3000))
    static let bytes = try! ModelFile.encode(model)
    static var text: String { String(decoding: bytes, as: UTF8.self) }

    @Test func decodedModelSamplesTheSameTable() throws {
        // Setup
        let decoded = try ModelFile.decode(Self.bytes)
        // Run
        let a = try Self.model.sample(rows: 5000, rng: SeededRNG(seed: 11))
        let b = try decoded.sample(rows: 5000, rng: SeededRNG(seed: 11))
        // Assert
        #expect(decoded as? CopulaModel == Self.model)
        #expect(identical(a, b))
    }

    @Test func bytesAreDeterministic() throws {
        // Setup / Run
        let again = try ModelFile.encode(GaussianCopula.fit(Fixtures.clinical(rows: 3000)))
        let reencoded = try ModelFile.encode(ModelFile.decode(Self.bytes))
        // Assert
        #expect(again == Self.bytes)
        #expect(reencoded == Self.bytes)
    }

    @Test func envelopeStatesWhatItHolds() throws {
        // Setup / Run
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Self.bytes)) as? [String: Any])
        // Assert
        #expect(object["format"] as? String == "synth-model")
        #expect(object["formatVersion"] as? Int == 1)
        #expect(object["method"] as? String == "copula")
        #expect(object["containsRealValues"] as? Bool == true)
        #expect(object["differentiallyPrivate"] as? Bool == false)
        #expect(object["trainingRows"] as? Int == 3000)
        #expect((object["disclosure"] as? String)?.contains("no identifier values") == true)
        #expect(Self.text.hasPrefix("{\n"))
    }

    @Test func identifierAndTextValuesNeverStored() {
        // Assert: no MRN, no name, no free text, only the column names.
        #expect(!Self.text.contains("MRN-"))
        #expect(!Self.text.contains("Patient"))
        #expect(!Self.text.contains("free text"))
    }

    /// The model file with `edit` applied to its top-level object.
    static func edited(_ edit: (inout [String: Any]) -> Void) throws -> [UInt8] {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        edit(&object)
        return Array(try JSONSerialization.data(withJSONObject: object))
    }

    static let refusals: [(id: String, edit: @Sendable (inout [String: Any]) -> Void, reason: String)] = [
        ("newer version", { $0["formatVersion"] = 2 }, "format version 2 is newer than this synth reads (1); upgrade synth"),
        ("unknown method", { $0["method"] = "ctgan" }, "unknown method 'ctgan'"),
        ("missing field", { $0["schema"] = nil }, "missing field 'schema'"),
        ("unknown field", { $0["extra"] = 1 }, "unknown field 'extra'"),
        ("wrong format", { $0["format"] = "other" }, "field 'format' must be \"synth-model\""),
        ("DP claim", { $0["differentiallyPrivate"] = true }, "field 'differentiallyPrivate' does not match the 'copula' model"),
        ("missing model field", { object in
            var model = object["model"] as! [String: Any]
            model["correlation"] = nil
            object["model"] = model
        }, "missing field 'model.correlation'"),
        ("unknown nested field", { object in
            var model = object["model"] as! [String: Any]
            var marginals = model["marginals"] as! [[String: Any]]
            marginals[1]["smoothing"] = 0.5
            model["marginals"] = marginals
            object["model"] = model
        }, "unknown field 'model.marginals[1].smoothing'"),
        ("inconsistent model", { object in
            var model = object["model"] as! [String: Any]
            model["correlation"] = [[1.0]]
            object["model"] = model
        }, "column 'y' refers to latent dimension 1 of 1"),
        ("not positive definite", { object in
            var model = object["model"] as! [String: Any]
            var rows = model["correlation"] as! [[Double]]
            rows[0][1] = 1.5
            rows[1][0] = 1.5
            model["correlation"] = rows
            object["model"] = model
        }, "the correlation matrix is not a symmetric matrix of correlations"),
        ("diagonal not one", { object in
            var model = object["model"] as! [String: Any]
            var rows = model["correlation"] as! [[Double]]
            rows[0][0] = 5
            model["correlation"] = rows
            object["model"] = model
        }, "the correlation matrix must have ones on its diagonal (row 1)"),
    ]

    @Test(arguments: refusals.indices)
    func refusesBadFiles(index: Int) throws {
        // Setup
        let (id, edit, reason) = Self.refusals[index]
        let bytes = try Self.edited(edit)
        // Run / Assert
        #expect(throws: ModelError.unsupportedFile(reason), "\(id)") { try ModelFile.decode(bytes) }
    }

    @Test func refusesNonJSON() {
        #expect(throws: ModelError.self) { try ModelFile.decode(Array("age,sex\n1,F\n".utf8)) }
        #expect(throws: ModelError.unsupportedFile("the file is not a JSON object")) { try ModelFile.decode(Array("[1, 2]".utf8)) }
    }

    @Test func refusesWrongFieldType() throws {
        // Setup
        let bytes = try Self.edited { object in
            var model = object["model"] as! [String: Any]
            model["shrinkage"] = "none"
            object["model"] = model
        }
        // Run / Assert
        #expect {
            try ModelFile.decode(bytes)
        } throws: { error in
            guard case let ModelError.unsupportedFile(reason) = error else { return false }
            return reason.hasPrefix("wrong field 'model.shrinkage'")
        }
    }
}

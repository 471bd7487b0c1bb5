// ModelFileValidationTests: well-formed model files that are internally inconsistent are refused
// with a reason naming the field, those that made `load model`, `sample` or a write trap first.

import Foundation
import SynthCore
import SynthData
import Testing
@testable import SynthModels

/// A real model file with one edit, and the reason it must be refused with.
struct Refusal: CustomTestStringConvertible, Sendable {
    let id: String
    let fixture: ModelFileFixture
    let edit: @Sendable (inout JSONDocument) -> Void
    let reason: String

    var testDescription: String { id }

    var bytes: [UInt8] {
        var document = fixture.document
        edit(&document)
        return document.bytes
    }
}

extension JSONDocument {
    /// Sets a field of schema entry `index`, in the envelope and in the model alike.
    mutating func setSchema(_ index: Int, _ key: String, _ value: JSONDocument) {
        for prefix in ["schema", "model.schema"] {
            _ = edit(ArraySlice(Self.path("\(prefix)[\(index)]"))) { entry in
                guard case var .object(object)? = entry else { return }
                object[key] = value
                entry = .object(object)
            }
        }
    }

    /// Sets the row count, in the envelope and in the model alike.
    mutating func setTrainingRows(_ rows: Double) {
        set("trainingRows", .number(rows))
        set("model.trainingRows", .number(rows))
    }
}

@Suite struct ModelFileValidationTests {
    /// Edits that made `load model`, `sample` or writing the sample trap (or fail to allocate)
    /// before the check that refuses them; each id says where it trapped.
    static let traps: [Refusal] = [
        Refusal(id: "trainingRows of 10^15 (sample m without rows= would allocate them)", fixture: .cart,
                edit: { $0.setTrainingRows(1e15) },
                reason: "field 'trainingRows' must be a row count from 0 to 100,000,000"),
        Refusal(id: "an integer quantile of 1e300 (writing the sample trapped in Int64)", fixture: .copula,
                edit: { $0.set("model.marginals[4].quantiles", [1e300]) },
                reason: "the quantiles of column 'visits' hold a value too large for a column of kind integer"),
        Refusal(id: "a date quantile of 1e19 days (formatting the date trapped)", fixture: .copula,
                edit: { $0.set("model.marginals[5].quantiles", [1e19]) },
                reason: "the quantiles of column 'admitted' hold a value too large for a column of kind date"),
        Refusal(id: "class leaves on a numeric tree (PreparedTree read classes past the values)", fixture: .cart,
                edit: { $0.set("model.columns[1].valueTree.classes", [1]) },
                reason: "a tree of column 'y': a numeric tree has class leaves"),
        Refusal(id: "leaf offsets starting at 1 (a draw read past the weights)", fixture: .cart,
                edit: { $0.set("model.columns[1].valueTree.leafStart[0]", 1) },
                reason: "a tree of column 'y': leaf offsets do not start at 0"),
        Refusal(id: "leaf offsets starting at -1 (preparing the tree read before its values)", fixture: .cart,
                edit: { $0.set("model.columns[1].valueTree.leafStart[0]", -1) },
                reason: "a tree of column 'y': leaf offsets do not start at 0"),
        Refusal(id: "split offsets starting at -1 (preparing a categorical split read before its levels)", fixture: .cart,
                edit: { $0.set("model.columns[3].valueTree.splitStart[0]", -1) },
                reason: "a tree of column 'score': split level offsets do not start at 0"),
        Refusal(id: "an integer range down to -1e308 (writing the clamped draws trapped in Int64)", fixture: .cart,
                edit: { $0.set("model.columns[4].high", -1e308) },
                reason: "the range of column 'visits' is reversed or too large for a column of kind integer"),
        Refusal(id: "breaks that do not cut the bins (Binning read past its breaks)", fixture: .mst,
                edit: { $0.set("model.domains[1].breaks", []) },
                reason: "the domain of 'y' has breaks that are not ascending inside its range, one fewer than its bins"),
        Refusal(id: "an edge listing its higher column first (TreeModel's precondition failed)", fixture: .mst,
                edit: { $0.set("model.result.cliques[0]", [1, 0]) },
                reason: "an edge of the model must list its lower column first"),
        Refusal(id: "whole-number bins from -1e308 (converting the span to Int trapped)", fixture: .mst,
                edit: { $0.set("model.domains[4].values.bins.lower", -1e308) },
                reason: "the domain of 'visits' must go from low to high, within what a column of kind integer can hold"),
        Refusal(id: "whole-number bins whose offsets overflow Int (Binning's arithmetic trapped)", fixture: .mst, edit: { document in
            document.set("model.domains[4].values.bins", .object(["lower": -9e15, "upper": 9e15, "count": 1000]))
            document.set("model.result.domainSizes[4]", 1000)
            document.set("model.result.supports[4]", [996, 997, 998, 999])
        }, reason: "the domain of 'visits' has a range too wide for its bins"),
        Refusal(id: "a date column with levels (its sample had no numbers, so writing it trapped)", fixture: .mst,
                edit: { $0.set("model.domains[5].values", .object(["levels": .object(["_0": .array((1...10).map { .string("\($0)") })])])) },
                reason: "the domain of 'admitted' is a list of levels, but the column is date"),
        Refusal(id: "a categorical column with bins (its sample had no codes, so writing it trapped)", fixture: .mst,
                edit: { $0.set("model.domains[2].values", .object(["bins": .object(["lower": 0, "upper": 3, "count": 3])])) },
                reason: "the domain of 'group' is a range, but the column is categorical"),
        Refusal(id: "an integer level 'inf' (writing the sample trapped in Int64)", fixture: .mst,
                edit: { $0.set("model.domains[4].values", .object(["levels": .object(["_0": .array((["inf"] + (1...9).map { "\($0)" }).map { .string($0) })])])) },
                reason: "the domain of 'visits' has a level that is not a number a column of kind integer can hold"),
        Refusal(id: "a domain of no values (sampling searched an empty row)", fixture: .mst, edit: { document in
            document.set("model.domains[2].values.levels._0", [])
            document.set("model.domains[2].other", nil)
            document.set("model.result.domainSizes[2]", 0)
            document.set("model.result.supports[2]", [])
            document.set("model.result.marginals[2]", [])
        }, reason: "the domain of 'group' must have from 1 to 100000 levels"),
        Refusal(id: "a domain of 10^12 bins (sampling failed to allocate a flag per bin)", fixture: .mst, edit: { document in
            document.set("model.domains[0].values.bins.count", 1e12)
            document.set("model.result.domainSizes[0]", 1e12)
        }, reason: "the domain of 'x' must have from 1 to 10000 bins"),
        Refusal(id: "tree edges naming a column the model lacks (describe trapped)", fixture: .mst,
                edit: { $0.set("model.result.edges[0]", [2, 99]) },
                reason: "the model's tree edges do not match its cliques"),
    ]

    /// Edits that did not trap but gave a model no fit could give: refused so sampling can
    /// rely on every array, index, bound and order a fit guarantees.
    static let inconsistencies: [Refusal] = [
        Refusal(id: "negative trainingRows", fixture: .mst, edit: { $0.setTrainingRows(-1) },
                reason: "field 'trainingRows' must be a row count from 0 to 100,000,000"),
        Refusal(id: "a column named twice in the schema", fixture: .copula, edit: { $0.setSchema(3, "name", "x") },
                reason: "the schema lists column 'x' twice"),
        Refusal(id: "schema decimals of 400 (every sampled value NaN, though present)", fixture: .copula, edit: { $0.setSchema(2, "decimals", 400) },
                reason: "the decimal places of column 'x' must be from 0 to 12"),
        Refusal(id: "one boolean label", fixture: .copula, edit: { $0.setSchema(9, "booleanLabels", ["No"]) },
                reason: "the boolean labels of column 'flag' must be two different labels, false then true"),
        Refusal(id: "an identifier shape written once per row, 2000 characters long", fixture: .cart,
                edit: { $0.setSchema(0, "identifierShape", .string(String(repeating: "#", count: 2000))) },
                reason: "the identifier shape of column 'mrn' is longer than 1000 characters"),
        Refusal(id: "an identifier shape on a value column", fixture: .mst, edit: { $0.setSchema(6, "identifierShape", "###") },
                reason: "column 'visits' is not an identifier but has an identifier shape"),
        Refusal(id: "two columns on one latent dimension", fixture: .copula, edit: { $0.set("model.marginals[1].valueDimension", 0) },
                reason: "columns 'x' and 'y' share latent dimension 0"),
        Refusal(id: "boolean categories other than false and true", fixture: .copula,
                edit: { $0.set("model.marginals[7].categories", ["No", "Yes"]) },
                reason: "the categories of boolean column 'flag' must be \"false\" and \"true\""),
        Refusal(id: "a missing rate without its dimension", fixture: .copula, edit: { $0.set("model.marginals[0].missingRate", 0.5) },
                reason: "the missing rate of column 'x' does not match its missing-value dimension"),
        Refusal(id: "values seen once out of order (they are binary-searched)", fixture: .cart,
                edit: { $0.set("model.columns[0].singletons[0]", 100) },
                reason: "the values seen once of column 'x' are not ascending, or too large for a column of kind numeric"),
        Refusal(id: "a date leaf value past the calendar", fixture: .cart,
                edit: { $0.set("model.columns[5].valueTree.values[0]", 1e300) },
                reason: "a tree of column 'admitted': a leaf value is too large for a column of kind date"),
        Refusal(id: "negative fallback counts", fixture: .cart, edit: { $0.set("model.columns[2].fallback[0]", -5) },
                reason: "the fallback counts of column 'group' are negative"),
        Refusal(id: "a column synthesized twice", fixture: .cart, edit: { document in
            guard case let .array(columns)? = document[JSONDocument.path("model.columns")] else { return }
            document.set("model.columns", .array(columns + [columns[0]]))
        }, reason: "column 'x' is synthesized twice"),
        Refusal(id: "categorical splits expanding a 3 MB file to 280 million side-table entries", fixture: .cart,
                edit: Self.hugeSideTables, reason: "the trees split on categories with too many levels to sample "
                    + "(over 268435456 level entries, at column 'score')"),
        Refusal(id: "more whole-number bins than whole numbers", fixture: .mst, edit: { document in
            document.set("model.domains[4].values.bins.upper", 5)
        }, reason: "the domain of 'visits' has more bins than whole numbers in its range"),
        Refusal(id: "domain decimals of 10^8 (every sampled value NaN, though present)", fixture: .mst, edit: { $0.set("model.domains[3].decimals", 100_000_001) },
                reason: "the domain of 'score' must have from 0 to 12 decimal places"),
        Refusal(id: "a marginal with no weight to draw from", fixture: .mst, edit: { document in
            guard case let .array(cells)? = document[JSONDocument.path("model.result.marginals[0]")] else { return }
            document.set("model.result.marginals[0]", .array(cells.map { _ in 0 }))
        }, reason: "a marginal of the model has no weight to draw from"),
        Refusal(id: "columns out of schema order", fixture: .mst, edit: { document in
            document.set("model.columns[0]", "y")
            document.set("model.columns[1]", "x")
        }, reason: "the model's columns must be the schema's columns that are neither identifiers nor text, in order"),
        Refusal(id: "a delta of 1 (no guarantee)", fixture: .mst, edit: { $0.set("model.delta", 1) },
                reason: "the privacy guarantee needs a positive epsilon and rho and a delta below 1"),
    ]

    @Test(arguments: traps)
    func refusesAFileThatTrapped(_ refusal: Refusal) throws {
        // Setup
        let bytes = refusal.bytes
        // Run / Assert: load model and synth check refuse it alike.
        #expect(throws: ModelError.unsupportedFile(refusal.reason)) { try ModelFile.decode(bytes) }
        #expect(throws: ModelError.unsupportedFile(refusal.reason)) { try ModelFile.schema(of: bytes) }
    }

    @Test(arguments: inconsistencies)
    func refusesAnInconsistentFile(_ refusal: Refusal) throws {
        // Setup
        let bytes = refusal.bytes
        // Run / Assert: load model and synth check refuse it alike.
        #expect(throws: ModelError.unsupportedFile(refusal.reason)) { try ModelFile.decode(bytes) }
        #expect(throws: ModelError.unsupportedFile(refusal.reason)) { try ModelFile.schema(of: bytes) }
    }

    @Test(arguments: ModelFileFixture.allCases)
    func theUneditedFilesLoadAndSample(_ fixture: ModelFileFixture) throws {
        // Setup / Run
        let model = try ModelFile.decode(fixture.bytes)
        let declared = try ModelFile.schema(of: fixture.bytes)
        let table = try model.sample(rows: 50, rng: SeededRNG(seed: 1))
        // Assert
        #expect(declared.method == fixture.rawValue)
        #expect(declared.schema == fixture.model.schema)
        #expect(SampleCheck.problem(table, model: model, rows: 50) == nil)
        #expect(identical(table, try fixture.model.sample(rows: 50, rng: SeededRNG(seed: 1))))
    }

    @Test func aNumberThatDoesNotFitItsFieldIsNamedInPlainWords() throws {
        // Setup: a fraction where a child index (an Int32) is stored.
        var document = ModelFileFixture.cart.document
        document.set("model.columns[1].valueTree.child[0]", 1.5)
        // Run / Assert
        #expect(throws: ModelError.unsupportedFile(
            "a number does not fit its field (a fraction, or a number too large, where a whole number is stored)")) {
            try ModelFile.decode(document.bytes)
        }
    }

    /// Column 'group' with 100,000 levels, and the tree of 'score' (which splits on it) a chain
    /// of 2,800 nodes each splitting on it: a file of a few megabytes whose side tables would
    /// take 280 million entries.
    @Sendable static func hugeSideTables(_ document: inout JSONDocument) {
        let levels = 100_000, nodes = 2800
        document.set("model.columns[2].levels", .array((0..<levels).map { .string("L\($0)") }))
        document.set("model.columns[2].fallback", .array((0..<levels).map { $0 < 3 ? 10 : 0 }))
        let splits = nodes - 2
        let tree: [String: JSONDocument] = [
            "feature": .array(Array(repeating: 2, count: splits) + [-1, -1]),
            "threshold": .array(Array(repeating: 0, count: nodes)),
            "child": .array((0..<splits).map { .number(Double($0 + 1)) } + [0, 1]),
            "missingLeft": .array(Array(repeating: false, count: nodes)),
            "splitStart": .array(Array(repeating: 0, count: nodes + 1)),
            "splitLevels": [], "leafStart": [0, 1, 2], "values": [0, 1], "valueCounts": [1, 1],
            "bandwidth": [0, 0], "exempt": [.null, .null], "classes": [], "counts": [],
        ]
        document.set("model.columns[3].valueTree", .object(tree))
    }
}

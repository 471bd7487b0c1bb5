// ModelFileMutationTests: thousands of random edits of real model files; none may make reading or
// sampling trap. A trap kills the test process, which is how CI sees it: rerun with
// SYNTH_MUTATION_TRACE=1 to print each mutant before it is read, and SYNTH_MUTATION_FROM=cart:57
// to run one method's mutants from mutant 57 on.

import Foundation
import SynthCore
import SynthData
import Testing
@testable import SynthModels

@Suite struct ModelFileMutationTests {
    static let mutants = 1200
    static let seed: UInt64 = 2026
    static let rows = 50

    @Test(arguments: ModelFileFixture.allCases)
    func noEditedFileMakesDecodeOrSampleTrap(_ fixture: ModelFileFixture) throws {
        // Setup
        let mutator = JSONMutator(fixture.document, twins: ModelFileFixture.twins)
        let environment = ProcessInfo.processInfo.environment
        let trace = environment["SYNTH_MUTATION_TRACE"] == "1"
        let from = (environment["SYNTH_MUTATION_FROM"] ?? "").split(separator: ":")
        if from.count == 2 && from[0] != fixture.rawValue { return }
        let first = from.count == 2 ? Int(from[1]) ?? 0 : 0
        var refused = 0, sampled = 0
        for index in first..<Self.mutants {
            let (document, edits) = mutator.mutant(seed: Self.seed, index: index)
            if trace { FileHandle.standardError.write(Data("\(fixture) mutant \(index): \(edits)\n".utf8)) }

            // Run
            let model: any SynthModel
            do {
                model = try ModelFile.decode(document.bytes)
            } catch is ModelError {
                refused += 1
                continue
            } catch {
                Issue.record("\(fixture) mutant \(index) (\(edits)): decode threw \(error), not a ModelError")
                continue
            }
            do {
                let table = try model.sample(rows: Self.rows, rng: SeededRNG(seed: UInt64(index)))
                sampled += 1

                // Assert
                if let problem = SampleCheck.problem(table, model: model, rows: Self.rows) {
                    Issue.record("\(fixture) mutant \(index) (\(edits)): \(problem)")
                }
            } catch is ModelError {
                continue
            } catch {
                Issue.record("\(fixture) mutant \(index) (\(edits)): sample threw \(error), not a ModelError")
            }
        }
        // The edits must reach both outcomes, or the test shows little.
        if first == 0 {
            #expect(refused > Self.mutants / 4, "\(fixture): only \(refused) mutants refused")
            #expect(sampled > Self.mutants / 20, "\(fixture): only \(sampled) mutants sampled")
        }
    }
}

/// What a sample must be for every later command to use it safely.
enum SampleCheck {
    /// Nil when `table` has `rows` rows of every modelled column of the schema, in schema order
    /// (identifiers aside), codes inside their levels, present numbers finite, and every cell
    /// writable; else what is wrong.
    static func problem(_ table: Table, model: any SynthModel, rows: Int) -> String? {
        let modelled = Set(model.modelledColumns)
        let expected = model.schema.filter { !$0.isIdentifier && modelled.contains($0.name) }.map(\.name)
        let identifiers = Set(model.schema.filter(\.isIdentifier).map(\.name))
        let drawn = table.columns.map(\.name).filter { !identifiers.contains($0) }
        guard drawn == expected else { return "sampled columns \(drawn), expected \(expected)" }
        for column in table.columns {
            guard column.count == rows else { return "column '\(column.name)' has \(column.count) rows" }
            if column.kind.isNumeric {
                guard column.numbers.count == rows else { return "column '\(column.name)' has \(column.numbers.count) numbers" }
                for row in 0..<rows where column.valid[row] && !column.numbers[row].isFinite {
                    return "column '\(column.name)' holds \(column.numbers[row]) at row \(row)"
                }
            } else {
                guard column.codes.count == rows else { return "column '\(column.name)' has \(column.codes.count) codes" }
                for row in 0..<rows {
                    let code = column.codes[row]
                    guard code >= -1 && Int(code) < column.levels.count, column.valid[row] == (code >= 0) else {
                        return "column '\(column.name)' has code \(code) of \(column.levels.count) levels at row \(row)"
                    }
                }
            }
            // Writing every cell converts integers, dates and datetimes to whole numbers: a
            // value no column can hold would trap here.
            for row in 0..<rows { _ = CellFormatter.text(column, row: row) }
        }
        return nil
    }
}

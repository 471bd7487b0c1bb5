// HelpTextTests: every command has help with its usage line; overview and language reference.

import Testing
@testable import SynthLang

@Suite struct HelpTextTests {
    @Test(arguments: CommandTable.all.map(\.name))
    func everyCommandHasHelpWithItsUsage(_ name: String) throws {
        let signature = try #require(CommandTable.signature(name))
        let text = try #require(HelpText.command(name))
        #expect(text.contains(signature.usage))
        #expect(text.contains(signature.summary))
        for option in signature.options {
            #expect(text.contains("\(option.name)=") && text.contains(option.summary))
            if let value = option.defaultValue { #expect(text.contains("(default: \(value))")) }
        }
    }

    @Test func overviewListsEveryCommand() {
        let text = HelpText.overview()
        for signature in CommandTable.all {
            #expect(text.contains(signature.name) && text.contains(signature.summary))
        }
    }

    @Test func unknownTopicIsNil() {
        #expect(HelpText.command("fti") == nil)
        #expect(HelpText.topic("fti") == nil)
        #expect(HelpText.topic("language") == HelpText.language())
    }

    @Test(arguments: ["def", "return", "use", "seed", "#", "\\", "where", "table.column", "and", "in"])
    func languageReferenceCovers(_ term: String) {
        #expect(HelpText.language().contains(term))
    }

    @Test func fitHelpShowsDefaultsAndDetails() throws {
        let text = try #require(HelpText.command("fit"))
        #expect(text.hasPrefix("usage: fit <table> [method=cart|copula|mst] [epsilon=<number>]"))
        #expect(text.contains("(default: cart)"))
        #expect(text.contains("Gaussian copula"))
        #expect(text.contains("sequential CART"))
        #expect(text.contains("McKenna, Miklau & Sheldon 2021"))
    }

    /// The examples printed in help must parse and pass the checker.
    @Test(arguments: CommandTable.all.map(\.name))
    func helpExamplesAreValid(_ name: String) throws {
        let details = try #require(CommandTable.signature(name)).details
        let examples = details.split(separator: "\n").flatMap { line -> [String] in
            guard let range = line.range(of: "Example: ") ?? line.range(of: "Examples: ") else {
                let trimmed = line.trimmingPrefix(" ")
                return line.hasPrefix("  ") && !trimmed.isEmpty ? [String(trimmed)] : []
            }
            return line[range.upperBound...].split(separator: ",").map { String($0.trimmingPrefix(" ")) }
        }
        for example in examples where CommandTable.names.contains(where: { example.contains($0) }) {
            let result = parse(example)
            #expect(result.diagnostics.isEmpty, "\(example)")
            #expect(SignatureChecker.checkProgram(result.program).isEmpty, "\(example)")
        }
    }
}

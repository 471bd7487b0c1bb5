// Tests of identifier shapes: patterns, learning from the labelled fixture, and fresh unique values.

import SynthCore
import Testing
@testable import SynthData

/// The fixture column `name` read as `load` reads it, with its real values.
private func fixtureColumn(_ name: String) throws -> (column: Column, real: Set<String>) {
    let columns = IdentifierFixture.columns()
    let table = try Fixture.read(IdentifierFixture.csv(columns))
    let column = try #require(table.column(name))
    let labelled = try #require(columns.first { $0.name == name })
    return (column, Set(labelled.values))
}

/// Whether `value` has the character classes of `template` ("#" a digit, "A" a capital, other
/// characters themselves), written here independently of the shape syntax.
private func matches(_ value: String, _ template: String) -> Bool {
    let v = Array(value), t = Array(template)
    guard v.count == t.count else { return false }
    return zip(v, t).allSatisfy { ch, want in
        switch want {
        case "#": return ch.isASCII && ch.isNumber
        case "A": return ch.isASCII && ch.isUppercase
        default: return ch == want
        }
    }
}

/// A fixture identifier column and the look every surrogate of it must have.
struct ShapeCase: Sendable, CustomTestStringConvertible {
    let column: String
    let template: String
    var testDescription: String { column }
}

@Test(arguments: [
    ShapeCase(column: "mrn", template: "MRN#######"),
    ShapeCase(column: "ref", template: "MRN#######"),
    ShapeCase(column: "patient_id", template: "A-######"),
    ShapeCase(column: "ssn", template: "###-##-####"),
    ShapeCase(column: "v3", template: "###-##-####"),
    ShapeCase(column: "phone", template: "(###) ###-####"),
    ShapeCase(column: "x", template: "###-###-####"),
    ShapeCase(column: "c4", template: "+1 ### ### ####"),
    ShapeCase(column: "v9", template: "###.###.####"),
])
func surrogatesKeepTheShapeAreUniqueAndNeverReal(_ testCase: ShapeCase) throws {
    // Setup
    let (column, real) = try fixtureColumn(testCase.column)
    let shape = try #require(IdentifierShape.learn(column))
    var rng = SeededRNG(seed: 7)
    // Run
    let values = try #require(try shape.values(count: 10_000, rng: &rng))
    // Assert
    #expect(values.count == 10_000)
    #expect(Set(values).count == values.count)
    #expect(values.allSatisfy { matches($0, testCase.template) }, "\(shape.pattern): \(values.prefix(3))")
    #expect(real.isDisjoint(with: values))
}

@Test func learnedShapesKeepPrefixesAndSeparatorsAndHoldNoRealValue() throws {
    // Setup
    let (mrn, mrnReal) = try fixtureColumn("mrn")
    let (ssn, ssnReal) = try fixtureColumn("ssn")
    // Run
    let mrnShape = try #require(IdentifierShape.learn(mrn)).pattern
    let ssnShape = try #require(IdentifierShape.learn(ssn)).pattern
    // Assert: MRN, then literal leading zeros every real value has, a reserved digit, random digits.
    #expect(mrnShape == "MRN009####")
    #expect(ssnShape == "9##-##-####")
    #expect(!mrnReal.contains { $0.hasPrefix("MRN009") })
    #expect(!ssnReal.contains { $0.hasPrefix("9") })
}

@Test func emailSurrogatesUseAReservedDomainNoRealAddressUses() throws {
    // Setup
    let (column, real) = try fixtureColumn("email")
    var rng = SeededRNG(seed: 3)
    // Run
    let shape = try #require(IdentifierShape.learn(column))
    let values = try #require(try shape.values(count: 10_000, rng: &rng))
    // Assert
    #expect(shape.pattern == "~~~~~~~~@example.org")
    #expect(values.allSatisfy { $0.hasSuffix("@example.org") && $0.count == 20 && ValuePatterns.isEmail($0) })
    #expect(Set(values).count == values.count)
    #expect(real.isDisjoint(with: values))
}

@Test func emailDomainMovesOnWhenRealAddressesUseExampleOrg() {
    // Setup
    let values = (0..<50).map { "user\($0)@example.org" }
    // Run
    let shape = IdentifierShape.learn(values: values, rows: values.count)
    // Assert
    #expect(shape?.pattern == "~~~~~~~~@example.net")
}

@Test(arguments: ["patient_name", "c1", "c14", "street_address", "c5", "date_of_birth", "c8", "zip"])
func columnsWithoutAStableShapeGetNone(_ name: String) throws {
    // Setup
    let (column, _) = try fixtureColumn(name)
    // Run / Assert: names, addresses and dates vary; 500 zip codes leave too few fresh 5-digit values.
    #expect(IdentifierShape.learn(column) == nil)
}

@Test func patternsRoundTripWithEscapes() throws {
    // Setup
    let shape = IdentifierShape(elements: [.literal("#"), .digit, .upper, .lower, .literal("\\"), .literal("~"), .literal("^"), .literal("x")])
    // Run
    let parsed = try #require(IdentifierShape(pattern: shape.pattern))
    // Assert
    #expect(shape.pattern == "\\##^~\\\\\\~\\^x")
    #expect(parsed == shape)
    #expect(IdentifierShape(pattern: "MRN9######")?.capacity == 1_000_000)
    #expect(IdentifierShape(pattern: "AB\\") == nil)
}

@Test func shapesRefuseMoreValuesThanTheyHold() throws {
    // Setup
    let shape = IdentifierShape(pattern: "Z##")!
    var rng = SeededRNG(seed: 1)
    // Run
    let all = try shape.values(count: 100, rng: &rng)
    let tooMany = try shape.values(count: 101, rng: &rng)
    // Assert
    #expect(Set(all ?? []).count == 100)
    #expect(tooMany == nil)
}

@Test func longShapesStayUniqueBeyondTheIndexedSpace() throws {
    // Setup: 30 random letters, more combinations than an Int holds.
    let shape = IdentifierShape(pattern: String(repeating: "^", count: 30))!
    var rng = SeededRNG(seed: 9)
    // Run
    let values = try shape.values(count: 5000, rng: &rng) ?? []
    // Assert
    #expect(shape.capacity == Int.max)
    #expect(values.count == 5000 && Set(values).count == 5000)
    #expect(values.allSatisfy { $0.count == 30 && $0.allSatisfy { $0.isUppercase } })
}

@Test func denseIdentifiersGetNoShape() {
    // Setup: 1..400 uses most 3-digit values; a shape could not offer ten fresh values per row.
    let values = (1...400).map(String.init)
    // Run / Assert
    #expect(IdentifierShape.learn(values: values, rows: values.count) == nil)
}

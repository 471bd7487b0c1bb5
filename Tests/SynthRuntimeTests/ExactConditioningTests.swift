// ExactConditioningTests: `sample ... where` and `constrain` on a copula draw rows given the
// rarest one-column rule directly, so rare conditions are met quickly; other models reject.

import Foundation
import Testing
@testable import SynthData
@testable import SynthRuntime

@Suite struct ExactConditioningTests {
    private static let heart = """
        seed 4
        heart = load "examples/data/heart.csv"

        """

    /// Runs `source` and returns the table bound to `fake`, with the output.
    private func sample(_ source: String) throws -> (table: Table, output: String) {
        let result = TestSupport.runSession(source, origin: "c.synth", noise: .seeded(9))
        #expect(result.status == .ok, "\(result.errors)")
        return (try #require(TestSupport.table("fake", in: result.session)), result.output)
    }

    @Test func whereOnACopulaConditionsExactly() throws {
        // Run: about 2% of the model's rows are over 70.
        let (fake, output) = try sample(Self.heart + """
            m = fit heart method=copula
            fake = sample m rows=2000 where heart.age > 70
            """)
        // Assert
        let age = try #require(fake.column("age"))
        #expect(fake.rowCount == 2000)
        #expect((0..<2000).allSatisfy { age.valid[$0] && age.numbers[$0] > 70 })
        #expect(output.contains("(no row redrawn; exact conditioning on age for the copula)"), "\(output)")
    }

    @Test func aConditionTooRareForRejectionIsMetQuickly() throws {
        // Setup: before, 3 of 52,000 drawn rows met this and the sample was refused as needing
        // about 35 million draws; given age > 76 about 1 row in 25 meets it.
        let start = Date()
        // Run
        let (fake, output) = try sample(Self.heart + """
            m = fit heart method=copula
            fake = sample m rows=2000 where heart.age > 76 and heart.chol > 400
            """)
        // Assert
        let age = try #require(fake.column("age")), chol = try #require(fake.column("chol"))
        #expect(fake.rowCount == 2000)
        #expect((0..<2000).allSatisfy { age.numbers[$0] > 76 && chol.numbers[$0] > 400 })
        #expect(output.contains("exact conditioning on age for the copula"), "\(output)")
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func theRarestColumnIsTheOneConditionedOn() throws {
        // Run: sex == 1 holds for two thirds of rows, chol >= 350 for a few percent.
        let (fake, output) = try sample(Self.heart + """
            m = fit heart method=copula
            fake = sample m rows=500 where heart.sex == 1 and heart.chol >= 350
            """)
        // Assert
        let sex = try #require(fake.column("sex")), chol = try #require(fake.column("chol"))
        #expect((0..<500).allSatisfy { sex.numbers[$0] == 1 && chol.numbers[$0] >= 350 })
        #expect(output.contains("exact conditioning on chol for the copula"), "\(output)")
    }

    @Test func constrainRulesAreConditionedOnToo() throws {
        // Run
        let (fake, output) = try sample(Self.heart + """
            m = fit heart method=copula
            constrain m heart.age between 70 and 74
            fake = sample m rows=1000
            """)
        // Assert
        let age = try #require(fake.column("age"))
        #expect((0..<1000).allSatisfy { age.numbers[$0] >= 70 && age.numbers[$0] <= 74 })
        #expect(output.contains("exact conditioning on age for the copula"), "\(output)")
    }

    @Test func cartStillRejects() throws {
        // Run
        let (fake, output) = try sample(Self.heart + """
            m = fit heart method=cart
            fake = sample m rows=500 where heart.age > 65
            """)
        // Assert
        let age = try #require(fake.column("age"))
        #expect((0..<500).allSatisfy { age.numbers[$0] > 65 })
        #expect(output.contains("did not meet where heart.age > 65"), "\(output)")
        #expect(!output.contains("exact conditioning"), "\(output)")
    }

    @Test func conditionsNotOnOneColumnFallBackToRejection() throws {
        // Run: a comparison of two columns and an `or` restrict no single column.
        let (_, output) = try sample(Self.heart + """
            m = fit heart method=copula
            fake = sample m rows=300 where heart.thalach > heart.trestbps or heart.age > 70
            """)
        // Assert
        #expect(!output.contains("exact conditioning"), "\(output)")
    }

    @Test func sameSeedSameSample() throws {
        // Setup
        let script = Self.heart + """
            m = fit heart method=copula
            fake = sample m rows=5000 seed=21 where heart.age >= 68 and heart.cp in [3, 4]
            """
        // Run
        let first = try sample(script).table
        let second = try sample(script).table
        // Assert
        #expect(first == second)
        #expect(first.rowCount == 5000)
    }
}

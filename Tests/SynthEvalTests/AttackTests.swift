// AttackTests: Wilson rates and the singling-out, linkability and inference attacks.

import SynthCore
import SynthData
import Testing
@testable import SynthEval

@Suite struct AttackTests {
    // Hand-computed with z = 1.959963984540054 (the 0.975 normal quantile), from the textbook
    // Wilson interval (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    @Test func wilsonIntervalMatchesHandNumbers() {
        // Run
        let rate = AttackRate(successes: 30, attacks: 100)
        let none = AttackRate(successes: 0, attacks: 10)
        // Assert: 30 of 100 → [0.218949, 0.395849]; 0 of 10 → [0, 0.277533].
        #expect(abs(rate.value - 0.307398699641397) < 1e-12)
        #expect(abs(rate.value - rate.error - 0.218948852949328) < 1e-12)
        #expect(abs(rate.value + rate.error - 0.395848546333467) < 1e-12)
        #expect(abs(none.value + none.error - 0.277532799862889) < 1e-12)
        #expect(abs(none.value - none.error) < 1e-12)
    }

    @Test func residualRiskMatchesHandNumbers() {
        // Run: 60 of 100 main, 30 of 100 control.
        let risk = AttackRate.risk(name: "x", attacks: 100, mainSuccesses: 60, controlSuccesses: 30)
        // Assert: (0.596... − 0.307...) / (1 − 0.307...) with the propagated error.
        #expect(abs(risk.risk - 0.417125914127394) < 1e-12)
        #expect(abs(risk.riskLow - 0.261955566403589) < 1e-12)
        #expect(abs(risk.riskHigh - 0.572296261851200) < 1e-12)
        #expect(abs(risk.controlSuccess - 0.307398699641397) < 1e-12)
    }

    @Test func riskClippedAndEmpty() {
        // Run: control better than main; no attacks at all.
        let negative = AttackRate.risk(name: "x", attacks: 50, mainSuccesses: 5, controlSuccesses: 25)
        let empty = AttackRate.risk(name: "x", attacks: 0, mainSuccesses: 0, controlSuccesses: 0)
        // Assert
        #expect(negative.risk == 0 && negative.riskLow == 0)
        #expect(empty.risk == 0 && empty.riskLow == 0 && empty.riskHigh == 1 && empty.attacks == 0)
    }

    static let training = PrivacyFixtures.people(rows: 600, seed: 100)
    static let control = PrivacyFixtures.people(rows: 600, seed: 101)
    static let independent = PrivacyFixtures.people(rows: 600, seed: 102)

    @Test(arguments: Attacks.SinglingOutMode.allCases)
    func singlingOutHighForCopies(mode: Attacks.SinglingOutMode) throws {
        // Run
        let risk = try Attacks.singlingOut(training: Self.training, control: Self.control, synthetic: Self.training,
                                       attacks: 200, mode: mode, seed: 1)
        // Assert: every predicate that isolates a synthetic row isolates its training original.
        #expect(risk.name == "singling_out_\(mode.rawValue)")
        #expect(risk.attacks > 20)
        #expect(risk.mainSuccess > 0.9)
        #expect(risk.risk > 0.5)
    }

    @Test(arguments: Attacks.SinglingOutMode.allCases)
    func singlingOutLowForIndependentData(mode: Attacks.SinglingOutMode) throws {
        // Run
        let risk = try Attacks.singlingOut(training: Self.training, control: Self.control, synthetic: Self.independent,
                                       attacks: 200, mode: mode, seed: 1)
        // Assert: the training rows are no easier to single out than the control rows.
        #expect(risk.risk < 0.15)
    }

    @Test func inferenceHighForCopiesLowOtherwise() throws {
        // Setup: the secret is independent of the auxiliary columns, so only memorisation helps.
        let aux = ["a", "b", "c", "group"]
        // Run
        let copied = try Attacks.inference(training: Self.training, control: Self.control, synthetic: Self.training,
                                       secret: "secret", auxiliary: aux, attacks: 300, seed: 2)
        let fresh = try Attacks.inference(training: Self.training, control: Self.control, synthetic: Self.independent,
                                      secret: "secret", auxiliary: aux, attacks: 300, seed: 2)
        // Assert
        #expect(copied.name == "inference:secret" && copied.attacks == 300)
        #expect(copied.risk > 0.8)
        #expect(fresh.risk < 0.15)
        #expect(abs(fresh.controlSuccess - 0.25) < 0.08)
    }

    @Test func numericInferenceUsesRelativeTolerance() throws {
        // Setup: secret "c" (0–1000); copies guess it exactly.
        let risk = try Attacks.inference(training: Self.training, control: Self.control, synthetic: Self.training,
                                     secret: "c", auxiliary: ["a", "b", "group", "flag"], attacks: 200, seed: 3)
        // Assert: control guesses land within 5% only by chance.
        #expect(risk.mainSuccess > 0.95)
        #expect(risk.risk > 0.8)
    }

    @Test func linkabilityHighForCopiesLowOtherwise() throws {
        // Setup
        let aux = (["a", "group"], ["b", "c"])
        // Run
        let copied = try Attacks.linkability(training: Self.training, control: Self.control, synthetic: Self.training,
                                         auxiliary: aux, attacks: 300, seed: 4)
        let fresh = try Attacks.linkability(training: Self.training, control: Self.control, synthetic: Self.independent,
                                        auxiliary: aux, attacks: 300, seed: 4)
        // Assert
        #expect(copied.risk > 0.8)
        #expect(fresh.risk < 0.1)
    }

    @Test func attacksAreDeterministic() throws {
        // Run twice with one seed.
        let runs = try (0..<2).map { _ in
            [try Attacks.singlingOut(training: Self.training, control: Self.control, synthetic: Self.independent,
                                 attacks: 100, mode: .multivariate, seed: 9),
             try Attacks.linkability(training: Self.training, control: Self.control, synthetic: Self.independent,
                                 auxiliary: (["a"], ["c"]), attacks: 100, seed: 9),
             try Attacks.inference(training: Self.training, control: Self.control, synthetic: Self.independent,
                               secret: "group", auxiliary: ["a", "b"], attacks: 100, seed: 9)]
        }
        // Assert
        #expect(runs[0] == runs[1])
    }

    @Test func unknownColumnsGiveNoAttacks() throws {
        // Run
        let risk = try Attacks.inference(training: Self.training, control: Self.control, synthetic: Self.training,
                                     secret: "nope", auxiliary: ["a"], seed: 1)
        // Assert
        #expect(risk.attacks == 0 && risk.risk == 0)
    }
}

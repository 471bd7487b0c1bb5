// Suggestion: edit distance and "did you mean" hints.

import Testing
@testable import SynthCore

struct SuggestionTests {
    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("age", "age", 0), ("agee", "age", 1), ("AGE", "age", 0)])
    func levenshtein(_ a: String, _ b: String, _ expected: Int) {
        #expect(Suggestion.distance(a, b) == expected)
    }

    @Test func closestWithinALimit() {
        #expect(Suggestion.hint(for: "coupla", in: ["copula", "cart", "mst"]) == "did you mean 'copula'?")
        #expect(Suggestion.hint(for: "zzzzzz", in: ["copula", "cart"]) == nil)
    }
}

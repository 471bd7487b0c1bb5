// JSONTokens: the number and string tokens of a JSON text, and seeded edits that replace them.

import SynthCore

/// Mutants of a JSON text that stay well-formed: one to three tokens replaced, numbers by edge
/// values (zero, negatives, fractions, 1e308, past Int32) or another number of the file,
/// strings (keys included) by another string of the file or an odd one. Mutant `i` of a seed
/// is always the same.
struct JSONTokens {
    let text: [UInt8]
    /// Byte ranges of number tokens, and of string tokens with their quotes.
    let numbers: [Range<Int>]
    let strings: [Range<Int>]

    init(_ text: String) {
        self.text = Array(text.utf8)
        var numbers: [Range<Int>] = [], strings: [Range<Int>] = []
        var i = 0
        let bytes = self.text
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                var j = i + 1
                while j < bytes.count && bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                strings.append(i..<(j + 1))
                i = j + 1
            } else if c == UInt8(ascii: "-") || Self.isDigit(c) {
                var j = i + 1
                while j < bytes.count && (Self.isDigit(bytes[j]) || Self.numberPunctuation.contains(bytes[j])) { j += 1 }
                numbers.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        self.numbers = numbers
        self.strings = strings
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private static let numberPunctuation: Set<UInt8> = Set(".eE+-".utf8)

    private static let edgeNumbers = ["0", "-1", "1", "2", "3", "0.5", "-0.5", "1e308", "-1e308", "1e18", "2147483648",
                                      "100000001", "99", "1e-300", "9007199254740993"]
    private static let oddStrings = ["\"\"", "\"x\"", "\"inf\"", "\"\\\\\"", "\"yyyy\"", "\"#####\"", "\"numeric\"", "\"date\""]

    /// Mutant `index` of `seed`, with a description of its edits.
    func mutant(seed: UInt64, index: Int) -> (text: String, edits: String) {
        var rng = SeededRNG(seed: seed).stream(index)
        var replacements: [(range: Range<Int>, with: String)] = []
        for _ in 0...rng.nextInt(below: 3) {
            if rng.nextInt(below: 3) < 2, !numbers.isEmpty {
                let range = numbers[rng.nextInt(below: numbers.count)]
                let with = rng.nextInt(below: 4) == 0 ? token(numbers[rng.nextInt(below: numbers.count)])
                    : Self.edgeNumbers[rng.nextInt(below: Self.edgeNumbers.count)]
                replacements.append((range, with))
            } else if !strings.isEmpty {
                let range = strings[rng.nextInt(below: strings.count)]
                let with = rng.nextInt(below: 2) == 0 ? token(strings[rng.nextInt(below: strings.count)])
                    : Self.oddStrings[rng.nextInt(below: Self.oddStrings.count)]
                replacements.append((range, with))
            }
        }
        // Distinct tokens, replaced from the end so earlier ranges stay valid.
        var seen = Set<Int>()
        replacements = replacements.filter { seen.insert($0.range.lowerBound).inserted }
        var out = text
        for (range, with) in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            out.replaceSubrange(range, with: Array(with.utf8))
        }
        let edits = replacements.map { "byte \($0.range.lowerBound): \(token($0.range).prefix(30)) -> \($0.with.prefix(30))" }
        return (String(decoding: out, as: UTF8.self), edits.joined(separator: "; "))
    }

    private func token(_ range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }
}

// IdentifierShape: the look of an identifier column (literal runs and character classes), never its values.

import SynthCore

/// The shape of an identifier column's values, so surrogates keep their prefix, length,
/// separators and digit pattern without copying any real value.
///
/// Written as a compact pattern: `#` is a random digit, `^` a random upper-case letter, `~` a
/// random lower-case letter, and any other character stands for itself; `\` makes the next
/// character literal (`\#`, `\^`, `\~`, `\\`). "MRN9######" is the letters MRN, a 9, then six
/// random digits; "~~~~~~~~@example.org" is an e-mail address at a reserved domain.
///
/// A shape is learned from the most common pattern of the values: a position is literal when
/// (nearly) every value has the same character there (prefixes such as "MRN", separators such
/// as "-"), and random otherwise. Then the first random positions are fixed to characters that
/// no real value of that pattern has there (the "9" above), so no surrogate can equal a real
/// value. E-mail addresses get random local parts at a reserved domain no real value uses.
/// Names, street addresses and dates have no stable shape and get none, nor does a shape with
/// fewer than ten values per row of the data.
public struct IdentifierShape: Sendable, Equatable {
    /// One position of the shape.
    public enum Element: Sendable, Hashable {
        case literal(Character)
        case digit, upper, lower
    }

    public var elements: [Element]

    public init(elements: [Element]) {
        self.elements = elements
    }

    /// The shape written as `pattern`, or nil for a pattern that ends in a lone `\`.
    public init?(pattern: String) {
        var elements: [Element] = []
        var escaped = false
        for ch in pattern {
            if escaped {
                elements.append(.literal(ch))
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = true
            case "#": elements.append(.digit)
            case "^": elements.append(.upper)
            case "~": elements.append(.lower)
            default: elements.append(.literal(ch))
            }
        }
        if escaped { return nil }
        self.elements = elements
    }

    /// The compact pattern ("MRN9######").
    public var pattern: String {
        var out = ""
        for element in elements {
            switch element {
            case .digit: out += "#"
            case .upper: out += "^"
            case .lower: out += "~"
            case let .literal(ch):
                if Self.specials.contains(ch) { out += "\\" }
                out.append(ch)
            }
        }
        return out
    }

    /// How many distinct values the shape can produce (at most `Int.max`).
    public var capacity: Int {
        var product = 1
        for element in elements {
            let (next, overflow) = product.multipliedReportingOverflow(by: Self.size(element))
            if overflow { return Int.max }
            product = next
        }
        return product
    }

    /// `count` distinct values of this shape drawn at random, or nil when the shape has fewer
    /// than `count` values. Exact sampling without replacement, so no redraw loop. Throws
    /// `CancellationError` on Ctrl-C (millions of values take seconds).
    public func values(count: Int, rng: inout SeededRNG) throws -> [String]? {
        // The last random positions (up to 2^62 combinations) are drawn without replacement,
        // which makes the values unique; any earlier ones are drawn freely.
        var indexed: [Int] = []
        var space = 1
        for position in elements.indices.reversed() where Self.size(elements[position]) > 1 {
            let size = Self.size(elements[position])
            if space > (1 << 62) / size { break }
            space *= size
            indexed.append(position)
        }
        guard count <= space else { return nil }
        let indexedSet = Set(indexed)
        var swapped: [Int: Int] = [:]
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            if i & 0xFFF == 0 { try Cancellation.check() }
            // Sparse Fisher-Yates over 0..<space.
            let j = i + rng.nextInt(below: space - i)
            var index = swapped[j] ?? j
            swapped[j] = swapped[i] ?? i
            var chars = [Character](repeating: " ", count: elements.count)
            for position in indexed {
                let size = Self.size(elements[position])
                chars[position] = Self.character(elements[position], index % size)
                index /= size
            }
            for (position, element) in elements.enumerated() where !indexedSet.contains(position) {
                chars[position] = Self.character(element, Self.size(element) > 1 ? rng.nextInt(below: Self.size(element)) : 0)
            }
            out.append(String(chars))
        }
        return out
    }

    // MARK: - Learning

    /// Share of values that must follow the most common pattern.
    static let patternShare = 0.5
    /// Share of values that must agree on a character for its position to be literal.
    static let literalShare = 0.95
    /// Fewest distinct values a learned shape must offer.
    static let minimumCapacity = 1000
    /// Distinct values a learned shape must offer per row of the data: a sample ten times the
    /// size of the data still gets fresh values, and a tighter shape would say little anyway.
    static let capacityPerRow = 10
    /// Reserved domains (RFC 2606) for surrogate e-mail addresses, in order of preference.
    static let emailDomains = ["example.org", "example.net", "example.com", "example.invalid"]

    /// The shape of `column`'s present values, or nil when they have none worth keeping.
    public static func learn(_ column: Column) -> IdentifierShape? {
        learn(values: distinctTexts(column), rows: column.count - column.missingCount)
    }

    /// The shape of `values` (the distinct texts of `rows` present values), or nil.
    static func learn(values: [String], rows: Int) -> IdentifierShape? {
        guard !values.isEmpty else { return nil }
        func share(_ test: (String) -> Bool) -> Double { Double(values.filter(test).count) / Double(values.count) }
        if share(ValuePatterns.isEmail) >= 0.8 { return emailShape(values) }
        if share(ValuePatterns.isPersonName) >= patternShare || share(ValuePatterns.isStreetAddress) >= patternShare
            || share({ ValuePatterns.dateYear($0) != nil }) >= patternShare {
            return nil
        }
        // The most common pattern of classes.
        let keyed = values.map { value in (Array(value), Array(value).map(classOf)) }
        var counts: [[Element]: Int] = [:]
        for (_, key) in keyed { counts[key, default: 0] += 1 }
        guard let (key, keyCount) = counts.max(by: { $0.value < $1.value || $0.value == $1.value && pattern($0.key) > pattern($1.key) }),
              Double(keyCount) >= patternShare * Double(values.count) else { return nil }
        let matching = keyed.filter { $0.1 == key }.map(\.0)
        // Literal where nearly every value agrees.
        var elements = key
        for (position, element) in key.enumerated() where size(element) > 1 {
            var tally: [Character: Int] = [:]
            for chars in matching { tally[chars[position], default: 0] += 1 }
            if let (ch, n) = tally.max(by: { $0.value < $1.value }), Double(n) >= literalShare * Double(matching.count) {
                elements[position] = .literal(ch)
            }
        }
        let fitting = matching.filter { chars in
            zip(chars, elements).allSatisfy { ch, element in
                if case let .literal(literal) = element { return ch == literal }
                return true
            }
        }
        guard let marked = reserveMarker(elements, realValues: fitting) else { return nil }
        let shape = IdentifierShape(elements: marked)
        let (needed, overflow) = max(rows, 1).multipliedReportingOverflow(by: capacityPerRow)
        return !overflow && shape.capacity >= max(minimumCapacity, needed) ? shape : nil
    }

    /// `elements` with its first random positions fixed to the highest characters that no real
    /// value has there, so every value of the result differs from every real value.
    private static func reserveMarker(_ elements: [Element], realValues: [[Character]]) -> [Element]? {
        let random = elements.indices.filter { size(elements[$0]) > 1 }
        guard !random.isEmpty else { return nil }
        var combinations = 1
        for k in 1...random.count {
            let positions = Array(random.prefix(k))
            let last = elements[positions[k - 1]]
            let (next, overflow) = combinations.multipliedReportingOverflow(by: size(last))
            if overflow { return nil }
            combinations = next
            let used = Set(realValues.map { chars in String(positions.map { chars[$0] }) })
            if used.count >= combinations { continue }
            // Candidates from the highest down ("9", "99", ...): sequential numbers start low.
            for index in stride(from: combinations - 1, through: 0, by: -1) {
                var rest = index
                var chars: [Character] = []
                for position in positions.reversed() {
                    let n = size(elements[position])
                    chars.append(character(elements[position], rest % n))
                    rest /= n
                }
                chars.reverse()
                if used.contains(String(chars)) { continue }
                var out = elements
                for (position, ch) in zip(positions, chars) { out[position] = .literal(ch) }
                return out
            }
        }
        return nil
    }

    /// Random local parts at the first reserved domain that no real address uses.
    private static func emailShape(_ values: [String]) -> IdentifierShape? {
        let domains = Set(values.compactMap { $0.split(separator: "@").last.map { $0.lowercased() } })
        guard let domain = emailDomains.first(where: { !domains.contains($0) }) else { return nil }
        return IdentifierShape(elements: Array(repeating: .lower, count: 8) + [.literal("@")] + domain.map { .literal($0) })
    }

    /// The distinct present values of `column` as text (none for dates and booleans).
    private static func distinctTexts(_ column: Column) -> [String] {
        switch column.kind {
        case .date, .datetime, .boolean:
            return []
        default:
            break
        }
        if column.kind.isCoded {
            var used = [Bool](repeating: false, count: column.levels.count)
            for (code, ok) in zip(column.codes, column.valid) where ok && code >= 0 { used[Int(code)] = true }
            return zip(column.levels, used).filter(\.1).map(\.0)
        }
        var seen = Set<Double>()
        var out: [String] = []
        for row in 0..<column.count where column.valid[row] && seen.insert(column.numbers[row]).inserted {
            if let text = CellFormatter.text(column, row: row) { out.append(text) }
        }
        return out
    }

    private static let specials: Set<Character> = ["#", "^", "~", "\\"]

    private static func classOf(_ ch: Character) -> Element {
        guard let ascii = ch.asciiValue else { return .literal(ch) }
        switch ascii {
        case 48...57: return .digit
        case 65...90: return .upper
        case 97...122: return .lower
        default: return .literal(ch)
        }
    }

    private static func size(_ element: Element) -> Int {
        switch element {
        case .digit: return 10
        case .upper, .lower: return 26
        case .literal: return 1
        }
    }

    /// The `index`th character an element stands for; callers take the index below
    /// `size(element)` (a remainder or a draw), so the scalar is an ASCII digit or letter.
    private static func character(_ element: Element, _ index: Int) -> Character {
        switch element {
        case .digit: return Character(Unicode.Scalar(UInt8(48 + index)))
        case .upper: return Character(Unicode.Scalar(UInt8(65 + index)))
        case .lower: return Character(Unicode.Scalar(UInt8(97 + index)))
        case let .literal(ch): return ch
        }
    }

    private static func pattern(_ elements: [Element]) -> String { IdentifierShape(elements: elements).pattern }
}

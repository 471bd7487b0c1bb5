// ValuePatterns: byte-level matchers for identifier-like values (e-mail, SSN, phone, zip, ...).

/// Hand-written matchers for the shapes of direct identifiers.
enum ValuePatterns {
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    private static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }

    /// local@domain.tld
    static func isEmail(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard let at = b.firstIndex(of: 64), at > 0, b.lastIndex(of: 64) == at else { return false }
        if b.contains(where: { $0 == 32 || $0 == 9 }) { return false }
        let domain = b[(at + 1)...]
        guard let dot = domain.lastIndex(of: 46), dot > at + 1 else { return false }
        let tld = b[(dot + 1)...]
        return tld.count >= 2 && tld.allSatisfy { isUpper($0) || isLower($0) }
    }

    /// ddd-dd-dddd
    static func isSSN(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 11, b[3] == 45, b[6] == 45 else { return false }
        return b.enumerated().allSatisfy { $0.offset == 3 || $0.offset == 6 || isDigit($0.element) }
    }

    /// 10 to 15 digits in three or more groups split by phone punctuation: "(555) 123-4567",
    /// "555-123-4567", "+1 617 555 2000", "01 23 45 67 89". Two groups ("10000032-22") are record
    /// codes, and three groups ending in one or two digits are drug codes (NDC "0002-3227-30").
    static func isPhone(_ text: String) -> Bool {
        var digits = 0, groups = 0, lastGroup = 0
        var inGroup = false
        for c in text.utf8 {
            if isDigit(c) {
                digits += 1
                if !inGroup { groups += 1; inGroup = true; lastGroup = 0 }
                lastGroup += 1
            } else if c == 32 || c == 45 || c == 46 || c == 40 || c == 41 || c == 43 {
                inGroup = false
            } else {
                return false
            }
        }
        return digits >= 10 && digits <= 15 && (groups >= 4 || groups == 3 && lastGroup >= 3)
    }

    /// ddddd or ddddd-dddd
    static func isZip(_ text: String) -> Bool {
        let b = Array(text.utf8)
        if b.count == 5 { return b.allSatisfy(isDigit) }
        if b.count == 10 { return b[5] == 45 && b[0..<5].allSatisfy(isDigit) && b[6...].allSatisfy(isDigit) }
        return false
    }

    private static let streetSuffixes: Set<String> = [
        "st", "street", "ave", "avenue", "av", "road", "rd", "blvd", "boulevard", "lane", "ln", "dr", "drive",
        "way", "court", "ct", "place", "pl", "terrace", "ter", "circle", "cir", "parkway", "pkwy",
        "highway", "hwy", "square", "sq", "trail", "trl",
    ]

    /// A house number, then words including a street suffix: "12 Oak St", "4410 W. Elm Avenue, Apt 3".
    static func isStreetAddress(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 3, let first = words.first?.utf8.first, isDigit(first),
              words[0].utf8.allSatisfy({ isDigit($0) || isUpper($0) || isLower($0) || $0 == 45 }) else { return false }
        return words.dropFirst(2).contains { word in
            streetSuffixes.contains(word.lowercased().trimmingPunctuation())
        } || streetSuffixes.contains(words[1].lowercased().trimmingPunctuation()) && words.count > 3
    }

    /// Two or more capitalised words, optionally with a middle initial: "Maria Lopez", "John Q. Public";
    /// or a listing "Last, First" in capitals or not: "LOPEZ, MARIA", "Lopez, Maria Q.".
    static func isPersonName(_ text: String) -> Bool {
        if let comma = text.firstIndex(of: ","), let space = text.firstIndex(of: " "), comma < space {
            return isListedName(text)
        }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count >= 2 && words.count <= 4 else { return false }
        var full = 0
        for word in words {
            let b = Array(word.utf8)
            guard let head = b.first, isUpper(head) || head >= 0xC3 else { return false }
            if b.count == 1 || (b.count == 2 && b[1] == 46) { continue }
            let rest = b.dropFirst()
            guard rest.allSatisfy({ isLower($0) || $0 == 39 || $0 == 45 || $0 >= 0x80 || isUpper($0) }),
                  rest.contains(where: isLower) else { return false }
            full += 1
        }
        return full >= 2
    }

    /// "LAST, FIRST" or "Last, First M.": a letters-only surname, a comma, then one or two given
    /// names or initials, all capitalised.
    private static func isListedName(_ text: String) -> Bool {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let given = parts[1].split(separator: " ", omittingEmptySubsequences: false).dropFirst()
        guard parts[1].first == " ", !given.isEmpty, given.count <= 2 else { return false }
        func nameWord(_ word: Substring, initial: Bool) -> Bool {
            let b = Array(word.utf8)
            guard let head = b.first, isUpper(head) || head >= 0xC3 else { return false }
            if initial && (b.count == 1 || (b.count == 2 && b[1] == 46)) { return true }
            return b.count >= 2 && b.dropFirst().allSatisfy { isLower($0) || isUpper($0) || $0 == 39 || $0 == 45 || $0 >= 0x80 }
        }
        // given is not empty (guarded above).
        return nameWord(parts[0], initial: false) && nameWord(given.first!, initial: false)
            && given.dropFirst().allSatisfy { nameWord($0, initial: true) }
    }

    /// Digits in three groups split by '/', '-' or '.': "1/5/1950", "05.01.1950", "1950-1-5".
    static func isDateLike(_ text: String) -> Bool {
        let groups = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        return groups.count == 3 && groups.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.utf8.allSatisfy(isDigit) }
    }

    /// The year of a date-like text with a year from 1800 to 2199 first or last and one- or two-digit
    /// day and month ("1/5/1950" → 1950), or nil; drug codes ("0002-3227-30") have no year.
    static func dateYear(_ text: String) -> Int? {
        guard isDateLike(text) else { return nil }
        let groups = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        let yearFirst = groups[0].count == 4
        let year = yearFirst ? groups[0] : groups[2]
        let dayMonth = yearFirst ? groups[1...2] : groups[0...1]
        guard year.count == 4, dayMonth.allSatisfy({ $0.count <= 2 }), let value = Int(year),
              (1800...2199).contains(value) else { return nil }
        return value
    }

    /// Letters and digits with a run of six or more digits: record numbers such as "MRN0012345",
    /// "A-004411" (clinical codes have shorter runs: "E11.9", "J1234", "0002-3227-30").
    static func isRecordCode(_ text: String) -> Bool {
        guard isCode(text), text.utf8.contains(where: { isUpper($0) || isLower($0) }) else { return false }
        var run = 0
        for c in text.utf8 {
            run = isDigit(c) ? run + 1 : 0
            if run >= 6 { return true }
        }
        return false
    }

    /// A code of letters, digits, '-' and '_' holding at least one digit: "MRN-004512", "A7F3".
    static func isCode(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard !b.isEmpty, b.count <= 40 else { return false }
        return b.contains(where: isDigit) && b.allSatisfy { isDigit($0) || isUpper($0) || isLower($0) || $0 == 45 || $0 == 95 }
    }
}

extension String {
    fileprivate func trimmingPunctuation() -> String {
        var s = Substring(self)
        while let last = s.last, last == "." || last == "," { s.removeLast() }
        return String(s)
    }
}

// IdentifierDetector: flags HIPAA Safe Harbor direct identifiers by column name and by content.

import SynthCore

/// A column that looks like a direct identifier, and why.
public struct IdentifierFinding: Sendable, Equatable {
    public var column: String
    public var reason: String

    public init(column: String, reason: String) {
        self.column = column
        self.reason = reason
    }
}

/// Finds likely direct identifiers (HIPAA Safe Harbor): record numbers, person names, phone
/// numbers, e-mail addresses, social security numbers, street addresses, 5-digit zip codes and
/// full dates of birth. Each is recognised by the column name or, for an uninformative name,
/// by the values themselves.
public enum IdentifierDetector {
    /// Share of distinct values that must match a content pattern.
    static let contentShare = 0.8
    /// Rows needed before "every value distinct" counts as evidence of a record number.
    static let uniqueMinimumRows = 20

    /// Name words of quantities that are never record numbers, however distinct their values.
    static let measurementWords: Set<String> = [
        "age", "year", "years", "yr", "month", "months", "day", "days", "hours", "minutes", "count", "score",
        "weight", "height", "bmi", "dose", "size", "stay", "los", "time", "duration", "value", "level", "rate",
        "amount", "cost", "charge", "pressure", "length", "volume", "visits",
    ]

    /// Name words of clinical code columns, whose 5-digit values are not zip codes.
    static let codeWords: Set<String> = [
        "code", "codes", "cd", "cpt", "hcpcs", "icd", "ndc", "drg", "proc", "procedure", "dx", "diag", "diagnosis",
    ]

    /// Name words of dates of events (admission, discharge, death, visits): quasi-identifiers,
    /// modelled (and coarsened by Safe Harbor's rule), never direct identifiers, however far
    /// apart they lie (MIMIC-IV shifts each patient's dates by up to a century).
    static let eventDateWords: Set<String> = [
        "death", "dod", "died", "deceased", "expire", "expired", "admit", "admitted", "admission", "admittime", "adm",
        "discharge", "discharged", "disch", "dischtime", "dis", "visit", "encounter", "event", "chart", "charttime",
        "start", "end", "stop", "onset", "diagnosis", "dx", "procedure", "surgery", "operation", "test", "lab",
        "collected", "collection", "specimen", "sample", "enrol", "enroll", "enrolled", "enrollment", "followup",
        "follow", "registration", "registered", "service", "transfer", "intime", "outtime", "entry", "exit",
        "censor", "censored", "consent", "randomization", "randomisation", "treatment", "dose", "prescribed",
        "order", "result", "report", "scan", "exam", "appointment", "seen", "last", "first", "anchor",
    ]

    /// The findings for `table`, in column order.
    public static func detect(_ table: Table) -> [IdentifierFinding] {
        let columns = table.columns
        let reasons = Parallel.map(columns.count) { reason(for: columns[$0]) }
        return zip(columns, reasons).compactMap { column, reason in
            reason.map { IdentifierFinding(column: column.name, reason: $0) }
        }
    }

    /// Why `column` is a direct identifier, or nil.
    public static func reason(for column: Column) -> String? {
        let present = column.count - column.missingCount
        guard present > 0 else { return nil }
        let words = nameWords(column.name)
        let joined = words.joined()
        func named(_ options: Set<String>) -> Bool { words.contains { options.contains($0) } }

        // Coded columns: look at the distinct values.
        var levels: [String] = []
        var distinct = 0
        if column.kind.isCoded {
            var used = [Bool](repeating: false, count: column.levels.count)
            for (code, ok) in zip(column.codes, column.valid) where ok && code >= 0 { used[Int(code)] = true }
            levels = zip(column.levels, used).filter(\.1).map(\.0)
            distinct = levels.count
        } else {
            var seen = Set<Double>()
            for (value, ok) in zip(column.numbers, column.valid) where ok { seen.insert(value) }
            distinct = seen.count
        }
        let distinctShare = Double(distinct) / Double(present)
        func share(_ test: (String) -> Bool) -> Double {
            levels.isEmpty ? 0 : Double(levels.filter(test).count) / Double(levels.count)
        }

        if named(["email", "mail"]) || joined.contains("email") || share(ValuePatterns.isEmail) >= contentShare {
            return "e-mail addresses"
        }
        if named(["ssn", "social"]) || share(ValuePatterns.isSSN) >= contentShare {
            return "social security numbers"
        }
        if named(["phone", "telephone", "tel", "mobile", "cell", "fax"]) || joined.contains("phone")
            || share(ValuePatterns.isPhone) >= contentShare {
            return "phone numbers"
        }
        if named(["zip", "zipcode", "postal", "postcode"]) || joined.contains("zipcode") {
            if isFiveDigitZip(column, levels: levels) { return "5-digit zip codes" }
        } else if column.kind.isCoded && !named(codeWords) && distinct >= zipMinimumLevels && share(ValuePatterns.isZip) == 1 {
            // Every value, not most: 5-digit procedure codes (CPT) mix with lettered ones; and
            // many of them: a short list of 5-digit lab or procedure codes is not zip codes.
            return "5-digit zip codes"
        }
        if named(["address", "street", "addr"]) || share(ValuePatterns.isStreetAddress) >= 0.6 {
            return "street addresses"
        }
        if joined.contains("birth") || named(["dob", "born"]) {
            // A birth year alone is allowed; a full date (read as a date, or text in another
            // layout such as "1/5/1950") is not.
            if column.kind == .date || column.kind == .datetime || share(ValuePatterns.isDateLike) >= contentShare {
                return "full dates of birth"
            }
        }
        // Full dates spread over decades are plausibly dates of birth when the name does not say
        // they date an event (admission or visit dates span a few years, and dates of death
        // are modelled as quasi-identifiers); Safe Harbor allows only the year. Dates in layouts
        // the reader keeps as text ("14.03.1956", "3/14/1956") count by their years.
        if present >= 20 && !named(eventDateWords) && (column.kind == .date && dateSpanYears(column) >= birthDateSpanYears
            || share(ValuePatterns.isDateLike) >= contentShare && textDateSpanYears(levels) >= birthDateSpanYears) {
            return "full dates over decades, such as birth dates (Safe Harbor keeps only the year)"
        }
        let personName = named(["surname", "firstname", "lastname", "fullname", "forename", "givenname", "middlename"])
            || (words.contains("name") && (words.count == 1 || named(["first", "last", "given", "family", "full", "middle", "patient", "person", "maiden"])))
        if column.kind.isCoded && (personName || (distinctShare >= 0.5 && present >= 5 && share(ValuePatterns.isPersonName) >= contentShare)) {
            return "person names"
        }
        let idWord = ["id", "mrn", "nbr", "num", "no", "number", "identifier", "uuid", "guid", "key"].contains(words.last ?? "")
            || named(["mrn", "encounter", "record", "ssn"])
        // A short code list (admission_type_id: 8 values) is not a record number.
        if idWord && (distinctShare >= 0.5 || distinct > 50) && (column.kind == .integer || column.kind.isCoded) {
            return "record numbers (name)"
        }
        // Measurements (ages, counts, durations) can be all distinct in a small table.
        let measurement = named(measurementWords)
        if !measurement && distinct == present && present >= uniqueMinimumRows && column.valid.allSatisfy({ $0 }) {
            if column.kind == .integer && looksLikeRecordNumbers(column) { return "record numbers (every value distinct)" }
            if column.kind.isCoded && share(ValuePatterns.isCode) >= contentShare { return "record numbers (every value distinct)" }
        }
        // Record numbers repeat in a visits table; their long digit runs set them apart from codes.
        if !measurement && column.kind.isCoded && distinct >= recordCodeMinimumLevels
            && share(ValuePatterns.isRecordCode) >= contentShare {
            return "record numbers (letters and six or more digits)"
        }
        return nil
    }

    /// Years between the earliest and latest date that mark a column of full dates as birth dates.
    static let birthDateSpanYears = 25.0
    /// Distinct values needed before an unnamed column of 5-digit codes counts as zip codes.
    static let zipMinimumLevels = 20
    /// Distinct values needed before repeated letter-and-digit codes count as record numbers.
    static let recordCodeMinimumLevels = 20

    /// Years between the earliest and latest year of date-like texts ("1/5/1950").
    private static func textDateSpanYears(_ levels: [String]) -> Double {
        let years = levels.compactMap(ValuePatterns.dateYear)
        guard let low = years.min(), let high = years.max() else { return 0 }
        return Double(high - low)
    }

    private static func dateSpanYears(_ column: Column) -> Double {
        var low = Double.infinity, high = -Double.infinity
        for (value, ok) in zip(column.numbers, column.valid) where ok {
            low = min(low, value)
            high = max(high, value)
        }
        return high > low ? (high - low) / 365.25 : 0
    }

    /// Lower-cased words of a column name, split at punctuation and camelCase boundaries.
    static func nameWords(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for ch in name {
            if !(ch.isLetter || ch.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if ch.isUppercase && previousLower && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += ch.lowercased()
            previousLower = ch.isLowercase || ch.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Sequential numbers (range within twice the count) or long codes (five digits or more).
    private static func looksLikeRecordNumbers(_ column: Column) -> Bool {
        var low = Double.infinity, high = -Double.infinity
        var long = true
        for (value, ok) in zip(column.numbers, column.valid) where ok {
            low = min(low, value)
            high = max(high, value)
            if abs(value) < 10_000 { long = false }
        }
        return long || high - low + 1 <= 2 * Double(column.count)
    }

    private static func isFiveDigitZip(_ column: Column, levels: [String]) -> Bool {
        if column.kind.isCoded {
            return !levels.isEmpty && Double(levels.filter(ValuePatterns.isZip).count) / Double(levels.count) >= 0.5
        }
        guard column.kind == .integer || column.kind == .numeric else { return false }
        // Zip codes read as integers lose leading zeros: 501...99999.
        var fiveDigits = 0, present = 0
        for (value, ok) in zip(column.numbers, column.valid) where ok {
            present += 1
            if value >= 500 && value <= 99_999 && value == value.rounded() { fiveDigits += 1 }
        }
        return present > 0 && Double(fiveDigits) / Double(present) >= 0.9 && column.numbers.contains { $0 >= 10_000 }
    }
}

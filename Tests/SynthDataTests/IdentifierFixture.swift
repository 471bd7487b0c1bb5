// IdentifierFixture: a seeded, labelled table of direct identifiers and look-alike clinical columns.

import Foundation
import SynthCore
@testable import SynthData

/// One column of the labelled fixture: its name, its values and whether it is a direct identifier.
struct LabelledColumn: Sendable {
    let name: String
    /// Whether the column's name says what it holds (`mrn`) rather than nothing (`c1`).
    let named: Bool
    let identifier: Bool
    let values: [String]
}

/// A 500-row table of realistic direct identifiers, each kind under a telling name and under an
/// uninformative one, beside clinical columns that share their look (codes, dates, numbers,
/// capitalised words) and must not be flagged. Seeded, so every run builds the same table.
enum IdentifierFixture {
    static let rows = 500

    static let firstNames = ["Maria", "John", "Aisha", "Wei", "Olga", "Pedro", "Fatima", "Liam", "Noor", "Kenji",
                             "Sofia", "James", "Amara", "Lucas", "Mei", "Omar", "Elena", "David", "Priya", "José"]
    static let lastNames = ["Gonzalez", "Smith", "Khan", "Chen", "Ivanova", "Silva", "Haddad", "Murphy", "Ali",
                            "Tanaka", "Garcia", "Brown", "Novak", "O'Brien", "Nguyen", "Müller", "Okafor",
                            "Rossi", "Johansson", "Kowalski", "Cohen", "Dubois", "Patel", "Kim", "Lee"]
    static let streetNames = ["Oak", "Maple", "Elm", "Cedar", "Pine", "Washington", "Lincoln", "Park", "Lake",
                              "Hill", "Sunset", "Main", "Church", "Mill", "River"]
    static let streetSuffixes = ["Street", "Avenue", "Road", "Lane", "Drive", "Blvd", "St", "Ave", "Court", "Way"]
    static let domains = ["gmail.com", "yahoo.com", "outlook.com", "mail.example.org", "hospital.org"]
    static let states = ["MA", "CA", "NY", "TX", "FL", "IL", "WA", "OH", "GA", "PA"]
    static let icdCodes = ["250.83", "E11.9", "I10", "401.9", "J45.909", "N18.3", "428.0", "E78.5", "414.01",
                           "F32.9", "K21.9", "M54.5", "Z79.4", "496", "V58.67", "I25.10", "E66.9", "493.90"]
    static let notes = ["Patient reports mild headache for 3 days.", "No acute distress.",
                        "Follow up in 2 weeks with primary care.", "Take 500 mg twice daily with food.",
                        "Denies chest pain or shortness of breath.", "Referred to Cardiology Clinic.",
                        "BP elevated at 150/95; recheck next visit.", "Walks 2 miles daily.",
                        "Lives with daughter on Oak Street.", "Smokes 1 pack per day since 1985."]
    static let medications = ["Metformin 500 mg", "Lisinopril 10 mg", "Atorvastatin 20 mg", "Insulin Glargine",
                              "Amlodipine 5 mg", "Aspirin 81 mg"]
    static let descriptions = ["Heart Failure, Unspecified", "Fracture, Femur", "Diabetes, Type 2", "Pneumonia",
                                "Sepsis, Unspecified Organism", "Hypertension, Essential", "Asthma, Mild Persistent"]
    static let wards = ["North Wing", "South Wing", "East Wing", "West Wing", "Intensive Care"]

    /// The fixture's columns, identifiers first; the same seed always gives the same values.
    static func columns(seed: UInt64 = 20_260_101) -> [LabelledColumn] {
        var rng = SeededRNG(seed: seed)
        func pick<T>(_ options: [T]) -> T { options[rng.nextInt(below: options.count)] }
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(rng.nextInt(below: 10))) }) }
        func int(_ low: Int, _ high: Int) -> Int { low + rng.nextInt(below: high - low + 1) }
        func padded(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        /// Distinct values from `make`, redrawn on a repeat (record numbers are unique).
        func unique(_ make: () -> String) -> [String] {
            var seen = Set<String>(), out: [String] = []
            while out.count < rows {
                let value = make()
                if seen.insert(value).inserted { out.append(value) }
            }
            return out
        }
        func column(_ make: () -> String) -> [String] { (0..<rows).map { _ in make() } }
        func fullName() -> String { "\(pick(firstNames)) \(pick(lastNames))" }
        func email() -> String {
            let local = [
                "\(pick(firstNames).lowercased()).\(pick(lastNames).lowercased())",
                "\(pick(firstNames).lowercased())\(int(1, 999))",
                "\(pick(firstNames).prefix(1).lowercased())\(pick(lastNames).lowercased())",
            ]
            return "\(pick(local))@\(pick(domains))".replacingOccurrences(of: "'", with: "")
        }
        func ssn() -> String { "\(padded(int(1, 899), 3))-\(padded(int(1, 99), 2))-\(padded(int(1, 9999), 4))" }
        func address() -> String { "\(int(1, 9999)) \(pick(streetNames)) \(pick(streetSuffixes))" }
        func isoDate(_ fromYear: Int, _ toYear: Int) -> String {
            "\(int(fromYear, toYear))-\(padded(int(1, 12), 2))-\(padded(int(1, 28), 2))"
        }
        let ndcCodes = (0..<30).map { _ in "\(padded(int(1, 9999), 4))-\(digits(4))-\(digits(2))" }
        // Zip codes of a region with leading zeros (Massachusetts, New Jersey) and others.
        let zipPool = (0..<180).map { _ in padded(pick([int(1001, 2791), int(7001, 8989), int(10001, 99950)]), 5) }

        return [
            // Direct identifiers under telling names.
            LabelledColumn(name: "patient_name", named: true, identifier: true, values: column(fullName)),
            LabelledColumn(name: "mrn", named: true, identifier: true, values: unique { "MRN" + padded(int(1, 90_000), 7) }),
            LabelledColumn(name: "phone", named: true, identifier: true,
                           values: column { "(\(int(201, 989))) \(digits(3))-\(digits(4))" }),
            LabelledColumn(name: "email", named: true, identifier: true, values: column(email)),
            LabelledColumn(name: "ssn", named: true, identifier: true, values: unique(ssn)),
            LabelledColumn(name: "street_address", named: true, identifier: true, values: column(address)),
            LabelledColumn(name: "zip", named: true, identifier: true, values: column { pick(zipPool) }),
            LabelledColumn(name: "date_of_birth", named: true, identifier: true, values: column { isoDate(1930, 2005) }),
            LabelledColumn(name: "patient_id", named: true, identifier: true, values: unique { "A-" + padded(int(1, 999_999), 6) }),

            // The same kinds under names that say nothing: found by content alone.
            LabelledColumn(name: "c1", named: false, identifier: true, values: column(fullName)),
            LabelledColumn(name: "field_7", named: false, identifier: true, values: unique { "A-" + padded(int(1, 999_999), 6) }),
            LabelledColumn(name: "x", named: false, identifier: true,
                           values: column { "\(int(201, 989))-\(digits(3))-\(digits(4))" }),
            LabelledColumn(name: "c4", named: false, identifier: true,
                           values: column { "+1 \(int(201, 989)) \(digits(3)) \(digits(4))" }),
            LabelledColumn(name: "v9", named: false, identifier: true,
                           values: column { "\(int(201, 989)).\(digits(3)).\(digits(4))" }),
            LabelledColumn(name: "field_2", named: false, identifier: true, values: column(email)),
            LabelledColumn(name: "v3", named: false, identifier: true, values: unique(ssn)),
            LabelledColumn(name: "c5", named: false, identifier: true, values: column(address)),
            LabelledColumn(name: "field_9", named: false, identifier: true, values: column { pick(zipPool) }),
            LabelledColumn(name: "c8", named: false, identifier: true,
                           values: column { "\(int(1, 12))/\(int(1, 28))/\(int(1930, 2005))" }),
            LabelledColumn(name: "x2", named: false, identifier: true, values: column { isoDate(1925, 2010) }),
            LabelledColumn(name: "c9", named: false, identifier: true, values: unique { String(int(1_000_000, 9_999_999)) }),
            LabelledColumn(name: "ref", named: false, identifier: true, values: unique { "MRN" + padded(int(1, 90_000), 7) }),
            LabelledColumn(name: "c14", named: false, identifier: true,
                           values: column { "\(pick(lastNames).uppercased()), \(pick(firstNames).uppercased())" }),
            // Record numbers of patients seen one to four times (a visits table).
            LabelledColumn(name: "c15", named: false, identifier: true, values: {
                var out: [String] = []
                while out.count < rows {
                    let mrn = "MRN" + padded(int(1, 90_000), 7)
                    out += Array(repeating: mrn, count: min(int(1, 4), rows - out.count))
                }
                return out
            }()),
            LabelledColumn(name: "x4", named: false, identifier: true,
                           values: column { int(1, 10) == 1 ? "" : "(\(int(201, 989))) \(digits(3))-\(digits(4))" }),
            LabelledColumn(name: "c16", named: false, identifier: true, values: column { pick(zipPool) + "-" + digits(4) }),
            LabelledColumn(name: "c17", named: false, identifier: true,
                           values: column { "\(padded(int(1, 28), 2)).\(padded(int(1, 12), 2)).\(int(1930, 2005))" }),

            // Ordinary clinical columns that look like identifiers in one way or another.
            LabelledColumn(name: "icd9", named: true, identifier: false, values: column { pick(icdCodes) }),
            LabelledColumn(name: "c10", named: false, identifier: false, values: column { pick(icdCodes) }),
            LabelledColumn(name: "glucose", named: true, identifier: false,
                           values: column { String(Double(int(40, 400)) / 10) }),
            LabelledColumn(name: "v2", named: false, identifier: false,
                           values: column { String(Double(int(40, 250)) / 100) }),
            LabelledColumn(name: "sex", named: true, identifier: false, values: column { pick(["F", "M"]) }),
            LabelledColumn(name: "race", named: true, identifier: false,
                           values: column { pick(["White", "Black", "Asian", "Hispanic", "Other"]) }),
            LabelledColumn(name: "admit_date", named: true, identifier: false, values: column { isoDate(2021, 2022) }),
            LabelledColumn(name: "c12", named: false, identifier: false,
                           values: column { "\(int(1, 12))/\(int(1, 28))/\(int(2020, 2021))" }),
            LabelledColumn(name: "age", named: true, identifier: false, values: column { String(int(18, 95)) }),
            LabelledColumn(name: "notes", named: true, identifier: false, values: column { pick(notes) }),
            LabelledColumn(name: "c11", named: false, identifier: false,
                           values: column { pick(["12345", "23456", "34567", "45678", "56789", "67890", "01234"]) }),
            LabelledColumn(name: "lab_code", named: true, identifier: false,
                           values: column { pick(["80053", "85025", "83036", "80061", "84443"]) }),
            LabelledColumn(name: "smoker", named: true, identifier: false, values: column { pick(["Yes", "No"]) }),
            LabelledColumn(name: "x3", named: false, identifier: false, values: column { pick(["Y", "N"]) }),
            LabelledColumn(name: "state", named: true, identifier: false, values: column { pick(states) }),
            LabelledColumn(name: "length_of_stay", named: true, identifier: false, values: column { String(int(1, 30)) }),
            LabelledColumn(name: "weight_kg", named: true, identifier: false,
                           values: column { String(Double(int(400, 1500)) / 10) }),
            LabelledColumn(name: "c13", named: false, identifier: false, values: column { pick(medications) }),
            LabelledColumn(name: "ward", named: true, identifier: false, values: column { pick(wards) }),
            LabelledColumn(name: "bp", named: true, identifier: false, values: column { "\(int(90, 180))/\(int(50, 110))" }),
            LabelledColumn(name: "zip3", named: true, identifier: false, values: column { pick(["021", "100", "606", "941"]) }),
            LabelledColumn(name: "field_4", named: false, identifier: false, values: column { String(int(1, 5)) }),
            LabelledColumn(name: "c18", named: false, identifier: false,
                           values: column { ndcCodes[rng.nextInt(below: ndcCodes.count)] }),
            LabelledColumn(name: "c19", named: false, identifier: false, values: column { pick(notes).uppercased() }),
            LabelledColumn(name: "dx_desc", named: true, identifier: false, values: column { pick(descriptions) }),
            LabelledColumn(name: "total_charge", named: true, identifier: false,
                           values: column { String(Double(int(100_000, 9_999_999)) / 100) }),
        ]
    }

    /// The fixture as CSV text (values quoted where they hold commas or quotes).
    static func csv(_ columns: [LabelledColumn]) -> String {
        func quoted(_ value: String) -> String {
            value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        var lines = [columns.map(\.name).joined(separator: ",")]
        for row in 0..<rows { lines.append(columns.map { quoted($0.values[row]) }.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }
}

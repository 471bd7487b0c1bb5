// Tests of the Safe Harbor identifier detector: a labelled fixture and the shared real data sets.

import SynthCore
import Testing
@testable import SynthData

/// A 30-row table with realistic direct identifiers (some under uninformative names) and
/// ordinary clinical columns that must not be flagged.
enum LabelledFixture {
    static let rows = 30
    static let first = ["Maria", "John", "Aisha", "Wei", "Olga", "Pedro", "Fatima", "Liam", "Noor", "Kenji"]
    static let last = ["Lopez", "Smith", "Khan", "Chen", "Ivanova", "Silva", "Haddad", "Murphy", "Ali", "Tanaka",
                       "Garcia", "Brown", "Novak"]
    static let streets = ["Oak St", "Maple Avenue", "Elm Rd", "Sunset Blvd", "Cedar Lane", "Hill Dr"]

    static let identifiers: [String: String] = [
        "patient_name": "person names", "contact": "person names",
        "mrn": "record numbers (name)", "ref": "record numbers (every value distinct)",
        "v17": "record numbers (every value distinct)",
        "phone": "phone numbers", "alt": "phone numbers",
        "email": "e-mail addresses", "reach": "e-mail addresses",
        "ssn": "social security numbers", "nid": "social security numbers",
        "home": "street addresses",
        "zip": "5-digit zip codes", "area": "5-digit zip codes", "zip_code": "5-digit zip codes",
        "birth_date": "full dates of birth",
    ]

    static func csv() -> String {
        var header = ["patient_name", "contact", "mrn", "ref", "v17", "phone", "alt", "email", "reach", "ssn", "nid",
                      "home", "zip", "area", "zip_code", "birth_date",
                      "age", "sex", "diagnosis", "glucose", "admit_date", "hospital_id", "length_of_stay", "age_at_visit", "ward",
                      "smoker", "education", "zip3"]
        header = header.map { $0 }
        var lines = [header.joined(separator: ",")]
        for i in 0..<rows {
            let name = "\(first[i % 10]) \(last[i % 13])"
            let phone = "(\(200 + i)) 555-\(String(1000 + i * 37))"
            let fields: [String] = [
                name,
                "\(first[(i + 3) % 10]) \(last[(i + 5) % 13])",
                "MRN-\(String(400_000 + i * 17))",
                "K\(i * 7 + 3)Z\(i % 9)",
                String(100 + i),
                phone,
                "+1 617 555 \(String(2000 + i))",
                "\(first[i % 10].lowercased()).\(i)@example.org",
                "user\(i)@mail.example.com",
                "\(String(100 + i))-\(String(10 + i))-\(String(1000 + i * 3))",
                "\(String(900 + i))-\(String(40 + i))-\(String(2000 + i))",
                "\"\(10 + i * 3) \(streets[i % 6]), Apt \(i)\"",
                String(format5(2100 + i)),
                String(format5(i * 311 + 1001)),
                String(10_000 + i * 271),
                "19\(50 + i)-0\(1 + i % 9)-1\(i % 10)",
                String(30 + (i * 7) % 25),
                i % 2 == 0 ? "F" : "M",
                ["E11.9", "I10", "J45.909", "N18.3"][i % 4],
                ["5.4", "6.1", "7.8", "5.4", "9.2"][i % 5],
                "2021-0\(1 + i % 9)-1\(i % 10)",
                String(1 + i % 12),
                String(40 + i),
                ["H01", "H02", "H03"][i % 3],
                ["North Wing", "South Wing", "East Wing"][i % 3],
                i % 3 == 0 ? "Yes" : "No",
                ["High School", "Some College", "College Grad"][i % 3],
                String(["021", "100", "606"][i % 3]),
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format5(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 5 - s.count)) + s
    }
}

@Test func labelledFixtureFlagsExactlyTheIdentifiers() throws {
    // Setup
    let table = try Fixture.read(LabelledFixture.csv(), options: CSVOptions(detectIdentifiers: false))
    // Run
    let findings = IdentifierDetector.detect(table)
    // Assert
    let found = Dictionary(uniqueKeysWithValues: findings.map { ($0.column, $0.reason) })
    #expect(found == LabelledFixture.identifiers)
}

@Test func readerSetsIdentifierRoleAndKeepsKind() throws {
    // Setup
    let text = LabelledFixture.csv()
    // Run
    let table = try Fixture.read(text)
    // Assert
    let flagged = Set(table.columns.filter { $0.role == .identifier }.map(\.name))
    #expect(flagged == Set(LabelledFixture.identifiers.keys))
    #expect(table.column("birth_date")?.kind == .date)
    #expect(table.column("v17")?.kind == .integer)
    #expect(table.column("age")?.role == .attribute)
}

@Test func nameWordsSplitPunctuationAndCamelCase() {
    // Setup / Run / Assert
    #expect(IdentifierDetector.nameWords("patient_nbr") == ["patient", "nbr"])
    #expect(IdentifierDetector.nameWords("patientID") == ["patient", "id"])
    #expect(IdentifierDetector.nameWords("ID") == ["id"])
    #expect(IdentifierDetector.nameWords("DateOfBirth") == ["date", "of", "birth"])
}

@Test func lowDistinctIdNamedColumnsAreNotIdentifiers() throws {
    // Setup: like admission_type_id, a code list rather than a record number.
    let values = (0..<40).map { String(1 + $0 % 8) }
    // Run
    let table = try Fixture.read("admission_type_id\n" + values.joined(separator: "\n"))
    // Assert
    #expect(IdentifierDetector.detect(table).isEmpty)
}

/// Real data sets and the identifier columns each must yield (nothing more).
struct RealDataCase: Sendable, CustomTestStringConvertible {
    let file: String
    let missing: [String]
    let expected: [String]
    var testDescription: String { file }
}

@Test(arguments: [
    RealDataCase(file: "diabetes_130_us/diabetic_data.csv.gz", missing: ["?"], expected: ["encounter_id", "patient_nbr"]),
    RealDataCase(file: "heart_disease/heart_disease_cleveland.csv", missing: ["", "NA"], expected: []),
    RealDataCase(file: "adult/adult_train.csv", missing: ["", "NA", "?"], expected: []),
    RealDataCase(file: "pbc/pbc.csv", missing: ["", "NA"], expected: ["id"]),
    RealDataCase(file: "nhanes/nhanes_2009_2012_raw.csv", missing: ["", "NA"], expected: ["ID"]),
])
func realDataSetsFlagOnlyTheirIdentifiers(_ testCase: RealDataCase) throws {
    // Setup
    guard let path = Fixture.sharedData(testCase.file) else { return }
    // Run
    let table = try CSVReader.read(path: path, options: CSVOptions(missing: testCase.missing))
    // Assert
    #expect(table.columns.filter { $0.role == .identifier }.map(\.name) == testCase.expected)
}

@Test func diabetesShapeAndKinds() throws {
    // Setup
    guard let path = Fixture.sharedData("diabetes_130_us/diabetic_data.csv.gz") else { return }
    // Run
    let table = try CSVReader.read(path: path, options: CSVOptions(missing: ["?"]))
    // Assert
    #expect(table.name == "diabetic_data")
    #expect(table.rowCount == 101_766)
    #expect(table.columns.count == 50)
    #expect(table.column("encounter_id")?.kind == .integer)
    #expect(table.column("diag_1")?.kind == .categorical)
    #expect(table.column("weight")?.missingCount ?? 0 > 90_000)
}

@Test func valuePatternsAcceptIdentifierShapesAndRejectLookalikes() {
    // Setup / Run / Assert
    #expect(ValuePatterns.isPhone("(555) 123-4567") && ValuePatterns.isPhone("+44 20 7946 0958"))
    #expect(!ValuePatterns.isPhone("10000032-22"))       // MIMIC poe_id
    #expect(!ValuePatterns.isPhone("5551234567"))        // a bare 10-digit code
    #expect(!ValuePatterns.isPhone("2021-03-04"))
    #expect(ValuePatterns.isSSN("123-45-6789") && !ValuePatterns.isSSN("123-456-789"))
    #expect(ValuePatterns.isEmail("a.b@example.org") && !ValuePatterns.isEmail("a@b") && !ValuePatterns.isEmail("x y@z.com"))
    #expect(ValuePatterns.isZip("02134") && ValuePatterns.isZip("02134-1234") && !ValuePatterns.isZip("2134"))
    #expect(ValuePatterns.isStreetAddress("12 Oak St") && ValuePatterns.isStreetAddress("4410 W. Elm Avenue, Apt 3"))
    #expect(!ValuePatterns.isStreetAddress("3 times daily") && !ValuePatterns.isStreetAddress("12 mg"))
    #expect(ValuePatterns.isPersonName("Maria Lopez") && ValuePatterns.isPersonName("John Q. Public"))
    #expect(ValuePatterns.isPersonName("High School"))  // shape matches; distinctness decides
    #expect(!ValuePatterns.isPersonName("maria lopez") && !ValuePatterns.isPersonName("E11.9"))
}

@Test func patientIdsRepeatedInLongTablesAreStillFlagged() throws {
    // Setup: 60 patients, 5 events each (distinct share 0.2).
    let values = (0..<300).map { String(10_000_000 + $0 % 60) }
    // Run
    let table = try Fixture.read("subject_id\n" + values.joined(separator: "\n"))
    // Assert
    #expect(IdentifierDetector.detect(table) == [IdentifierFinding(column: "subject_id", reason: "record numbers (name)")])
}

@Test func fiveDigitProcedureCodesAreNotZipCodes() throws {
    // Setup
    let values = (0..<30).map { String(format: "%05d", 10_021 + $0 * 13) }
    // Run
    let table = try Fixture.read("cpt_code,dx\n" + values.map { "\($0),E11" }.joined(separator: "\n"))
    // Assert
    #expect(IdentifierDetector.reason(for: table.columns[0]) != "5-digit zip codes")
}

@Test func educationLikeTwoWordLevelsAreNotPersonNames() throws {
    // Setup: two capitalised words, but few distinct values.
    let values = (0..<40).map { ["High School", "Some College", "College Grad"][$0 % 3] }
    // Run
    let table = try Fixture.read("education\n" + values.joined(separator: "\n"))
    // Assert
    #expect(IdentifierDetector.detect(table).isEmpty)
}

@Test func birthDatesInOtherLayoutsAreFlaggedButBirthYearsAreNot() throws {
    // Setup
    let text = "dob,birth_year,birthplace\n1/5/1950,1950,Boston\n12/25/1961,1961,Lima\n3/9/1977,1977,Oslo\n"
    // Run
    let findings = IdentifierDetector.detect(try Fixture.read(text))
    // Assert
    #expect(findings == [IdentifierFinding(column: "dob", reason: "full dates of birth")])
}

@Test func fullDatesOverDecadesAreFlaggedWhateverTheirName() throws {
    // Setup: an unnamed column of birth dates next to admission dates of one year.
    var rng = SeededRNG(seed: 4)
    var text = "c7,admit\n"
    for _ in 0..<60 {
        let birth = "\(1930 + rng.nextInt(below: 80))-0\(1 + rng.nextInt(below: 9))-1\(rng.nextInt(below: 9))"
        text += "\(birth),2020-0\(1 + rng.nextInt(below: 9))-2\(rng.nextInt(below: 9))\n"
    }
    // Run
    let table = try Fixture.read(text)
    // Assert
    #expect(table.columns[0].role == .identifier)
    #expect(table.columns[1].role == .attribute)
}

// Precision and recall of identifier detection on the seeded, labelled identifier fixture.

import Testing
@testable import SynthData

/// Detection scored against the fixture's labels.
struct DetectionScore {
    var truePositives: [String] = []
    var falsePositives: [String] = []
    var falseNegatives: [String] = []

    var precision: Double {
        let flagged = truePositives.count + falsePositives.count
        return flagged == 0 ? 1 : Double(truePositives.count) / Double(flagged)
    }

    var recall: Double {
        let positives = truePositives.count + falseNegatives.count
        return positives == 0 ? 1 : Double(truePositives.count) / Double(positives)
    }

    init(columns: [LabelledColumn], flagged: Set<String>) {
        for column in columns {
            switch (column.identifier, flagged.contains(column.name)) {
            case (true, true): truePositives.append(column.name)
            case (false, true): falsePositives.append(column.name)
            case (true, false): falseNegatives.append(column.name)
            case (false, false): break
            }
        }
    }
}

/// The fixture read as `load` reads a file, then run through the detector `describe` reports.
private func scoredFixture() throws -> (columns: [LabelledColumn], findings: [IdentifierFinding]) {
    let columns = IdentifierFixture.columns()
    let table = try Fixture.read(IdentifierFixture.csv(columns), options: CSVOptions(detectIdentifiers: false))
    return (columns, IdentifierDetector.detect(table))
}

@Test func identifierFixtureHasEveryKindNamedAndUnnamed() {
    // Setup / Run
    let columns = IdentifierFixture.columns()
    // Assert
    #expect(columns.count >= 30)
    #expect(columns.allSatisfy { $0.values.count == IdentifierFixture.rows })
    #expect(columns.filter { $0.identifier && $0.named }.count >= 8)
    #expect(columns.filter { $0.identifier && !$0.named }.count >= 8)
    #expect(columns.filter { !$0.identifier }.count >= 15)
}

@Test func identifierDetectionIsPreciseOnTheLabelledFixture() throws {
    // Setup
    let (columns, findings) = try scoredFixture()
    // Run
    let score = DetectionScore(columns: columns, flagged: Set(findings.map(\.column)))
    // Assert
    #expect(score.precision == 1.0, "flagged but not identifiers: \(score.falsePositives)")
}

@Test func identifierDetectionRecallOnTheLabelledFixture() throws {
    // Setup
    let (columns, findings) = try scoredFixture()
    let flagged = Set(findings.map(\.column))
    // Run
    let overall = DetectionScore(columns: columns, flagged: flagged)
    let named = DetectionScore(columns: columns.filter(\.named), flagged: flagged)
    let unnamed = DetectionScore(columns: columns.filter { !$0.named }, flagged: flagged)
    // Assert
    #expect(overall.recall >= 0.9, "missed: \(overall.falseNegatives)")
    #expect(named.recall == 1.0, "missed named columns: \(named.falseNegatives)")
    #expect(unnamed.recall >= 0.9, "missed unnamed columns: \(unnamed.falseNegatives)")
}

private let decades = "full dates over decades, such as birth dates (Safe Harbor keeps only the year)"

/// The kind each fixture identifier must be reported as (the reason text users see).
@Test(arguments: [
    ("patient_name", "person names"), ("c1", "person names"),
    ("mrn", "record numbers (name)"), ("patient_id", "record numbers (name)"),
    ("field_7", "record numbers (every value distinct)"), ("ref", "record numbers (every value distinct)"),
    ("c9", "record numbers (every value distinct)"),
    ("phone", "phone numbers"), ("x", "phone numbers"), ("c4", "phone numbers"), ("v9", "phone numbers"),
    ("email", "e-mail addresses"), ("field_2", "e-mail addresses"),
    ("ssn", "social security numbers"), ("v3", "social security numbers"),
    ("street_address", "street addresses"), ("c5", "street addresses"),
    ("zip", "5-digit zip codes"), ("field_9", "5-digit zip codes"),
    ("date_of_birth", "full dates of birth"),
    ("c14", "person names"), ("c15", "record numbers (letters and six or more digits)"), ("x4", "phone numbers"),
    ("c16", "5-digit zip codes"),
    ("c8", decades), ("x2", decades), ("c17", decades),
])
func fixtureIdentifiersAreReportedAsTheirKind(_ column: String, _ reason: String) throws {
    // Setup
    let (_, findings) = try scoredFixture()
    // Run
    let found = findings.first { $0.column == column }?.reason
    // Assert
    #expect(found == reason)
}

@Test func newValuePatternsAcceptIdentifiersAndRejectClinicalCodes() {
    // Setup / Run / Assert
    #expect(ValuePatterns.isPersonName("GONZALEZ, MARIA") && ValuePatterns.isPersonName("Lopez, Maria Q."))
    #expect(!ValuePatterns.isPersonName("Diabetes, Type 2") && !ValuePatterns.isPersonName("GONZALEZ,MARIA"))
    #expect(!ValuePatterns.isPhone("0002-3227-30") && ValuePatterns.isPhone("01 23 45 67 89"))
    #expect(ValuePatterns.dateYear("14.03.1956") == 1956 && ValuePatterns.dateYear("1956-3-14") == 1956)
    #expect(ValuePatterns.dateYear("0002-3227-30") == nil && ValuePatterns.dateYear("7120-34-21") == nil)
    #expect(ValuePatterns.isRecordCode("MRN0012345") && ValuePatterns.isRecordCode("A-004411"))
    #expect(!ValuePatterns.isRecordCode("E11.9") && !ValuePatterns.isRecordCode("J1234") && !ValuePatterns.isRecordCode("1234567"))
}

@Test func shortListsOfFiveDigitCodesAreNotZipCodes() throws {
    // Setup: seven lab codes, one with a leading zero, over 200 rows.
    let codes = ["12345", "23456", "34567", "45678", "56789", "67890", "01234"]
    let values = (0..<200).map { codes[$0 % codes.count] }
    // Run
    let table = try Fixture.read("c11\n" + values.joined(separator: "\n"))
    // Assert
    #expect(IdentifierDetector.detect(table).isEmpty)
}

// HTMLTextTests: entity escaping, label shortening and day-number dates used by the HTML report.

import Testing
@testable import SynthReport

@Suite struct HTMLTextTests {
    @Test func escapesEveryMarkupCharacter() {
        // Run / Assert
        #expect(HTMLText.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLText.escape("naïve 日本 ✓") == "naïve 日本 ✓")
        #expect(HTMLText.escape("a\u{0}b\tc") == "a\u{FFFD}b\tc")
    }

    @Test(arguments: [
        (days: 0.0, text: "1970-01-01"),
        (days: -1.0, text: "1969-12-31"),
        (days: 19_723.0, text: "2024-01-01"),
        (days: 11_016.0, text: "2000-02-29"),
        (days: -719_468.0, text: "0000-03-01"),
    ])
    func datesFromDayNumbers(_ example: (days: Double, text: String)) {
        #expect(HTMLText.date(days: example.days) == example.text)
    }

    @Test func shortensLabels() {
        #expect(HTMLText.shortened("diagnosis", 16) == "diagnosis")
        #expect(HTMLText.shortened("a_very_long_category", 8) == "a_very_…")
        #expect(HTMLText.middleShortened("lab_measurement_12", 9) == "lab_…t_12")
        #expect(HTMLText.middleShortened("short", 9) == "short")
    }

    @Test func gradesScores() {
        #expect(HTMLText.grade(0.95) == "good")
        #expect(HTMLText.grade(0.8) == "fair")
        #expect(HTMLText.grade(0.5) == "weak")
        #expect(HTMLText.grade(.nan) == "none")
        #expect(HTMLText.score(.nan) == "–")
    }
}

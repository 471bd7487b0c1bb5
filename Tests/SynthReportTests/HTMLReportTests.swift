// HTMLReportTests: the HTML report is well formed, complete, escaped, offline and deterministic.

import Foundation
import SynthData
import SynthEval
import Testing
@testable import SynthReport

/// A small real / synthetic pair with every column kind the report draws, a hostile column name,
/// and utility and privacy sections filled in by hand.
enum HTMLFixture {
    static let hostile = "<script>alert('x')</script>"

    /// Deterministic pseudo-random numbers in [0, 1) (a 64-bit LCG), so the fixture needs no RNG.
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func table(_ name: String, rows: Int, seed: UInt64, shift: Double) -> Table {
        var rng = LCG(state: seed)
        var age: [Double?] = [], bmi: [Double?] = [], stay: [Double?] = [], seen: [Double?] = []
        var diagnosis: [String?] = [], smoker: [Double?] = [], odd: [String?] = []
        let codes = ["E11.9", "I10", "J45", "K21.0", "M54.5", "F32.9", "N39.0", "R51", "Z00.0", "E78.5",
                     "I25.1", "J44.9", "K59.0", "L40.0", "G43.9"]
        for _ in 0..<rows {
            let a = 20 + 60 * rng.next()
            age.append(rng.next() < 0.03 ? nil : (a + shift).rounded())
            bmi.append(18 + 0.15 * a + 6 * rng.next() + shift / 4)
            stay.append((1 + 10 * rng.next() * rng.next()).rounded())
            seen.append(17_000 + 2_000 * rng.next())
            let k = Int(Double(codes.count) * rng.next() * rng.next())
            diagnosis.append(rng.next() < 0.02 ? nil : codes[min(codes.count - 1, k + (shift > 0 && k == 3 ? 1 : 0))])
            smoker.append(rng.next() < 0.3 + shift / 50 ? 1 : 0)
            odd.append(rng.next() < 0.5 ? "a&b" : "\"quoted\"")
        }
        var smokerColumn = Column.numeric("smoker", smoker, kind: .boolean)
        smokerColumn.levels = ["No", "Yes"]
        return Table(name: name, columns: [
            Column.coded("id", (0..<rows).map { "P\($0)" }, kind: .identifier),
            Column.numeric("age", age, kind: .integer),
            Column.numeric("bmi", bmi),
            Column.numeric("length_of_stay", stay, kind: .integer),
            Column.numeric("first_seen", seen, kind: .date),
            Column.coded("diagnosis", diagnosis),
            smokerColumn,
            Column.coded(hostile, odd),
        ])
    }

    static let real = table("patients", rows: 400, seed: 7, shift: 0)
    static let synthetic = table("patients_synth", rows: 300, seed: 11, shift: 3)

    static func report() throws -> ComparisonReport {
        var report = try ComparisonReport.make(real: real, synthetic: synthetic, method: "copula, not differentially private")
        report.coverage = Coverage.evaluate(real: real, synthetic: synthetic)
        report.utility = UtilityReport(
            propensity: [PropensityScore(model: "logistic", pMSE: 0.0031, expectedPMSE: 0.0024, sPMSE: 1.29),
                         PropensityScore(model: "cart", pMSE: 0.0122, expectedPMSE: 0.0080, sPMSE: 1.52)],
            tstr: TSTRResult(target: "smoker", task: "binary", model: "logistic regression", holdoutRows: 120,
                             trainingRows: 400, syntheticRows: 100_000, subsampled: true, tableRows: [400, 250_000, 120],
                             metrics: [TSTRMetric(name: "auc", trainOnReal: 0.712, trainOnSynthetic: 0.684)]))
        report.privacy = PrivacyReport(
            distance: DistanceReport(dcrShare: 0.53, nndrSynthetic: 0.81, nndrHoldout: 0.84, syntheticRows: 300, referenceRows: 120),
            attacks: [AttackRisk(name: "singling_out_univariate", attacks: 500, mainSuccess: 0.05, controlSuccess: 0.04,
                                 risk: 0.01, riskLow: 0, riskHigh: 0.04),
                      AttackRisk(name: "linkability", attacks: 500, mainSuccess: 0.11, controlSuccess: 0.08,
                                 risk: 0.033, riskLow: 0.0, riskHigh: 0.07),
                      AttackRisk(name: "inference:\(hostile)", attacks: 500, mainSuccess: 0.42, controlSuccess: 0.39,
                                 risk: 0.049, riskLow: 0.01, riskHigh: 0.09)])
        return report
    }

    static let provenance = Provenance(
        inputs: [.init(path: "data/patients.csv", sha256: SHA256.hex(Array("abc".utf8)))],
        script: "t = load \"data/patients.csv\"\nm = fit t model=copula seed=42\ns = sample m n=300\ncompare t s report=\"out/report.html\"",
        seed: 42, version: "0.9.0")

    /// 45 numeric columns with long names and a shared factor, past the heatmap cap.
    static func wide() throws -> String {
        var rng = LCG(state: 3)
        let rows = 60
        let factor = (0..<rows).map { _ in rng.next() }
        let columns = (0..<45).map { k in
            Column.numeric("lab_measurement_\(k)", (0..<rows).map { i in factor[i] * Double(k % 3 - 1) + rng.next() })
        }
        let real = Table(name: "wide", columns: columns)
        let synthetic = Table(name: "wide_synth", columns: columns.map { c in
            Column.numeric(c.name, c.numbers.map { $0 + 0.3 * rng.next() })
        })
        let report = try ComparisonReport.make(real: real, synthetic: synthetic, method: nil)
        return HTMLReport.render(report, real: real, synthetic: synthetic, provenance: Provenance(inputs: [], seed: 1, version: "test"))
    }

    static func html() throws -> String {
        HTMLReport.render(try report(), real: real, synthetic: synthetic, provenance: provenance)
    }
}

@Suite struct HTMLReportTests {
    @Test func containsEverySectionTitle() throws {
        // Run
        let html = try HTMLFixture.html()
        // Assert
        for title in ["Summary", "Column distributions", "Correlations", "Column shapes", "Weakest pairs",
                      "Coverage", "Utility", "Privacy", "Provenance"] {
            #expect(html.contains("<h2>\(title)</h2>"), "missing section \(title)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // A subsampled utility model says so.
        #expect(html.contains("tested on 120 holdout rows. Learners use a seeded sample of 100000 rows of each table larger than that (250000 synthetic rows).</p>"))
    }

    @Test func keyTagsAreBalanced() throws {
        // Run
        let html = try HTMLFixture.html()
        // Assert: every opening tag of these names has its closing tag, and none closes early.
        for tag in ["html", "head", "body", "main", "section", "table", "thead", "tbody", "tr", "td", "th",
                    "svg", "text", "title", "div", "figure", "dl", "ul", "li", "pre", "h1", "h2", "h3", "p", "style"] {
            var depth = 0
            var scanner = html[...]
            while let open = scanner.firstIndex(of: "<") {
                scanner = scanner[scanner.index(after: open)...]
                let closing = scanner.hasPrefix("/")
                let nameStart = closing ? scanner.index(after: scanner.startIndex) : scanner.startIndex
                let name = scanner[nameStart...].prefix { $0.isLetter || $0.isNumber }
                guard name == tag else { continue }
                depth += closing ? -1 : 1
                #expect(depth >= 0, "</\(tag)> before its opening tag")
            }
            #expect(depth == 0, "<\(tag)> unbalanced by \(depth)")
        }
    }

    @Test func escapesNamesFromData() throws {
        // Run
        let html = try HTMLFixture.html()
        // Assert: the hostile column name and values never appear raw.
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("a&amp;b"))
        #expect(html.contains("&quot;quoted&quot;"))
    }

    @Test func noNetworkAndNoScript() throws {
        // Run
        let html = try HTMLFixture.html().lowercased()
        // Assert
        #expect(!html.contains("http:"))
        #expect(!html.contains("https:"))
        #expect(!html.contains("//fonts"))
        #expect(!html.contains("javascript"))
        #expect(!html.contains("onload="))
    }

    @Test func deterministic() throws {
        // Run twice with the same inputs.
        let first = try HTMLFixture.html()
        let second = try HTMLFixture.html()
        // Assert
        #expect(first == second)
    }

    @Test func showsProvenanceAndChartsForEachDrawableColumn() throws {
        // Run
        let html = try HTMLFixture.html()
        // Assert: input hash, seed, version, the script (escaped quotes), one chart per non-identifier column.
        #expect(html.contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(html.contains("<code>42</code>"))
        #expect(html.contains("0.9.0"))
        #expect(html.contains("t = load &quot;data/patients.csv&quot;"))
        #expect(html.components(separatedBy: "<div class=\"card\">").count - 1 == 7)
        #expect(html.contains("top 12 of"))
    }

    @Test func capsHeatmapsAtFortyColumns() throws {
        // Setup: 45 numeric columns.
        var rng = HTMLFixture.LCG(state: 3)
        let columns = (0..<45).map { k in Column.numeric("x\(k)", (0..<30).map { _ in rng.next() }) }
        let real = Table(name: "r", columns: columns)
        let report = try ComparisonReport.make(real: real, synthetic: real, method: nil)
        // Run
        let html = HTMLReport.render(report, real: real, synthetic: real,
                                     provenance: Provenance(inputs: [], seed: 1, version: "test"))
        // Assert
        #expect(html.contains("Showing the first 40 of 45 numeric columns."))
        #expect(html.contains("Not computed."))
    }

    @Test(arguments: [
        (id: "low", exact: 0, unique: 0, dcr: 0.51, risk: 0.01, grade: "good"),
        (id: "shared copies", exact: 10, unique: 0, dcr: 0.51, risk: 0.01, grade: "good"),
        (id: "unique copies", exact: 10, unique: 4, dcr: 0.51, risk: 0.01, grade: "weak"),
        (id: "dcr", exact: 0, unique: 0, dcr: 0.58, risk: 0.01, grade: "fair"),
        (id: "attack", exact: 0, unique: 0, dcr: 0.5, risk: 0.3, grade: "weak"),
    ])
    func privacyVerdict(_ example: (id: String, exact: Int, unique: Int, dcr: Double, risk: Double, grade: String)) throws {
        // Setup: copies of rows other real rows share single out no one; copies of unique rows do.
        var report = try HTMLFixture.report()
        report.exactMatches = example.exact
        report.uniqueMatches = example.unique
        report.privacy = PrivacyReport(
            distance: DistanceReport(dcrShare: example.dcr, nndrSynthetic: 0.8, nndrHoldout: 0.8, syntheticRows: 300, referenceRows: 100),
            attacks: [AttackRisk(name: "linkability", attacks: 100, mainSuccess: 0.2, controlSuccess: 0.1, risk: example.risk,
                                 riskLow: 0, riskHigh: example.risk + 0.05)])
        // Run
        let verdict = HTMLReport.privacyVerdict(report)
        // Assert
        #expect(verdict.grade == example.grade, "\(example.id)")
    }

    /// Writes the fixture report to $SYNTH_HTML_PREVIEW for a look in a browser.
    @Test func writesPreviewWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["SYNTH_HTML_PREVIEW"] else { return }
        try HTMLFixture.html().write(toFile: path, atomically: true, encoding: .utf8)
        try HTMLFixture.wide().write(toFile: path + ".wide.html", atomically: true, encoding: .utf8)
    }
}

// Nothing is lost: exports never destroy inputs, private fits keep rows with a missing boolean,
// rows a fit leaves out are counted, privacy parameters and use chains are bounded, and dates
// of events are modelled.

import Foundation
import Testing
@testable import SynthRuntime

@Suite(.serialized) struct ExportSafetyTests {
    /// A folder holding a copy of the heart table, and a script prelude that loads it and
    /// samples from it.
    private func folderWithPatients() throws -> (directory: String, prelude: String, original: Data) {
        let directory = TestSupport.temporaryDirectory()
        let original = try #require(FileManager.default.contents(atPath: "examples/data/heart.csv"))
        try original.write(to: URL(fileURLWithPath: directory + "/patients.csv"))
        let prelude = """
            seed 1
            patients = load "\(directory)/patients.csv"
            m = fit patients method=copula
            fake = sample m rows=11

            """
        return (directory, prelude, original)
    }

    @Test func anExportOntoTheLoadedFileIsRefusedBeforeAnythingRuns() throws {
        // Setup
        let (directory, prelude, original) = try folderWithPatients()
        // Run: the same file, and the same file spelled another way.
        let same = TestSupport.run(prelude + "export fake to \"\(directory)/patients.csv\"\n")
        let spelled = TestSupport.run(prelude + "export fake to \"\(directory)/./sub/../patients.csv\"\n")
        // Assert: refused by the check (nothing ran, exit 65), located, and the file unchanged.
        for result in [same, spelled] {
            #expect(result.status == .scriptError)
            #expect(result.output.isEmpty)
            #expect(result.errors.contains("test.synth:5:16: error: refusing to write over "), "\(result.errors)")
            #expect(result.errors.contains("it is loaded at test.synth:2, and an export never destroys an input"))
        }
        #expect(FileManager.default.contents(atPath: directory + "/patients.csv") == original)
    }

    @Test func anExportOntoAnInputFoundOnlyWhenItRunsIsRefusedAndEarlierResultsStay() throws {
        // Setup: the path is computed, and a symbolic link leads to the input.
        let (directory, prelude, original) = try folderWithPatients()
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.csv", withDestinationPath: directory + "/patients.csv")
        // Run
        let run = TestSupport.runSession(prelude + "target = \"\(directory)/\" + \"link.csv\"\nexport fake to target\n")
        // Assert
        #expect(run.status == .scriptError)
        #expect(run.errors.contains("test.synth:6:16: error: refusing to write over \(directory)/link.csv: it is loaded at test.synth:2 (as \(directory)/patients.csv)"), "\(run.errors)")
        #expect(FileManager.default.contents(atPath: directory + "/patients.csv") == original)
        #expect(TestSupport.table("fake", in: run.session)?.rowCount == 11)
    }

    @Test func aLoadedModelAModuleAndTheScriptItselfAreNeverWrittenOver() throws {
        // Setup
        let (directory, prelude, _) = try folderWithPatients()
        let setup = TestSupport.run(prelude + "export m to \"\(directory)/m.json\"\n")
        #expect(setup.status == .ok, "\(setup.errors)")
        try "def twice(x)\n  return x * 2\nend\n".write(toFile: directory + "/helpers.synth", atomically: true, encoding: .utf8)
        let script = directory + "/study.synth"
        let modelBefore = FileManager.default.contents(atPath: directory + "/m.json")
        // Run
        let model = TestSupport.run(prelude + "saved = load model \"\(directory)/m.json\"\nexport saved to \"\(directory)/m.json\"\n")
        let module = TestSupport.run("use \"\(directory)/helpers.synth\"\n" + prelude + "export fake to \"\(directory)/helpers.synth\"\n")
        try (prelude + "export fake to \"\(script)\"\n").write(toFile: script, atomically: true, encoding: .utf8)
        let itself = try SynthBinary.run(["check", script])
        // Assert
        #expect(model.status == .scriptError)
        #expect(model.errors.contains("test.synth:6:17: error: refusing to write over \(directory)/m.json: it is loaded at test.synth:5"), "\(model.errors)")
        #expect(FileManager.default.contents(atPath: directory + "/m.json") == modelBefore)
        #expect(module.status == .scriptError)
        #expect(module.errors.contains("it is module '\(directory)/helpers.synth'"), "\(module.errors)")
        #expect(itself.status == 65)
        #expect(itself.stderr.contains("refusing to write over \(script): it is the script being run"), "\(itself.stderr)")
    }

    @Test func replacingAFileAndCreatingAFolderAreSaid() throws {
        let (directory, prelude, _) = try folderWithPatients()
        let result = TestSupport.run(prelude + """
            export fake to "\(directory)/out/a/fake.csv"
            export fake to "\(directory)/out/a/fake.csv"
            save "\(directory)/out/a/s.synth"
            save "\(directory)/out/a/s.synth"
            """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("wrote \(directory)/out/a/fake.csv (11 rows x 14 columns; created folder \(directory)/out/a/)\n"))
        #expect(result.output.contains("wrote \(directory)/out/a/fake.csv (11 rows x 14 columns; replaced the previous file)\n"))
        #expect(result.output.contains("to \(directory)/out/a/s.synth (replaced the previous file)\n"))
        let left = try FileManager.default.contentsOfDirectory(atPath: directory + "/out/a").sorted()
        #expect(left == ["fake.csv", "s.synth"], "no temporary file is left behind")
    }

    @Test(arguments: ["/dev/null", "fifo", "folder"])
    func onlyRegularFilesAreWritten(_ target: String) throws {
        // Setup
        let (directory, prelude, _) = try folderWithPatients()
        let path = target.hasPrefix("/") ? target : directory + "/" + target
        if target == "fifo" { #expect(mkfifo(path, 0o644) == 0) }
        if target == "folder" { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        // Run
        let result = TestSupport.run(prelude + "export fake to \"\(path)\"\n")
        // Assert: refused, located, and the node is still what it was.
        let kind = target == "/dev/null" ? "a character device" : target == "fifo" ? "a FIFO (named pipe)" : "a folder"
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("test.synth:5:16: error: cannot write '\(path)': it is \(kind); synth writes only regular files"),
                "\(result.errors)")
        var info = stat()
        #expect(stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG)
    }
}

@Suite(.serialized) struct RowLossTests {
    /// NHANES adults with every column declared but the three booleans (Diabetes, SmokeNow and
    /// PhysActive), which need no declaration; SmokeNow is missing for most adults.
    private let nhanes = """
        nhanes = load "examples/data/nhanes_adults.csv"
        domain nhanes.Sex ["female", "male"]
        domain nhanes.Age 20..80 bins=12
        domain nhanes.Race1 ["Black", "Hispanic", "Mexican", "White", "Other"]
        domain nhanes.Education ["8th Grade", "9 - 11th Grade", "High School", "Some College", "College Grad"] missing=true
        domain nhanes.MaritalStatus ["Married", "LivePartner", "NeverMarried", "Separated", "Divorced", "Widowed"] missing=true
        domain nhanes.BMI 12..70 bins=29 decimals=1 missing=true
        domain nhanes.BPSysAve 70..230 bins=16 missing=true
        domain nhanes.TotChol 1.5..12 bins=21 decimals=2 missing=true
        privacy epsilon=2

        """

    @Test func aPrivateFitKeepsRowsWithAMissingBoolean() throws {
        // Run
        let run = TestSupport.runSession(nhanes + "m = fit nhanes method=mst epsilon=1\nf = sample m rows=4000 seed=3\ndescribe m\n")
        // Assert: no row is left out, and the sample keeps the missing share of SmokeNow.
        #expect(run.status == .ok, "\(run.errors)")
        #expect(!run.errors.contains("left out"), "\(run.errors)")
        #expect(run.output.contains("  rows left out of the fit: none"))
        #expect(run.output.contains("SmokeNow"))
        let real = try #require(TestSupport.table("nhanes", in: run.session)?.column("SmokeNow"))
        let fake = try #require(TestSupport.table("f", in: run.session)?.column("SmokeNow"))
        let realShare = Double(real.missingCount) / Double(real.count)
        let fakeShare = Double(fake.missingCount) / Double(fake.count)
        #expect(realShare > 0.5)
        #expect(abs(fakeShare - realShare) < 0.05, "missing SmokeNow: real \(realShare), sample \(fakeShare)")
    }

    @Test func rowsAFitLeavesOutAreCountedPerColumn() throws {
        // Setup: Race1 declared without "Other" and without other= or missing=true.
        let source = nhanes.replacingOccurrences(of: "[\"Black\", \"Hispanic\", \"Mexican\", \"White\", \"Other\"]",
                                                 with: "[\"Black\", \"Hispanic\", \"Mexican\", \"White\"]")
        // Run
        let run = TestSupport.runSession(source + "m = fit nhanes method=mst epsilon=1\ndescribe m\n")
        // Assert: the count is the number of real rows whose Race1 is Other, named with the column.
        #expect(run.status == .ok, "\(run.errors)")
        let race = try #require(TestSupport.table("nhanes", in: run.session)?.column("Race1"))
        let other = try #require(race.levels.firstIndex(of: "Other"))
        let expected = race.codes.filter { $0 == Int32(other) }.count
        #expect(expected > 0)
        let summary = "\(expected) rows left out: Race1 has levels outside its declared domain"
        #expect(run.errors.contains("warning: \(summary) (declare the level"), "\(run.errors)")
        #expect(run.output.contains("  \(summary) (an exact count from the real data: shown here, not in the model file)"))
    }
}

@Suite struct BoundsTests {
    @Test(arguments: [
        ("privacy epsilon=1e-200\n", "test.synth:1:17: error: epsilon= must be between 1e-06 and 100, got 1e-200"),
        ("privacy epsilon=1000\n", "epsilon= must be between 1e-06 and 100, got 1000"),
        ("privacy epsilon=1 delta=0.5\n", "test.synth:1:25: error: delta= must be above 0 and at most 0.01, got 0.5"),
        ("e = 1e-9\nprivacy epsilon=e\n", "test.synth:2:17: error: epsilon must be between 1e-06 and 100, got 1e-09"),
    ])
    func privacyParametersOutsideASaneRangeAreRefused(_ source: String, _ message: String) {
        let result = TestSupport.run(source)
        #expect(result.status == .scriptError)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test func aTinySpendWrittenAsAVariableIsRefusedBeforeTheFit() {
        let result = TestSupport.run(TestSupport.heartWithDomains + "privacy epsilon=1\ne = 1e-9\nm = fit heart method=mst epsilon=e\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("test.synth:18:34: error: epsilon must be between 1e-06 and 100, got 1e-09"), "\(result.errors)")
    }

    @Test func aLongChainOfModulesIsAnErrorNotACrash() throws {
        // Setup: 4,300 modules, each using the next.
        let directory = TestSupport.temporaryDirectory()
        for i in 0..<4300 {
            let text = i < 4299 ? "use \"\(directory)/m\(i + 1).synth\"\n" : "x = 1\n"
            try text.write(toFile: "\(directory)/m\(i).synth", atomically: false, encoding: .utf8)
        }
        // Run
        let result = TestSupport.run("use \"\(directory)/m0.synth\"\nprint 1\n")
        // Assert
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("m49.synth:1:5: error: modules use modules more than 50 deep"), "\(result.errors)")
    }

    @Test func domainsAreHeldToWhatAModelFileCanHold() {
        let result = TestSupport.run("h = load \"examples/data/heart.csv\"\ndomain h.age 0..1e300 bins=4\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("a bound of 'age' must be at most"), "\(result.errors)")
        let levels = TestSupport.run("h = load \"examples/data/heart.csv\"\ndomain h.sex [\"0\", \"inf\"]\n")
        #expect(levels.errors.contains("its levels are numbers, got \"inf\""), "\(levels.errors)")
    }
}

@Suite struct EventDateTests {
    @Test func aDateOfDeathIsModelledAndSafeHarborCutsItToItsYear() throws {
        // Run
        let run = TestSupport.runSession("""
            seed 4
            use "safe_harbor"
            p = load "examples/data/mimic_patients.csv"
            m = fit p method=copula
            f = sample m rows=500
            q = safe_harbor_dates(p)

            """)
        // Assert: dod is a quasi-identifier that reaches the model, so mortality survives.
        #expect(run.status == .ok, "\(run.errors)")
        #expect(!run.output.contains("dod (full dates"), "\(run.output)")
        let real = try #require(TestSupport.table("p", in: run.session)?.column("dod"))
        #expect(real.role != .identifier)
        let fake = try #require(TestSupport.table("f", in: run.session)?.column("dod"))
        let died = Double(fake.count - fake.missingCount) / Double(fake.count)
        #expect(died > 0.15 && died < 0.5, "share with a date of death: \(died)")
        let cut = try #require(TestSupport.table("q", in: run.session)?.column("dod"))
        #expect(cut.format == "yyyy")
    }

    @Test func aDateOfBirthIsStillADirectIdentifier() throws {
        let directory = TestSupport.temporaryDirectory()
        var csv = "dob,visit_date\n"
        for i in 0..<40 { csv += "19\(30 + i)-0\(1 + i % 9)-1\(i % 10),2020-0\(1 + i % 9)-1\(i % 10)\n" }
        try csv.write(toFile: directory + "/b.csv", atomically: true, encoding: .utf8)
        let result = TestSupport.run("t = load \"\(directory)/b.csv\"\n")
        #expect(result.output.contains("dob (full dates of birth)"), "\(result.output)")
        #expect(!result.output.contains("visit_date ("))
    }
}

@Suite struct IdentifierCarryTests {
    @Test func aColumnDerivedFromAnIdentifierIsAnIdentifierAndNeverModelled() {
        let result = TestSupport.run("""
            p = load "examples/data/mimic_patients.csv"
            derive p.copy = p.subject_id + 1
            m = fit p method=copula
            """)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("p.copy = p.subject_id + 1: integer; an identifier, as it is computed from subject_id, and never modelled"))
        #expect(result.output.contains("not modelled: subject_id (identifier), copy (identifier)"))
    }

    @Test func aNumberLiteralTooLargeForADoubleIsAnError() {
        let result = TestSupport.run("x = 1e400\n")
        #expect(result.status == .scriptError)
        #expect(result.errors.contains("test.synth:1:5: error: number '1e400' is too large (beyond ±1.8e308)"), "\(result.errors)")
    }
}

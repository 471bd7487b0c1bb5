// load on hostile inputs, through the checker and the interpreter: overflowing and too-wide
// numbers, CR line ends, streams, `load model` whatever the file's name, files too big to hold.

import Foundation
import Testing
@testable import SynthData
@testable import SynthRuntime
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Files for the load tests, each in a fresh folder.
enum LoadInput {
    static func file(_ text: String, named name: String = "t.csv") -> String {
        let path = TestSupport.temporaryDirectory() + "/" + name
        let created = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        precondition(created, "cannot create \(path)")
        return path
    }

    /// A FIFO whose writer thread sends `text` once a reader opens it (and gives up after
    /// 20 s, so a test that never reads it does not hang).
    static func fifo(_ text: String) -> String {
        let path = TestSupport.temporaryDirectory() + "/stream.csv"
        precondition(mkfifo(path, 0o600) == 0, "mkfifo failed")
        // A reader that stops early must give the writer EPIPE, not a process-ending SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let bytes = Array(text.utf8)
        Thread {
            let deadline = Date().addingTimeInterval(20)
            var fd: Int32 = -1
            while fd < 0 && Date() < deadline {
                fd = open(path, O_WRONLY | O_NONBLOCK)
                if fd < 0 { usleep(2_000) }
            }
            guard fd >= 0 else { return }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
        }.start()
        return path
    }
}

struct LoadNumberTests {
    @Test func anOverflowingNumberIsALocatedDataErrorAndTextLoadsIt() {
        // Setup
        let path = LoadInput.file("a,b\n1,2\n1e309,3\n")
        // Run
        let refused = TestSupport.run("x = load \"\(path)\"\ndescribe x\n")
        let asText = TestSupport.run("x = load \"\(path)\" types=[\"a:text\"]\ndescribe x\n")
        // Assert
        #expect(refused.status == .scriptError)
        #expect(refused.errors.contains("\(path):3:1: error: column 'a': 1e309 is too large for a number"), "\(refused.errors)")
        #expect(refused.errors.contains("types=[\"a:text\"] (or categorical) loads the column as text"))
        #expect(refused.errors.contains("  1e309,3\n"))
        #expect(asText.status == .ok, "\(asText.errors)")
        #expect(asText.output.contains("1e309"))
    }

    @Test func integersBeyond2To53StayDistinct() throws {
        // Setup
        let path = LoadInput.file("id,v\n9007199254740993,1\n9007199254740992,2\n")
        // Run
        let loaded = TestSupport.runSession("x = load \"\(path)\"\n")
        let asInteger = TestSupport.run("x = load \"\(path)\" types=[\"id:integer\"]\n")
        // Assert
        let id = try #require(TestSupport.table("x", in: loaded.session)?.column("id"), "\(loaded.errors)")
        #expect(id.kind == .categorical)
        #expect(id.levels.sorted() == ["9007199254740992", "9007199254740993"])
        #expect(asInteger.status == .scriptError)
        #expect(asInteger.errors.contains("\(path):2:1: error: column 'id': 9007199254740993 is too wide for an integer column"),
                "\(asInteger.errors)")
    }
}

struct LoadLineEndTests {
    @Test func aCROnlyFileLoadsAndItsErrorsShowTheRightLine() {
        // Setup
        let good = LoadInput.file("a,b\r1,2\r3,4\r")
        let bad = LoadInput.file("a,b\r1,2\r3,x\"y\r")
        // Run
        let loaded = TestSupport.run("x = load \"\(good)\"\n")
        let refused = TestSupport.run("x = load \"\(bad)\"\n")
        // Assert
        #expect(loaded.output.contains("x: 2 rows x 2 columns"), "\(loaded.output)\(loaded.errors)")
        #expect(refused.errors.contains("\(bad):3:4: error: stray quote in unquoted field\n  3,x\"y\n"), "\(refused.errors)")
    }
}

struct LoadStreamTests {
    @Test func aFIFOLoadsWithTypesAndTheCheckerLeavesItAlone() throws {
        // Setup: the checker and types= would each read the header first, and empty the FIFO.
        let path = LoadInput.fifo("a,b\n1,x\n2,y\n")
        // Run
        let run = TestSupport.runSession("x = load \"\(path)\" types=[\"a:numeric\"]\n")
        // Assert
        let table = try #require(TestSupport.table("x", in: run.session), "\(run.errors)")
        #expect(table.rowCount == 2)
        #expect(table.column("a")?.kind == .numeric)
    }

    @Test func aMalformedStreamIsLocatedWithoutRereadingIt() {
        // Setup
        let path = LoadInput.fifo("a,b\n1,2\n3\n")
        // Run
        let run = TestSupport.run("x = load \"\(path)\"\n")
        // Assert
        #expect(run.status == .scriptError)
        #expect(run.errors.contains("\(path):3:1: error: expected 2 fields, found 1"), "\(run.errors)")
    }
}

struct LoadModelKeywordTests {
    /// A copula model of the heart table written to `name` in a fresh folder.
    static func model(named name: String) -> String {
        let path = TestSupport.temporaryDirectory() + "/" + name
        let fit = TestSupport.run("heart = load \"examples/data/heart.csv\"\nm = fit heart method=copula\nexport m to \"\(path)\"\n")
        precondition(fit.status == .ok, fit.errors)
        return path
    }

    @Test func loadModelReadsAModelWhateverItsName() throws {
        // Setup
        let path = Self.model(named: "heart-model")
        // Run
        let run = TestSupport.runSession("m = load model \"\(path)\"\ns = sample m rows=5 seed=1\n")
        // Assert
        #expect(run.status == .ok, "\(run.errors)")
        #expect(TestSupport.table("s", in: run.session)?.rowCount == 5)
    }

    @Test func theCheckerTypesItAsAModelWithItsColumns() {
        // Setup
        let path = Self.model(named: "heart-model")
        // Run: nothing runs when the checker finds the typo.
        let run = TestSupport.run("m = load model \"\(path)\"\nconstrain m m.agee >= 60\n")
        // Assert
        #expect(run.status == .scriptError)
        #expect(run.output == "")
        #expect(run.errors.contains("the model has no column 'agee'"), "\(run.errors)")
        #expect(!run.errors.contains("stray quote"))
    }

    @Test func aJSONNameStillReadsAModelWithoutTheKeyword() {
        // Setup: scripts have loaded models this way since the first release.
        let path = Self.model(named: "m.json")
        // Run
        let run = TestSupport.run("m = load \"\(path)\"\nconstrain m m.agee >= 60\n")
        // Assert
        #expect(run.errors.contains("the model has no column 'agee'"), "\(run.errors)")
    }

    @Test func aLoadFromAVariablePathIsATable() {
        // Run
        let run = TestSupport.run("p = \"examples/data/heart.csv\"\nt = load p\nm = fit t method=copula\n")
        // Assert
        #expect(run.status == .ok, "\(run.errors)")
    }
}

struct LoadMemoryTests {
    @Test func aFileLargerThanMemoryIsRefusedBeforeItIsRead() throws {
        // Setup: a sparse terabyte (no disk is used) behind a two-line CSV.
        let path = LoadInput.file("a,b\n1,2\n", named: "huge.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(truncate(path, 1 << 40) == 0)
        // Run
        let run = TestSupport.run("x = load \"\(path)\"\n", origin: "huge.synth")
        // Assert
        #expect(run.status == .scriptError)
        #expect(run.errors.contains("huge.synth:1:10: error: loading \(path) needs about 1 TB; "), "\(run.errors)")
    }
}

// OutputFile: the one way commands write files: never over a file the session read, only to
// regular files, atomically, saying what was replaced or created.

import SynthCore
import SynthData

enum OutputFile {
    /// Writes `bytes` to `path` through `AtomicFile`, after refusing a path that is one of the
    /// session's inputs. Errors point at `span` (the path in the script). Returns the notes to
    /// show after "wrote path": "replaced the previous file", "created folder out/".
    static func write(_ bytes: [UInt8], to path: String, at span: SourceSpan, session: Session) throws -> [String] {
        try refuseInput(path, at: span, session: session)
        do {
            return try AtomicFile.write(bytes, to: path).notes
        } catch let error as DataError {
            throw Diagnostic.error(error.description, at: span)
        }
    }

    /// A synthetic table as CSV, with the same rules as `write`.
    static func write(_ table: Table, to path: String, at span: SourceSpan, session: Session) throws -> [String] {
        try refuseInput(path, at: span, session: session)
        do {
            return try CSVWriter.write(table, to: path).notes
        } catch let error as DataError {
            throw Diagnostic.error(error.description, at: span)
        }
    }

    /// An error when `path` is a file this session has read: writing over it would destroy it.
    static func refuseInput(_ path: String, at span: SourceSpan, session: Session) throws {
        guard let input = session.input(at: path) else { return }
        let same = input.path == path ? "" : " (as \(input.path))"
        throw Diagnostic.error("refusing to write over \(path): it is \(input.role)\(same), and an export never destroys an input",
                               at: span, hint: "write to another file, e.g. under out/")
    }

    /// "wrote out/x.csv (11 rows x 5 columns; replaced the previous file)"
    static func wrote(_ path: String, _ what: String, notes: [String]) -> String {
        "wrote \(path) (" + ([what] + notes).joined(separator: "; ") + ")\n"
    }
}

// Test support: temporary directories and reading CSV from inline text.

import Foundation
@testable import SynthData

/// Helpers shared by the SynthData tests.
enum Fixture {
    /// Reads `text` as a CSV file named `name`.
    static func read(_ text: String, name: String = "t.csv", options: CSVOptions = .init()) throws -> Table {
        try CSVReader.read(bytes: Array(text.utf8), name: name, options: options)
    }

    /// The error thrown when reading `text`, if any.
    static func error(_ text: String, name: String = "t.csv", options: CSVOptions = .init()) -> DataError? {
        do {
            _ = try read(text, name: name, options: options)
            return nil
        } catch {
            return error as? DataError
        }
    }

    /// A fresh, empty temporary directory.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "synthdata-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Path of a shared data set, or nil when the data folder is absent.
    static func sharedData(_ relative: String) -> String? {
        let path = "/work/shared/data/" + relative
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The texts of a column's cells (nil = missing).
    static func texts(_ column: Column) -> [String?] {
        (0..<column.count).map { CellFormatter.text(column, row: $0) }
    }
}

// CompletionContext: what tab completion needs to know about the running session.

import Foundation

/// The session state completion draws on: variables, the columns of table variables, and
/// the file system (overridable so tests need no real files).
public protocol CompletionContext {
    /// Names bound in the session.
    var variableNames: [String] { get }
    /// The column names of a table-valued variable; nil when `variable` is not a table.
    func columns(of variable: String) -> [String]?
    /// The entries of a directory (`""` is the working directory), with a flag for directories.
    func directoryEntries(_ directory: String) -> [(name: String, isDirectory: Bool)]
}

extension CompletionContext {
    /// Reads the real file system.
    public func directoryEntries(_ directory: String) -> [(name: String, isDirectory: Bool)] {
        let manager = FileManager.default
        let path = directory.isEmpty ? manager.currentDirectoryPath : (directory as NSString).expandingTildeInPath
        guard let names = try? manager.contentsOfDirectory(atPath: path) else { return [] }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }
}

// AtomicFile: writes a file through a temporary sibling and rename(2), so readers never see half a file.

import SynthCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// All-or-nothing file writes, to regular files only.
public enum AtomicFile {
    /// What a write did besides writing: whether a file was replaced, which folders were made.
    public struct Outcome: Sendable, Equatable {
        public var replaced: Bool
        /// Folders created for the file, outermost first.
        public var createdDirectories: [String]

        /// "replaced the previous file", "created folder out/reports/"; empty when neither happened.
        public var notes: [String] {
            var notes: [String] = []
            if let folder = createdDirectories.last {
                notes.append("created folder \(folder)/")
            }
            if replaced { notes.append("replaced the previous file") }
            return notes
        }
    }

    /// Bytes written between two looks at the cancellation flag.
    static let chunk = 4 << 20

    /// Writes `bytes` to `path`: creates missing parent directories, writes a temporary file in
    /// the same directory, flushes it and renames it over `path`. On failure or Ctrl-C `path` is
    /// untouched and the temporary file removed. Only a regular file is ever replaced: a
    /// folder, device, FIFO or socket at `path` is refused (`DataError.cannotWrite`).
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws -> Outcome {
        let replaced = try existingRegularFile(path)
        let directory = parent(of: path)
        var created: [String] = []
        try makeDirectories(directory, for: path, created: &created)
        var template = Array("\(directory)/.\(basename(of: path)).tmp-XXXXXX".utf8CString)
        // The template is a non-empty C string, so its buffer has a base address.
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw DataError.cannotWrite(path: path, reason: lastError()) }
        let temporary = String(cString: template.map { UInt8(bitPattern: $0) })
        var failure: String?
        var cancelled = false
        Cancellation.whileWriting(temporary) {
            bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var written = 0
                while written < raw.count {
                    if Cancellation.isRequested {
                        cancelled = true
                        return
                    }
                    let n = systemWrite(fd, base + written, min(chunk, raw.count - written))
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = lastError()
                        return
                    }
                    written += n
                }
            }
            if failure == nil && !cancelled && fsync(fd) != 0 { failure = lastError() }
            // mkstemp creates 0600; give the file the usual permissions.
            if failure == nil { fchmod(fd, 0o644) }
            if close(fd) != 0 && failure == nil { failure = lastError() }
            if Cancellation.isRequested { cancelled = true }
            if failure == nil && !cancelled && rename(temporary, path) != 0 { failure = lastError() }
            if failure != nil || cancelled { unlink(temporary) }
        }
        if cancelled { throw CancellationError() }
        if let failure { throw DataError.cannotWrite(path: path, reason: failure) }
        return Outcome(replaced: replaced, createdDirectories: created)
    }

    /// Whether `path` holds a regular file to replace; throws when it holds anything else.
    static func existingRegularFile(_ path: String) throws -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        if type == S_IFREG { return true }
        let what: String
        switch type {
        case S_IFDIR: what = "a folder"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        case S_IFIFO: what = "a FIFO (named pipe)"
        case S_IFSOCK: what = "a socket"
        default: what = "not a regular file"
        }
        throw DataError.cannotWrite(path: path, reason: "it is \(what); synth writes only regular files")
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func basename(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    private static func makeDirectories(_ directory: String, for path: String, created: inout [String]) throws {
        var info = stat()
        if stat(directory, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR { throw DataError.cannotWrite(path: path, reason: "'\(directory)' is not a directory") }
            return
        }
        if directory != "." && directory != "/" { try makeDirectories(parent(of: directory), for: path, created: &created) }
        if mkdir(directory, 0o755) != 0 {
            if errno != EEXIST {
                throw DataError.cannotWrite(path: path, reason: "cannot create directory '\(directory)': \(lastError())")
            }
        } else {
            created.append(directory)
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Darwin.write(fd, buffer, count)
        #endif
    }
}

/// A file as the file system knows it (device and inode), so two paths to one file compare
/// equal: a symbolic link, `./x.csv` and `x.csv`, a hard link.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    /// The identity of the file at `path` (following links), or nil when there is none.
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
